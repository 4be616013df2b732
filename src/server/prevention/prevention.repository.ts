/**
 * Prevention activities (trainings, awareness campaigns, workshops) — queries.
 *
 * Scoped like every institution's records (`visibleActivitiesCondition`, the policy's rule). For the
 * statistics helper (reuse `sumPreventionByMonth` with `visibleActivitiesCondition(actor)`, or `sql\`true\``
 * for the whole registry):
 * - activities counted in the month of `activity_date`, by `type` (training, awareness_campaign,
 *   workshop), by organiser `institution_id` and by place (`place_department`, `ubigeo`);
 * - participants per month × type: total, female, male, unknown (sums);
 * - audiences are multi-select (`audiences` text[]): count activities per audience with `unnest`, and say
 *   on the table that the percentages add up to more than 100%;
 * - participants by institution (optional breakdown, jsonb `[{ institutionId, count }]`).
 */
import { and, arrayContains, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PreventionListQuery } from '../../contracts/prevention';
import type { Tx } from '../../db/connect';
import { preventionActivities } from '../../db/schema';
import type { Actor } from '../context';
import { notFound } from '../errors/app-error';
import { institutionRecordsCondition } from '../policy';
import { orderFrom, pageOffset, periodConditions } from '../operations/record-helpers';

export type PreventionRow = typeof preventionActivities.$inferSelect;

/** Activities the actor sees: the policy's institution records rule (own institution; analysts: all), within geography. */
export const visibleActivitiesCondition = (actor: Actor): SQL => institutionRecordsCondition(actor, preventionActivities);

export async function findActivity(tx: Tx, actor: Actor, id: string): Promise<PreventionRow> {
  const [row] = await tx.select().from(preventionActivities).where(and(eq(preventionActivities.id, id), visibleActivitiesCondition(actor))).limit(1);
  if (!row) throw notFound('prevention_activity');
  return row;
}

export async function findActivityByExternalId(tx: Tx, institutionId: string, externalId: string) {
  const [row] = await tx
    .select()
    .from(preventionActivities)
    .where(and(eq(preventionActivities.institutionId, institutionId), eq(preventionActivities.externalId, externalId)))
    .limit(1);
  return row;
}

const sortable = {
  activityDate: preventionActivities.activityDate,
  participantsTotal: preventionActivities.participantsTotal,
  createdAt: preventionActivities.createdAt,
};

export async function listActivities(tx: Tx, actor: Actor, query: PreventionListQuery) {
  const where = and(
    visibleActivitiesCondition(actor),
    ...periodConditions(preventionActivities.activityDate, query.from, query.to),
    query.type ? eq(preventionActivities.type, query.type) : undefined,
    query.audience ? arrayContains(preventionActivities.audiences, [query.audience]) : undefined,
    query.department ? eq(preventionActivities.placeDepartment, query.department) : undefined,
    query.institutionId ? eq(preventionActivities.institutionId, query.institutionId) : undefined,
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: sql<number>`count(*)::int` }).from(preventionActivities).where(where);
  const rows = await tx
    .select()
    .from(preventionActivities)
    .where(where)
    .orderBy(...orderFrom(query.sort, sortable, [sql`${preventionActivities.activityDate} desc`, sql`${preventionActivities.id}`]))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  return { rows, total };
}

export interface PreventionMonthRow {
  month: number;
  type: string;
  activities: number;
  participantsTotal: number;
  participantsFemale: number;
  participantsMale: number;
  participantsUnknown: number;
}

/** Activities of a calendar year by month × type, with participants by sex. */
export async function sumPreventionByMonth(tx: Tx, where: SQL, year: number): Promise<PreventionMonthRow[]> {
  const month = sql<number>`extract(month from ${preventionActivities.activityDate})::int`;
  const sum = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::int`;
  return tx
    .select({
      month,
      type: preventionActivities.type,
      activities: sql<number>`count(*)::int`,
      participantsTotal: sum(preventionActivities.participantsTotal),
      participantsFemale: sum(preventionActivities.participantsFemale),
      participantsMale: sum(preventionActivities.participantsMale),
      participantsUnknown: sum(preventionActivities.participantsUnknown),
    })
    .from(preventionActivities)
    .where(and(where, sql`extract(year from ${preventionActivities.activityDate}) = ${year}`))
    .groupBy(month, preventionActivities.type)
    .orderBy(month, preventionActivities.type);
}
