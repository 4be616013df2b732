import { and, asc, count, desc, eq, gt, gte, isNotNull, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { auditLog, systemSettings } from '../../db/schema';
import { GENESIS_HASH, UNSEALED } from './audit.hash';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = Omit<typeof auditLog.$inferInsert, 'id'>;

/** Only one sealer at a time (across instances): it reads the head and extends it. */
const AUDIT_SEALER_LOCK = 7_242_003;

/** Held until the sealing transaction ends. */
export async function lockAuditSealer(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_SEALER_LOCK})`);
}

/**
 * The highest id up to which every audit row is final (committed or rolled back, none still to come), or
 * null when in-flight audited transactions did not end within `waitMs` (see migration 0010).
 */
export async function sealBarrier(db: Tx, waitMs: number): Promise<number | null> {
  const result = await db.execute<{ barrier: string | number | null }>(sql`select audit_seal_barrier(${Math.round(waitMs)}::int) as barrier`);
  const rows = (result as unknown as { rows?: { barrier: string | number | null }[] }).rows ?? (result as unknown as { barrier: string | number | null }[]);
  const value = rows[0]?.barrier;
  return value === null || value === undefined ? null : Number(value);
}

/** Unsealed rows up to `maxId`, in id order (the order the sealer chains them in). */
export function unsealedRowsUpTo(tx: Tx, maxId: number, limit: number): Promise<AuditRow[]> {
  return tx.select().from(auditLog).where(and(eq(auditLog.prevHash, UNSEALED), lte(auditLog.id, maxId))).orderBy(asc(auditLog.id)).limit(limit);
}

export async function countUnsealedRows(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(auditLog).where(eq(auditLog.prevHash, UNSEALED));
  return Number(row?.n ?? 0);
}

/** Gives unsealed rows their chain position and chained hash, in one statement. */
export async function sealRows(tx: Tx, rows: readonly { id: number; seq: number; prevHash: string; hash: string }[]): Promise<void> {
  if (!rows.length) return;
  const values = sql.join(rows.map((r) => sql`(${r.id}::bigint, ${r.seq}::bigint, ${r.prevHash}::text, ${r.hash}::text)`), sql`, `);
  await tx.execute(sql`update audit_log a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
    from (values ${values}) as v(id, seq, prev_hash, hash) where a.id = v.id and a.prev_hash = ''`);
}

/**
 * The last keyed entry; before the chain was keyed, the last plain-hashed row (position 0), so that the
 * first keyed entry commits to the whole earlier log.
 */
export async function readChainHead(tx: Tx): Promise<{ seq: number; hash: string }> {
  const [keyed] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.seq)).orderBy(desc(auditLog.seq)).limit(1);
  if (keyed) return { seq: keyed.seq!, hash: keyed.hash };
  const [legacy] = await tx.select({ hash: auditLog.hash }).from(auditLog).where(ne(auditLog.prevHash, UNSEALED)).orderBy(desc(auditLog.id)).limit(1);
  return { seq: 0, hash: legacy?.hash ?? GENESIS_HASH };
}

export async function insertAuditRow(tx: Tx, row: NewAuditRow): Promise<void> {
  await insertAuditRows(tx, [row]);
}

/** Several entries in one statement (their ids follow their order: one insert, one sequence). */
export async function insertAuditRows(tx: Tx, rows: readonly NewAuditRow[]): Promise<void> {
  if (rows.length) await tx.insert(auditLog).values([...rows]);
}

export async function countLegacyRows(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(auditLog).where(and(isNull(auditLog.seq), ne(auditLog.prevHash, UNSEALED)));
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

export interface AuditListFilters {
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** From this instant (inclusive) … */
  from?: Date;
  /** … to this one (exclusive). */
  before?: Date;
}

/** One page of the log, newest first, within `scope` (the policy's readable-audit condition), and the total. */
export async function listAuditEntries(
  db: Tx, filters: AuditListFilters, scope: SQL | undefined, page: { limit: number; offset: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const conditions = [
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.actorId ? eq(auditLog.actorId, filters.actorId) : undefined,
    filters.entityType ? eq(auditLog.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.from ? gte(auditLog.at, filters.from) : undefined,
    filters.before ? lt(auditLog.at, filters.before) : undefined,
    scope,
  ].filter((c): c is SQL => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
