/**
 * Operations (police operations and labour inspections) and their linked cases — queries, always scoped.
 *
 * For the statistics helper (reuse `sumOperationsByMonth` with `visibleOperationsCondition(actor)` or
 * `sql\`true\`` for system-wide figures):
 * - operations counted in the month of `operation_date`, by `type` (intelligence_led, routine_inspection,
 *   rescue, labour_inspection) and by place (`place_department`, `ubigeo`);
 * - sums per month × type of `persons_found`, `minors_found`, `victims_identified`, `arrests`;
 * - operations with at least one linked case (`operation_cases`), for attrition from operation to case.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { OperationListQuery } from '../../contracts/operations';
import type { Tx } from '../../db/connect';
import { cases, operationCases, operations } from '../../db/schema';
import { institutionRecordsCondition, visibleCasesCondition } from '../policy';
import type { Actor } from '../context';
import { notFound } from '../errors/app-error';
import { orderFrom, pageOffset, periodConditions } from './record-helpers';

export type OperationRow = typeof operations.$inferSelect;

export const visibleOperationsCondition = (actor: Actor): SQL => institutionRecordsCondition(actor, operations);

export async function findVisibleOperation(tx: Tx, actor: Actor, id: string): Promise<OperationRow> {
  const [row] = await tx.select().from(operations).where(and(eq(operations.id, id), visibleOperationsCondition(actor))).limit(1);
  if (!row) throw notFound('operation');
  return row;
}

export async function findOperationByExternalId(tx: Tx, institutionId: string, externalId: string) {
  const [row] = await tx.select().from(operations).where(and(eq(operations.institutionId, institutionId), eq(operations.externalId, externalId))).limit(1);
  return row;
}

const sortable = {
  operationDate: operations.operationDate,
  createdAt: operations.createdAt,
  personsFound: operations.personsFound,
  victimsIdentified: operations.victimsIdentified,
  arrests: operations.arrests,
};

export async function listOperations(tx: Tx, actor: Actor, query: OperationListQuery) {
  const where = and(
    visibleOperationsCondition(actor),
    ...periodConditions(operations.operationDate, query.from, query.to),
    query.type ? eq(operations.type, query.type) : undefined,
    query.department ? eq(operations.placeDepartment, query.department) : undefined,
    query.unitId ? eq(operations.unitId, query.unitId) : undefined,
    query.caseId
      ? sql`exists (select 1 from ${operationCases} where ${operationCases.operationId} = ${operations.id} and ${operationCases.caseId} = ${query.caseId})`
      : undefined,
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: sql<number>`count(*)::int` }).from(operations).where(where);
  const rows = await tx
    .select()
    .from(operations)
    .where(where)
    .orderBy(...orderFrom(query.sort, sortable, [sql`${operations.operationDate} desc`, sql`${operations.id}`]))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  return { rows, total };
}

/** Linked cases per operation: the ones the actor may see, and how many there are in all. */
export async function linkedCasesOf(tx: Tx, actor: Actor, operationIds: string[]) {
  const visible = new Map<string, Array<{ id: string; code: string; linkedAt: Date }>>();
  const totals = new Map<string, number>();
  if (operationIds.length === 0) return { visible, totals };
  const links = await tx
    .select({ operationId: operationCases.operationId, id: cases.id, code: cases.code, linkedAt: operationCases.linkedAt })
    .from(operationCases)
    .innerJoin(cases, eq(cases.id, operationCases.caseId))
    .where(and(inArray(operationCases.operationId, operationIds), visibleCasesCondition(actor)))
    .orderBy(operationCases.linkedAt);
  for (const link of links) visible.set(link.operationId, [...(visible.get(link.operationId) ?? []), link]);
  const counted = await tx
    .select({ operationId: operationCases.operationId, n: sql<number>`count(*)::int` })
    .from(operationCases)
    .where(inArray(operationCases.operationId, operationIds))
    .groupBy(operationCases.operationId);
  for (const c of counted) totals.set(c.operationId, c.n);
  return { visible, totals };
}

export async function insertCaseLink(tx: Tx, operationId: string, caseId: string, linkedBy: string | null): Promise<boolean> {
  const inserted = await tx.insert(operationCases).values({ operationId, caseId, linkedBy }).onConflictDoNothing().returning();
  return inserted.length > 0;
}

export async function deleteCaseLink(tx: Tx, operationId: string, caseId: string): Promise<boolean> {
  const deleted = await tx
    .delete(operationCases)
    .where(and(eq(operationCases.operationId, operationId), eq(operationCases.caseId, caseId)))
    .returning();
  return deleted.length > 0;
}

export interface OperationMonthRow {
  month: number;
  type: string;
  operations: number;
  personsFound: number;
  minorsFound: number;
  victimsIdentified: number;
  arrests: number;
  withLinkedCase: number;
}

/** Operations of a calendar year by month × type, with the sums of what they found. */
export async function sumOperationsByMonth(tx: Tx, where: SQL, year: number): Promise<OperationMonthRow[]> {
  const month = sql<number>`extract(month from ${operations.operationDate})::int`;
  return tx
    .select({
      month,
      type: operations.type,
      operations: sql<number>`count(*)::int`,
      personsFound: sql<number>`coalesce(sum(${operations.personsFound}), 0)::int`,
      minorsFound: sql<number>`coalesce(sum(${operations.minorsFound}), 0)::int`,
      victimsIdentified: sql<number>`coalesce(sum(${operations.victimsIdentified}), 0)::int`,
      arrests: sql<number>`coalesce(sum(${operations.arrests}), 0)::int`,
      withLinkedCase: sql<number>`(count(*) filter (where exists (select 1 from ${operationCases} where ${operationCases.operationId} = ${operations.id})))::int`,
    })
    .from(operations)
    .where(and(where, sql`extract(year from ${operations.operationDate}) = ${year}`))
    .groupBy(month, operations.type)
    .orderBy(month, operations.type);
}
