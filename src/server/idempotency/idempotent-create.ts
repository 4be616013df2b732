import type { Tx } from '../../db/connect';
import type { Cipher } from '../crypto/cipher';
import { isSystemActor, type Ctx } from '../context';
import { isUniqueViolation } from '../db-errors';
import { conflict } from '../errors/app-error';
import { canonicalJson } from '../../core/canonical-json';
import { findIdempotencyKey, IDEMPOTENCY_KEY_CONSTRAINT, storeIdempotencyKey } from './idempotency-key.repository';

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
 *
 * The same rule keyed on the request's `Idempotency-Key` header (what the web app sends with every create), when
 * the caller passes `key`: the key is the user's own (user, key), stored in `idempotency_keys` with the keyed
 * hash of (kind, target, body) and the id of the record made, in the transaction that makes it. A retry after a
 * lost answer replays that record (200); the key with another kind, target or body is 409
 * `idempotency.mismatch`; of two concurrent requests with one key, the loser's insert of the key fails and
 * its whole work rolls back, then it answers as a replay. Both rules may apply to one request.
 */
export interface IdempotencyKeySpec<Row, View> {
  /** The request: the key is `ctx.idempotencyKey`, owned by `ctx.actor`. No key (or the system): no effect. */
  ctx: Ctx;
  /** What the request is addressed to besides its body (e.g. the case a victim is added to). */
  target?: unknown;
  /** The id of the created (or replayed) record. */
  recordId(view: View): string;
  /** The record a stored key names; undefined when it no longer exists. */
  findById(q: Tx, id: string): Promise<Row | undefined>;
}

export interface IdempotentCreate<Row extends object, View> {
  /** Names the kind of record in the hash, so one body never matches across kinds. */
  kind: string;
  externalId: string | null | undefined;
  /** The validated request: what "the same request" means. */
  body: unknown;
  /** The record under (the actor's institution, externalId); not needed by records that have no externalId. */
  find?(q: Tx, externalId: string): Promise<Row | undefined>;
  /** The existing record as the answer to a replay (may refuse, e.g. when it is out of the actor's scope). */
  replay(q: Tx, row: Row): Promise<View>;
  /** Creates the record, storing `requestHash` on it. */
  create(tx: Tx, requestHash: string | null): Promise<View>;
  /** The unique index on (institution, external_id), to recognise the concurrent loser. */
  constraint?: string;
  /** Honour the request's Idempotency-Key header (top-level creates only, never a record made inside another). */
  key?: IdempotencyKeySpec<Row, View>;
}

/**
 * Runs in a transaction of its own on `q` (a savepoint when `q` is already a transaction, so a lost race
 * leaves the surrounding work usable).
 */
export async function idempotentCreate<Row extends object, View>(
  q: Tx,
  cipher: Cipher,
  spec: IdempotentCreate<Row, View>,
): Promise<{ view: View; created: boolean }> {
  const { key } = spec;
  const headerKey = key && !isSystemActor(key.ctx.actor) ? key.ctx.idempotencyKey : undefined;
  if (!key || !headerKey) return createByExternalId(q, cipher, spec);
  const userId = key.ctx.actor.userId;
  const hash = requestHash(cipher, `key:${spec.kind}`, { target: key.target ?? null, body: spec.body });
  const mismatch = () => conflict('idempotency.mismatch', { externalId: 'Idempotency-Key' });
  const replayKey = async (r: Tx) => {
    const stored = await findIdempotencyKey(r, userId, headerKey);
    if (!stored) return undefined;
    if (stored.kind !== spec.kind || stored.requestHash !== hash) throw mismatch();
    const row = await key.findById(r, stored.recordId);
    // The record was removed since: the key cannot name another one.
    if (!row) throw mismatch();
    return { view: await spec.replay(r, row), created: false };
  };
  try {
    return await q.transaction(async (tx) => {
      const earlier = await replayKey(tx);
      if (earlier) return earlier;
      const made = await createByExternalId(tx, cipher, spec);
      await storeIdempotencyKey(tx, { userId, key: headerKey, kind: spec.kind, requestHash: hash, recordId: key.recordId(made.view) });
      return made;
    });
  } catch (error) {
    if (!isUniqueViolation(error, IDEMPOTENCY_KEY_CONSTRAINT)) throw error;
    const replayed = await replayKey(q);
    if (replayed) return replayed;
    throw error;
  }
}

async function createByExternalId<Row extends object, View>(
  q: Tx,
  cipher: Cipher,
  spec: IdempotentCreate<Row, View>,
): Promise<{ view: View; created: boolean }> {
  const { externalId } = spec;
  if (!externalId) return q.transaction(async (tx) => ({ view: await spec.create(tx, null), created: true }));
  const hash = requestHash(cipher, spec.kind, spec.body);
  const replayExisting = async (r: Tx) => {
    const row = await spec.find?.(r, externalId);
    if (!row) return undefined;
    const stored = (row as { requestHash?: string | null }).requestHash ?? null;
    if (stored !== null && stored !== hash) throw conflict('idempotency.mismatch', { externalId });
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

