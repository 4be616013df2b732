/**
 * Hotline calls — queries, always scoped (`visibleCallsCondition`). The monthly figures (calls by
 * classification and outcome, arrests) are not computed here: the statistics engine computes them
 * (hotline.monthly.ts), with the one outcome definition of src/core/hotline/call-status.ts.
 */
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { CallListQuery } from '../../contracts/hotline';
import type { Tx } from '../../db/connect';
import { cases, hotlineCalls, institutions, units } from '../../db/schema';
import type { Actor } from '../context';
import { notFound } from '../errors/app-error';
import { orderFrom, pageOffset, periodConditions } from '../operations/record-helpers';
import { linkedCaseArrestsSql } from './hotline.outcome';
import { followUpCallsCondition, visibleCallsCondition } from '../policy';

export type CallRow = typeof hotlineCalls.$inferSelect;
export type CallWithRefs = CallRow & { unitCode: string | null; unitName: string | null; caseCode: string | null; caseArrests: number };

/**
 * Arrests in the linked case's justice chain: `arrest` events not superseded by a correction. The call's
 * outcome counts the larger of these and the arrests the police unit recorded on the call itself.
 */
const caseArrests = sql<number>`${sql.raw(linkedCaseArrestsSql('hotline_calls'))}`;

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
  const [row] = await tx.select({ id: hotlineCalls.id, requestHash: hotlineCalls.requestHash, version: hotlineCalls.version, syncedVersion: hotlineCalls.syncedVersion }).from(hotlineCalls).where(and(eq(hotlineCalls.institutionId, institutionId), eq(hotlineCalls.externalId, externalId))).limit(1);
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
