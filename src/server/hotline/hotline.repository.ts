/**
 * Hotline calls — queries, always scoped (`visibleCallsCondition`).
 *
 * For the statistics helper (reuse `countCallsByMonth(tx, where, year)` with `visibleCallsCondition(actor)`
 * or `sql\`true\`` for system-wide figures; months are taken in America/Lima time by default):
 * - calls per month of `received_at` × `classification` (nuisance, information_request,
 *   tip_report_no_action, tip_report_action_required, other_crime) — the seed figures' table;
 * - per month × outcome of actionable calls: `pending` (referred, no outcome yet), `case_linked`,
 *   `arrests` (arrests > 0, outranks a linked case), `closed` (closed with a reason and nothing else);
 *   other classifications count as `not_actionable` (the SQL mirrors src/core/hotline/call-status.ts);
 * - the sum of arrests per call: the larger of `arrests` recorded on the call and the non-superseded
 *   `arrest` justice events of its linked case (never both added); referrals by `referral_level` (district … national) and by
 *   referred institution/unit; channel and caller type distributions; place by `place_department`.
 */
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { CallListQuery } from '../../contracts/hotline';
import type { Tx } from '../../db/connect';
import { cases, hotlineCalls, institutions, justiceEvents, units } from '../../db/schema';
import type { Actor } from '../context';
import { notFound } from '../errors/app-error';
import { orderFrom, pageOffset, periodConditions } from '../operations/record-helpers';
import { followUpCallsCondition, visibleCallsCondition } from '../policy';

export type CallRow = typeof hotlineCalls.$inferSelect;
export type CallWithRefs = CallRow & { unitCode: string | null; unitName: string | null; caseCode: string | null; caseArrests: number };

/**
 * Arrests in the linked case's justice chain: `arrest` events not superseded by a correction. The call's
 * outcome counts the larger of these and the arrests the police unit recorded on the call itself.
 */
const caseArrests = sql<number>`coalesce((select count(*)::int from ${justiceEvents} je where je.case_id = ${hotlineCalls.linkedCaseId}
  and je.type = 'arrest' and not exists (select 1 from ${justiceEvents} s where s.supersedes_event_id = je.id)), 0)`;

/** The calls the actor sees: the policy's rule (the hotline, analysts, and the referred police unit). */
export { visibleCallsCondition };

const withRefs = (tx: Tx) =>
  tx
    .select({ call: hotlineCalls, unitCode: units.code, unitName: units.name, caseCode: cases.code, caseArrests })
    .from(hotlineCalls)
    .leftJoin(units, eq(units.id, hotlineCalls.referredUnitId))
    .leftJoin(cases, eq(cases.id, hotlineCalls.linkedCaseId));

const flatten = (r: { call: CallRow; unitCode: string | null; unitName: string | null; caseCode: string | null; caseArrests: number }): CallWithRefs => ({
  ...r.call,
  unitCode: r.unitCode,
  unitName: r.unitName,
  caseCode: r.caseCode,
  caseArrests: Number(r.caseArrests),
});

export async function findVisibleCall(tx: Tx, actor: Actor, id: string): Promise<CallWithRefs> {
  const [row] = await withRefs(tx).where(and(eq(hotlineCalls.id, id), visibleCallsCondition(actor))).limit(1);
  if (!row) throw notFound('hotline_call');
  return flatten(row);
}

export async function findCallWithRefs(tx: Tx, id: string): Promise<CallWithRefs> {
  const [row] = await withRefs(tx).where(eq(hotlineCalls.id, id)).limit(1);
  if (!row) throw notFound('hotline_call');
  return flatten(row);
}

export async function findCallByExternalId(tx: Tx, institutionId: string, externalId: string) {
  const [row] = await tx.select({ id: hotlineCalls.id, requestHash: hotlineCalls.requestHash }).from(hotlineCalls).where(and(eq(hotlineCalls.institutionId, institutionId), eq(hotlineCalls.externalId, externalId))).limit(1);
  return row;
}

const sortable = { receivedAt: hotlineCalls.receivedAt, createdAt: hotlineCalls.createdAt, referredAt: hotlineCalls.referredAt };

async function pageOf(tx: Tx, where: SQL | undefined, query: { page: number; pageSize: number; sort?: string }) {
  const [{ total } = { total: 0 }] = await tx.select({ total: sql<number>`count(*)::int` }).from(hotlineCalls).where(where);
  const rows = await withRefs(tx)
    .where(where)
    .orderBy(...orderFrom(query.sort, sortable, [sql`${hotlineCalls.receivedAt} desc`, sql`${hotlineCalls.id}`]))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  return { rows: rows.map(flatten), total };
}

export function listCalls(tx: Tx, actor: Actor, query: CallListQuery) {
  const where = and(
    visibleCallsCondition(actor),
    ...periodConditions(hotlineCalls.receivedAt, query.from, query.to, true),
    query.classification ? eq(hotlineCalls.classification, query.classification) : undefined,
    query.status ? eq(hotlineCalls.status, query.status) : undefined,
    query.referredUnitId ? eq(hotlineCalls.referredUnitId, query.referredUnitId) : undefined,
  );
  return pageOf(tx, where, query);
}

/** Actionable calls referred to the actor's unit (or institution, for actors without a unit) awaiting an outcome. */
export async function listFollowUp(tx: Tx, actor: Actor, query: { page: number; pageSize: number; sort?: string; mine?: boolean }, seenAt: Date | null) {
  const mine = query.mine ? or(actor.unitId ? eq(hotlineCalls.referredUnitId, actor.unitId) : undefined, eq(hotlineCalls.registeredBy, actor.userId)) : undefined;
  const where = and(followUpCallsCondition(actor), mine);
  const page = await pageOf(tx, where, { ...query, sort: query.sort ?? '-referredAt' });
  const unseenWhen = seenAt ? sql`${hotlineCalls.referredAt} > ${seenAt.toISOString()}::timestamptz` : sql`true`;
  const [{ unseen } = { unseen: 0 }] = await tx.select({ unseen: sql<number>`count(*)::int` }).from(hotlineCalls).where(and(where, unseenWhen));
  return { ...page, unseen: Number(unseen) };
}

/** Every unit of a police institution: the candidates for a referral. */
export function policeUnits(tx: Tx) {
  return tx
    .select({ id: units.id, code: units.code, institutionId: units.institutionId, ubigeo: units.ubigeo })
    .from(units)
    .innerJoin(institutions, eq(institutions.id, units.institutionId))
    .where(eq(institutions.kind, 'police'));
}

export async function findPoliceUnit(tx: Tx, unitId: string) {
  const [row] = await tx
    .select({ id: units.id, institutionId: units.institutionId, kind: institutions.kind })
    .from(units)
    .innerJoin(institutions, eq(institutions.id, units.institutionId))
    .where(eq(units.id, unitId))
    .limit(1);
  return row;
}

export interface CallMonthRow {
  month: number;
  classification: string;
  outcome: string;
  calls: number;
  arrests: number;
}

const arrestsSql = sql<number>`greatest(coalesce(${hotlineCalls.arrests}, 0), ${caseArrests})`;

const outcomeSql = sql<string>`case
  when ${hotlineCalls.classification} <> 'tip_report_action_required' then 'not_actionable'
  when ${arrestsSql} > 0 then 'arrests'
  when ${hotlineCalls.linkedCaseId} is not null then 'case_linked'
  when ${hotlineCalls.closedAt} is not null then 'closed'
  else 'pending' end`;

/** Calls of a calendar year (in `timeZone`) by month × classification × outcome, with arrests summed. */
export async function countCallsByMonth(tx: Tx, where: SQL, year: number, timeZone = 'America/Lima'): Promise<CallMonthRow[]> {
  const local = sql`(${hotlineCalls.receivedAt} at time zone ${timeZone})`;
  const month = sql<number>`extract(month from ${local})::int`;
  return tx
    .select({
      month,
      classification: hotlineCalls.classification,
      outcome: outcomeSql,
      calls: sql<number>`count(*)::int`,
      arrests: sql<number>`coalesce(sum(${arrestsSql}), 0)::int`,
    })
    .from(hotlineCalls)
    .where(and(where, sql`extract(year from ${local}) = ${year}`))
    // By position: the month expression carries a bound parameter (the time zone) that a repeated
    // expression in GROUP BY would not match.
    .groupBy(sql`1, 2, 3`)
    .orderBy(sql`1, 2, 3`);
}
