import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { FeedPosition, ChangeKind } from '../../core/changes/feed';
import type { Tx } from '../../db/connect';
import { changeLog, changeTx } from '../../db/schema';

export interface StoredChange extends FeedPosition {
  entity: string;
  recordId: string;
  caseId: string | null;
  externalId: string | null;
  version: number | null;
  kind: ChangeKind;
  committedAt: Date | null;
}

/**
 * Committed changes after a position, in commit order. Only numbered transactions are read: a
 * transaction is numbered at its commit (see the migration), so what this returns never grows behind it.
 */
export async function readChangesAfter(tx: Tx, after: FeedPosition, limit: number): Promise<StoredChange[]> {
  const rows = await tx
    .select({
      seq: changeTx.seq,
      id: changeLog.id,
      entity: changeLog.entity,
      recordId: changeLog.recordId,
      caseId: changeLog.caseId,
      externalId: changeLog.externalId,
      version: changeLog.version,
      kind: changeLog.kind,
      committedAt: changeTx.committedAt,
    })
    .from(changeTx)
    .innerJoin(changeLog, eq(changeLog.txid, changeTx.txid))
    .where(and(isNotNull(changeTx.seq), gte(changeTx.seq, after.seq), sql`(${changeTx.seq}, ${changeLog.id}) > (${after.seq}::bigint, ${after.id}::bigint)`))
    .orderBy(changeTx.seq, changeLog.id)
    .limit(limit);
  return rows.map((r) => ({ ...r, seq: Number(r.seq), id: Number(r.id), kind: r.kind as ChangeKind }));
}

/**
 * A page that ends at a transaction boundary, so one transaction's writes fold into one change per record:
 * after `limit` rows, the rest of the last transaction is added when it has fewer than TRANSACTION_TAIL rows
 * (a larger transaction — a bulk import — is cut where the page ends, and its parts fold separately).
 */
const TRANSACTION_TAIL = 1000;

export async function readWholeTransactionsAfter(tx: Tx, after: FeedPosition, limit: number): Promise<StoredChange[]> {
  const rows = await readChangesAfter(tx, after, limit);
  if (rows.length < limit) return rows;
  const last = rows[rows.length - 1]!;
  const rest = (await readChangesAfter(tx, last, TRANSACTION_TAIL)).filter((r) => r.seq === last.seq);
  return rest.length < TRANSACTION_TAIL ? [...rows, ...rest] : rows;
}

/** The position after the last committed change: where a new reader starts to get only what comes next. */
export async function feedHead(tx: Tx): Promise<FeedPosition> {
  const [row] = await tx
    .select({ seq: changeTx.seq, id: sql<number>`max(${changeLog.id})` })
    .from(changeTx)
    .innerJoin(changeLog, eq(changeLog.txid, changeTx.txid))
    .where(isNotNull(changeTx.seq))
    .groupBy(changeTx.seq)
    .orderBy(desc(changeTx.seq))
    .limit(1);
  return row ? { seq: Number(row.seq), id: Number(row.id) } : { seq: 0, id: 0 };
}
