import type { Cipher } from '../crypto/cipher';
import { isUniqueViolation } from '../db-errors';
import { AppError } from '../errors/app-error';
import { requestHash } from './idempotent-create';

/**
 * Upsert keyed on the sender's own record number (institution, externalId): the one rule the single-record
 * `PUT …/by-external-id/:externalId` routes and the bulk import follow.
 * - no record under the key → `created` (through the entity's own create, which stores the request hash);
 * - a record whose stored hash is the hash of this request → `unchanged`, nothing written;
 * - different data, and nobody edited the record in RETA since the sender last wrote it (its version is still
 *   the `synced_version` the sender's last write left; null = the version it was created with, 1) → `updated`
 *   through the entity's own update at that version (optimistic concurrency, audit), stamping the new hash and
 *   synced version in the same transaction;
 * - different data, but the record was edited in RETA since (or is edited while we write: stale version) →
 *   `conflict`: reported, never overwritten.
 * Every write goes through the entity's service, so scope checks, audit, facts for figures and the change
 * feed see an upsert like any other write.
 */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'conflict';

/** What an update by upsert stamps on the row, in the update's own transaction. */
export interface SyncStamp {
  requestHash: string;
}

/** The columns a stamped update sets: the hash, and the version the update is about to write. */
export function syncColumns(stamp: SyncStamp | undefined, expectedVersion: number) {
  return stamp ? { requestHash: stamp.requestHash, syncedVersion: expectedVersion + 1 } : {};
}

export interface SyncedRow {
  version: number;
  requestHash?: string | null;
  syncedVersion?: number | null;
}

/** True when someone changed the row in RETA after the sender's last write. */
export const editedSinceSync = (row: SyncedRow) => row.version !== (row.syncedVersion ?? 1);

export interface UpsertSpec<Row extends SyncedRow, View> {
  /** Names the kind of record in the hash (the same kind its create uses, so create and upsert agree). */
  kind: string;
  /** The body the hash covers (for records whose create hashes the externalId, include it). */
  body: unknown;
  find(): Promise<Row | undefined>;
  create(): Promise<View>;
  update(row: Row, stamp: SyncStamp): Promise<View>;
  present(row: Row): Promise<View>;
}

export interface UpsertResult<View> {
  outcome: UpsertOutcome;
  view: View;
}

/**
 * The rule for a record that exists, without writing: `unchanged` (the sender's last write had this hash),
 * `conflict` (edited in RETA since), or `update`. What syncExisting and the import's batches both follow.
 */
export function decideExisting(hash: string, row: SyncedRow): 'unchanged' | 'conflict' | 'update' {
  if (row.requestHash === hash) return 'unchanged';
  if (editedSinceSync(row)) return 'conflict';
  return 'update';
}

const isStale = (error: unknown) => error instanceof AppError && error.code === 'record.stale_version';

/**
 * The decision for a record that exists: unchanged, conflict, or updated through `update` (a stale version
 * while updating is someone's edit in between: a conflict). `refind` reads the row again after such a race.
 */
export async function syncExisting<Row extends SyncedRow, View>(
  hash: string,
  row: Row,
  spec: Pick<UpsertSpec<Row, View>, 'update' | 'present'> & { refind(): Promise<Row | undefined> },
): Promise<UpsertResult<View>> {
  const decision = decideExisting(hash, row);
  if (decision !== 'update') return { outcome: decision, view: await spec.present(row) };
  try {
    return { outcome: 'updated', view: await spec.update(row, { requestHash: hash }) };
  } catch (error) {
    if (isStale(error)) return { outcome: 'conflict', view: await spec.present((await spec.refind()) ?? row) };
    throw error;
  }
}

export async function upsertByExternalId<Row extends SyncedRow, View>(cipher: Cipher, spec: UpsertSpec<Row, View>): Promise<UpsertResult<View>> {
  const hash = requestHash(cipher, spec.kind, spec.body);
  const decide = (row: Row) => syncExisting(hash, row, { update: spec.update, present: spec.present, refind: spec.find });
  const existing = await spec.find();
  if (existing) return decide(existing);
  try {
    return { outcome: 'created', view: await spec.create() };
  } catch (error) {
    // A concurrent upsert of the same key won the race: answer as if we had come second.
    const won = isUniqueViolation(error) || (error instanceof AppError && error.code === 'idempotency.mismatch') ? await spec.find() : undefined;
    if (won) return decide(won);
    throw error;
  }
}

/** Several rows make one record (a victim: the person and the link to the case): the combined outcome. */
export function combineOutcomes(outcomes: UpsertOutcome[]): UpsertOutcome {
  for (const o of ['conflict', 'created', 'updated'] as const) if (outcomes.includes(o)) return o;
  return 'unchanged';
}

/** The sync hash of a record, exposed for callers that decide per row (e.g. a dry run). */
export const upsertHash = (cipher: Cipher, kind: string, body: unknown) => requestHash(cipher, kind, body);
