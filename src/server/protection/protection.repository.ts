/*
 * Protection data (src/db/schema/protection.ts) — what the statistics helper counts:
 *
 * - Victims referred, by service type: `referrals` (one row per victim × receiving institution × service
 *   type). Count distinct `case_victim_id` (victims per case, domain rule 6) grouped by `service_type`;
 *   period by `requested_on`; by receiving institution kind through `to_institution_id` → institutions.kind;
 *   status in `status` (requested, accepted, provided, declined, closed). `consent_source = 'override'`
 *   counts referrals made without the victim's consent.
 * - Victims assisted, by service type: `referral_services` (services actually given, with `started_on` /
 *   `ended_on`). Count distinct `case_victim_id` grouped by `service_type`; period by `started_on`;
 *   provider by `provided_by_institution_id`.
 * - Shelter capacity and occupancy: `shelters.capacity_beds` (status 'active'); `shelter_stays` occupy the
 *   nights [check_in_on, check_out_on) — a same-day stay occupies its day, an open stay (check_out_on null)
 *   every day from check_in_on (src/core/protection/occupancy.ts). Beds taken on day D:
 *   count(*) where check_in_on <= D and (check_out_on is null or check_out_on > D or
 *   (check_out_on = check_in_on and check_in_on = D)). Victims sheltered in a period: distinct
 *   case_victim_id of stays overlapping it.
 * - Identification status: case_victims.identification_status / identified_by_institution_id / identified_on.
 * - Reparation: `victim_reparations` (kind restitution | reparation, ordered_amount, paid_amount, currency,
 *   ordered_on, paid_on) — numeric: cast `::float8` or sum as numeric and parse.
 * - Repatriation: `victim_repatriations` (from_country, to_country, repatriated_on).
 * - Residency for foreign victims: `victim_residency_permits` (permit_type, granted_on).
 * - Distinct persons across cases: persons.merged_into_id points a confirmed duplicate at the record kept
 *   (follow to the root: coalesce(merged_into_id, id) is enough for one level; match_candidates holds the
 *   review queue with status pending | confirmed | rejected | unmerged).
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { cases, caseVictims, institutions, referrals, referralServices, shelters, shelterStays, units } from '../../db/schema';
import { isSystemActor, type Actor } from '../context';
import { visibleVictimCondition } from '../policy';

export type ReferralRow = typeof referrals.$inferSelect;
export type ServiceRow = typeof referralServices.$inferSelect;

/** A referral is seen by its two parties and by whoever may see the referred victim. */
export function visibleReferralCondition(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  return or(eq(referrals.fromInstitutionId, actor.institutionId), eq(referrals.toInstitutionId, actor.institutionId), visibleVictimCondition(actor))!;
}

const referralSorts: Record<string, SQL> = {
  createdAt: asc(referrals.createdAt),
  '-createdAt': desc(referrals.createdAt),
  requestedOn: asc(referrals.requestedOn),
  '-requestedOn': desc(referrals.requestedOn),
  status: asc(referrals.status),
  '-status': desc(referrals.status),
};
export const referralSortKeys = Object.keys(referralSorts);

export async function findReferral(tx: Tx, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<ReferralRow | undefined> {
  const query = tx
    .select({ referral: referrals })
    .from(referrals)
    .innerJoin(caseVictims, eq(caseVictims.id, referrals.caseVictimId))
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(eq(referrals.id, id), visibleReferralCondition(actor)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update', { of: referrals }) : await query;
  return row?.referral;
}

export async function listReferrals(tx: Tx, actor: Actor, filter: SQL | undefined, page: { page: number; pageSize: number; sort?: string }) {
  const where = and(visibleReferralCondition(actor), filter);
  const base = () => tx.select().from(referrals).innerJoin(caseVictims, eq(caseVictims.id, referrals.caseVictimId)).innerJoin(cases, eq(cases.id, referrals.caseId));
  const order = referralSorts[page.sort ?? ''] ?? desc(referrals.createdAt);
  const rows = await base().where(where).orderBy(order, asc(referrals.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [count] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(referrals)
    .innerJoin(caseVictims, eq(caseVictims.id, referrals.caseVictimId))
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(where);
  return { rows: rows.map((r) => r.referrals), total: count?.total ?? 0, caseCodes: new Map(rows.map((r) => [r.referrals.id, r.cases.code])) };
}

/** How many referrals the actor sees under the filter (e.g. the new ones of an inbox). */
export async function countReferrals(tx: Tx, actor: Actor, filter: SQL | undefined): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(referrals)
    .innerJoin(caseVictims, eq(caseVictims.id, referrals.caseVictimId))
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(visibleReferralCondition(actor), filter));
  return Number(row?.total ?? 0);
}

export async function servicesOf(tx: Tx, referralIds: string[]): Promise<ServiceRow[]> {
  if (!referralIds.length) return [];
  return tx.select().from(referralServices).where(inArray(referralServices.referralId, referralIds)).orderBy(asc(referralServices.startedOn), asc(referralServices.createdAt));
}

export type AdmissionRow = { referralId: string; checkInOn: string; checkOutOn: string | null; shelterName: string; shelterInstitutionId: string };

/** The shelter stays recorded under these referrals (the admission the referral card confirms). */
export async function admissionsOf(tx: Tx, referralIds: string[]): Promise<AdmissionRow[]> {
  if (!referralIds.length) return [];
  const rows = await tx
    .select({ referralId: shelterStays.referralId, checkInOn: shelterStays.checkInOn, checkOutOn: shelterStays.checkOutOn, shelterName: shelters.name, shelterInstitutionId: shelters.institutionId })
    .from(shelterStays)
    .innerJoin(shelters, eq(shelters.id, shelterStays.shelterId))
    .where(inArray(shelterStays.referralId, referralIds))
    .orderBy(asc(shelterStays.checkInOn));
  return rows.filter((r): r is AdmissionRow => r.referralId !== null);
}

/** Names of the institutions and units a list of records mentions, in two queries. */
export async function namesOf(tx: Tx, institutionIds: Iterable<string>, unitIds: Iterable<string>) {
  const inst = [...new Set(institutionIds)];
  const unit = [...new Set(unitIds)];
  const instRows = inst.length ? await tx.select({ id: institutions.id, name: institutions.name }).from(institutions).where(inArray(institutions.id, inst)) : [];
  const unitRows = unit.length ? await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unit)) : [];
  return { institutions: new Map(instRows.map((r) => [r.id, r.name])), units: new Map(unitRows.map((r) => [r.id, r.name])) };
}
export type Names = Awaited<ReturnType<typeof namesOf>>;
