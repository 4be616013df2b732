import { asc, count, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { auditLog, systemSettings } from '../../db/schema';
import { GENESIS_HASH } from './audit.hash';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = Omit<typeof auditLog.$inferInsert, 'id'> & { seq: number };

/** A fixed advisory-lock key: appends are serialised so that the chain has no forks. */
const AUDIT_CHAIN_LOCK = 7_242_001;

/** Held until the transaction ends: take it just before reading the head and inserting. */
export async function lockAuditChain(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

/**
 * The last keyed entry; before the chain was keyed, the last plain-hashed row (position 0), so that the
 * first keyed entry commits to the whole earlier log.
 */
export async function readChainHead(tx: Tx): Promise<{ seq: number; hash: string }> {
  const [keyed] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.seq)).orderBy(desc(auditLog.seq)).limit(1);
  if (keyed) return { seq: keyed.seq!, hash: keyed.hash };
  const [legacy] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return { seq: 0, hash: legacy?.hash ?? GENESIS_HASH };
}

export async function insertAuditRow(tx: Tx, row: NewAuditRow): Promise<void> {
  await insertAuditRows(tx, [row]);
}

/** Several chained entries in one statement (their ids follow their order: one insert, one sequence). */
export async function insertAuditRows(tx: Tx, rows: readonly NewAuditRow[]): Promise<void> {
  if (rows.length) await tx.insert(auditLog).values([...rows]);
}

export async function countLegacyRows(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(auditLog).where(isNull(auditLog.seq));
  return Number(row?.n ?? 0);
}

/** Rows in id order after `afterId`, a batch at a time (the verifier walks the whole log). */
export function auditRowsAfter(tx: Tx, afterId: number, limit: number): Promise<AuditRow[]> {
  return tx.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}

export async function readSetting<T>(tx: Tx, key: string): Promise<T | undefined> {
  const [row] = await tx.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, key)).limit(1);
  return row?.value as T | undefined;
}

export async function writeSetting(tx: Tx, key: string, value: unknown): Promise<void> {
  await tx.insert(systemSettings).values({ key, value }).onConflictDoUpdate({ target: systemSettings.key, set: { value } });
}
