import type { Tx } from '../../db/connect';
import type { Cipher } from '../crypto/cipher';
import { isUniqueViolation } from '../db-errors';
import { conflict } from '../errors/app-error';
import { canonicalJson } from '../../core/canonical-json';

/**
 * Idempotent creation keyed on the sender's own record number (`externalId`, unique per institution), the one
 * rule every create with an externalId follows:
 * - no record yet under (institution, externalId) → created (201), with a keyed hash of the canonical request
 *   stored on the row;
 * - a record exists and the request is the same (same canonical body) → that record (200), nothing written;
 * - a record exists and the request differs → 409 `idempotency.mismatch`: new data is never silently dropped
 *   (changes go through the record's own update route);
 * - two concurrent creates: the loser's unique violation is answered as a replay of the winner's record.
 * Rows created before request hashes existed (hash null) answer as a replay.
 */
export interface IdempotentCreate<Row extends { requestHash: string | null }, View> {
  /** Names the kind of record in the hash, so one body never matches across kinds. */
  kind: string;
  externalId: string | null | undefined;
  /** The validated request: what "the same request" means. */
  body: unknown;
  /** The record under (the actor's institution, externalId). */
  find(q: Tx, externalId: string): Promise<Row | undefined>;
  /** The existing record as the answer to a replay (may refuse, e.g. when it is out of the actor's scope). */
  replay(q: Tx, row: Row): Promise<View>;
  /** Creates the record, storing `requestHash` on it. */
  create(tx: Tx, requestHash: string | null): Promise<View>;
  /** The unique index on (institution, external_id), to recognise the concurrent loser. */
  constraint?: string;
}

/**
 * Runs in a transaction of its own on `q` (a savepoint when `q` is already a transaction, so a lost race
 * leaves the surrounding work usable).
 */
export async function idempotentCreate<Row extends { requestHash: string | null }, View>(
  q: Tx,
  cipher: Cipher,
  spec: IdempotentCreate<Row, View>,
): Promise<{ view: View; created: boolean }> {
  const { externalId } = spec;
  if (!externalId) return q.transaction(async (tx) => ({ view: await spec.create(tx, null), created: true }));
  const hash = requestHash(cipher, spec.kind, spec.body);
  const replayExisting = async (r: Tx) => {
    const row = await spec.find(r, externalId);
    if (!row) return undefined;
    if (row.requestHash !== null && row.requestHash !== hash) throw conflict('idempotency.mismatch', { externalId });
    return { view: await spec.replay(r, row), created: false };
  };
  try {
    return await q.transaction(async (tx) => (await replayExisting(tx)) ?? { view: await spec.create(tx, hash), created: true });
  } catch (error) {
    if (!isUniqueViolation(error, spec.constraint)) throw error;
    const replayed = await replayExisting(q);
    if (replayed) return replayed;
    throw conflict('idempotency.mismatch', { externalId });
  }
}

/** HMAC (the blind-index key) of the canonical JSON: bodies carry identity data, so never a plain hash. */
export function requestHash(cipher: Cipher, kind: string, body: unknown): string {
  return cipher.blindIndex(`idempotency:${kind}`, canonicalJson(body, { omitNullMembers: true }));
}

