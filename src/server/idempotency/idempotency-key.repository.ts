import { and, eq, lt } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { idempotencyKeys } from '../../db/schema';

export const IDEMPOTENCY_KEY_CONSTRAINT = 'idempotency_keys_pkey';

export type StoredIdempotencyKey = typeof idempotencyKeys.$inferSelect;

export async function findIdempotencyKey(q: Tx, userId: string, key: string): Promise<StoredIdempotencyKey | undefined> {
  const [row] = await q.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key))).limit(1);
  return row;
}

/** Fails with a unique violation on IDEMPOTENCY_KEY_CONSTRAINT when a concurrent request stored the key first. */
export async function storeIdempotencyKey(q: Tx, row: Omit<StoredIdempotencyKey, 'createdAt'>): Promise<void> {
  await q.insert(idempotencyKeys).values(row);
}

/** Keys stored before `before`: a retry that late is a new request. */
export async function purgeIdempotencyKeysBefore(q: Tx, before: Date): Promise<void> {
  await q.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
}
