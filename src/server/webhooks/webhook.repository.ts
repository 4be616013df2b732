import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { apiTokens, webhookDeliveries, webhooks } from '../../db/schema';

export type WebhookRow = typeof webhooks.$inferSelect;

export async function listWebhooks(tx: Tx) {
  return tx
    .select({ webhook: webhooks, tokenName: apiTokens.name })
    .from(webhooks)
    .innerJoin(apiTokens, eq(apiTokens.id, webhooks.tokenId))
    .orderBy(webhooks.createdAt);
}

export async function findWebhook(tx: Tx, id: string) {
  const [row] = await tx.select({ webhook: webhooks, tokenName: apiTokens.name }).from(webhooks).innerJoin(apiTokens, eq(apiTokens.id, webhooks.tokenId)).where(eq(webhooks.id, id)).limit(1);
  return row;
}

export async function listDeliveries(tx: Tx, webhookId: string, limit: number) {
  return tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).orderBy(desc(webhookDeliveries.attemptedAt)).limit(limit);
}

/**
 * Takes up to `limit` due webhooks for one worker: a lease (so another instance skips them until it runs
 * out) under FOR UPDATE SKIP LOCKED, so two instances never claim the same webhook at once.
 */
export async function claimDueWebhooks(tx: Tx, now: Date, leaseSeconds: number, limit: number): Promise<string[]> {
  const result = (await tx.execute(sql`
    update webhooks set lease_until = ${now.toISOString()}::timestamptz + make_interval(secs => ${leaseSeconds}::int)
    where id in (
      select id from webhooks
      where active and next_attempt_at <= ${now.toISOString()}::timestamptz and (lease_until is null or lease_until < ${now.toISOString()}::timestamptz)
      order by next_attempt_at limit ${limit}::int
      for update skip locked)
    returning id`)) as unknown as { rows: Array<{ id: string }> };
  return result.rows.map((r) => r.id);
}

export async function recordDelivery(tx: Tx, row: typeof webhookDeliveries.$inferInsert) {
  await tx.insert(webhookDeliveries).values(row);
}

/** Ends the lease with the outcome of the round; only the worker that holds the lease writes. */
export async function settleWebhook(tx: Tx, id: string, set: Partial<Pick<WebhookRow, 'cursorSeq' | 'cursorId' | 'consecutiveFailures' | 'nextAttemptAt' | 'active' | 'disabledAt'>>) {
  await tx
    .update(webhooks)
    .set({ ...set, leaseUntil: null, ...(set.active === false ? { version: sql`${webhooks.version} + 1` } : {}) })
    .where(eq(webhooks.id, id));
}

export async function tokenOf(tx: Tx, tokenId: string) {
  const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).limit(1);
  return row;
}

export async function setWebhookActive(tx: Tx, id: string, version: number, active: boolean, now: Date) {
  const [row] = await tx
    .update(webhooks)
    .set(active ? { active: true, disabledAt: null, consecutiveFailures: 0, nextAttemptAt: now, version: sql`${webhooks.version} + 1` } : { active: false, disabledAt: now, version: sql`${webhooks.version} + 1` })
    .where(and(eq(webhooks.id, id), eq(webhooks.version, version)))
    .returning();
  return row;
}
