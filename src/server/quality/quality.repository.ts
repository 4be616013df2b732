/**
 * Data-quality checks (C10) as SQL over the cases an actor may see: one row of flags per case, then
 * counted per unit or institution, or listed for drill-down. Every check is defined once, here.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { wholeCaseCondition } from '../policy';
import type { Actor } from '../context';
import { crossInstitutionSql } from '../matching/matching.repository';
import { ACTIVE_EVENTS, limaDate } from '../stats/stats.sources';

export const qualityChecks = [
  'missing_facts_date', 'missing_acts', 'missing_purposes', 'missing_means', 'missing_exploitation_place', 'no_victim',
  'stale', 'duplicate_pending', 'facts_after_registration', 'child_consent_sole_basis', 'conviction_without_charge', 'sentence_outside_range',
] as const;
export type QualityCheck = (typeof qualityChecks)[number];

export interface QualityFilter {
  from?: string;
  to?: string;
  unitId?: string;
  institutionId?: string;
}

const registered = limaDate('c.registered_at');
const childVictim = `(v.age_years is not null and v.age_years < 18) or (v.age_years is null and v.age_band in ('under_14','14_17','under_18'))`;
const convictionWithArticles = `(e.type in ('sentence','plea_agreement','appeal_decided') or (e.type = 'decision' and e.decision = 'conviction'))`;
/** The tier named on the article, or its mildest tier when none is (findTier in src/core/legal/resolve.ts). */
const tierOf = `join justice_event_articles a on a.event_id = e.id and a.role = 'charge'
  join lateral (select t0.* from legal_penalty_tiers t0 where t0.article_id = a.article_id and (a.tier_code is null or t0.tier_code = a.tier_code)
    order by t0.min_months limit 1) t on true`;

/** The SQL of each check on a case `c` (a boolean). */
function checkSql(staleDays: number): Record<QualityCheck, string> {
  return {
    missing_facts_date: `c.facts_start is null`,
    missing_acts: `cardinality(c.acts) = 0`,
    missing_purposes: `cardinality(c.purposes) = 0`,
    missing_means: `cardinality(c.means) = 0 and not exists (select 1 from case_victims v where v.case_id = c.id and cardinality(v.means) > 0)`,
    missing_exploitation_place: `not exists (select 1 from case_places cp where cp.case_id = c.id and cp.kind = 'exploitation')`,
    no_victim: `not exists (select 1 from case_victims v where v.case_id = c.id)`,
    // Not closed and nothing has happened to it (case event or justice event) for staleDays.
    stale: `c.status <> 'closed' and greatest(c.registered_at, (select max(ce.at) from case_events ce where ce.case_id = c.id),
      (select max(je.recorded_at) from justice_events je where je.case_id = c.id)) < now() - interval '1 day' * ${Math.max(1, Math.floor(staleDays))}`,
    // Pairs within one institution only: a pair across institutions belongs in the supervisors' duplicate queue,
    // never in a flag that the person who typed the data could read on their own case.
    duplicate_pending: `exists (select 1 from match_candidates m where m.status = 'pending' and not ${crossInstitutionSql('m')} and (
      m.person_a_id in (select v.person_id from case_victims v where v.case_id = c.id union select s.person_id from case_suspects s where s.case_id = c.id)
      or m.person_b_id in (select v.person_id from case_victims v where v.case_id = c.id union select s.person_id from case_suspects s where s.case_id = c.id)))`,
    facts_after_registration: `c.facts_start > ${registered}`,
    // A child excluded as "not a victim" on a case with no means recorded: the record treats the child's
    // consent as deciding, which the law does not allow (Palermo art. 3(c): no means are needed for a child).
    child_consent_sole_basis: `exists (select 1 from case_victims v where v.case_id = c.id and (${childVictim})
      and v.identification_status = 'not_a_victim' and cardinality(v.means) = 0 and cardinality(c.means) = 0)`,
    conviction_without_charge: `exists (select 1 from ${ACTIVE_EVENTS} e where e.case_id = c.id and e.type = 'decision' and e.decision = 'conviction'
      and not exists (select 1 from ${ACTIVE_EVENTS} e2 where e2.suspect_id = e.suspect_id and e2.type in ('charges_filed','plea_agreement')))`,
    sentence_outside_range: `exists (select 1 from ${ACTIVE_EVENTS} se where se.case_id = c.id and se.type = 'sentence' and se.sentence_months is not null and (
      se.sentence_months < (select max(t.min_months) from ${ACTIVE_EVENTS} e ${tierOf} where e.suspect_id = se.suspect_id and ${convictionWithArticles})
      or se.sentence_months > (select max(t.max_months) from ${ACTIVE_EVENTS} e ${tierOf} where e.suspect_id = se.suspect_id and ${convictionWithArticles})))`,
  };
}

function casesInScope(actor: Actor, filter: QualityFilter): SQL {
  // wholeCaseCondition names the table itself ("cases"), so the table is not aliased here.
  const day = sql.raw(limaDate('cases.registered_at'));
  const where: SQL[] = [wholeCaseCondition(actor)];
  if (filter.from) where.push(sql`${day} >= ${filter.from}::date`);
  if (filter.to) where.push(sql`${day} <= ${filter.to}::date`);
  if (filter.unitId) where.push(sql`cases.unit_id = ${filter.unitId}::uuid`);
  if (filter.institutionId) where.push(sql`cases.institution_id = ${filter.institutionId}::uuid`);
  return sql`select cases.* from cases where ${sql.join(where, sql` and `)}`;
}

/** One row per case in scope with every flag, the registration lags and the group keys. */
function flagsSql(actor: Actor, filter: QualityFilter, staleDays: number): SQL {
  const checks = checkSql(staleDays);
  const columns = qualityChecks.map((k) => `(${checks[k]}) as ${k}`).join(',\n');
  return sql`select c.id, c.code, c.unit_id, c.institution_id, c.registered_at,
    ${sql.raw(registered)} - c.reported_on as lag_report, ${sql.raw(registered)} - c.facts_start as lag_facts, ${sql.raw(columns)}
    from (${casesInScope(actor, filter)}) c`;
}

export interface QualityGroupRow {
  key: string;
  cases: number;
  victims: number;
  lagReportMedian: number | null;
  lagFactsMedian: number | null;
  checks: Record<QualityCheck, number>;
  victimFields: { sexKnown: number; ageKnown: number; nationalityKnown: number; originKnown: number };
}

export async function summariseQuality(tx: Tx, actor: Actor, filter: QualityFilter, groupBy: 'unit' | 'institution' | 'all', staleDays: number): Promise<QualityGroupRow[]> {
  const key = groupBy === 'unit' ? 'unit_id' : groupBy === 'institution' ? 'institution_id' : `'all'::text`;
  const counts = qualityChecks.map((k) => `count(*) filter (where ${k})::int as ${k}`).join(', ');
  const caseRows = (await tx.execute(sql`select ${sql.raw(key === `'all'::text` ? key : `f.${key}`)}::text as key, count(*)::int as cases, ${sql.raw(counts)},
      (percentile_cont(0.5) within group (order by f.lag_report))::float8 as lag_report,
      (percentile_cont(0.5) within group (order by f.lag_facts))::float8 as lag_facts
    from (${flagsSql(actor, filter, staleDays)}) f group by 1`)) as unknown as { rows: Array<Record<string, unknown>> };
  const victimRows = (await tx.execute(sql`select ${sql.raw(key === `'all'::text` ? key : `c.${key}`)}::text as key, count(*)::int as victims,
      count(*) filter (where p.sex <> 'unknown')::int as sex_known,
      count(*) filter (where v.age_years is not null or v.age_band is not null)::int as age_known,
      count(*) filter (where cardinality(p.nationalities) > 0)::int as nationality_known,
      count(*) filter (where p.origin_ubigeo is not null or (p.origin_country is not null and p.origin_country <> 'PER'))::int as origin_known
    from (${casesInScope(actor, filter)}) c join case_victims v on v.case_id = c.id join persons p on p.id = v.person_id group by 1`)) as unknown as {
    rows: Array<Record<string, unknown>>;
  };
  const victims = new Map(victimRows.rows.map((r) => [String(r.key), r]));
  const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  return caseRows.rows.map((r) => {
    const v = victims.get(String(r.key));
    return {
      key: String(r.key),
      cases: num(r.cases),
      victims: num(v?.victims),
      lagReportMedian: r.lag_report === null ? null : Number(r.lag_report),
      lagFactsMedian: r.lag_facts === null ? null : Number(r.lag_facts),
      checks: Object.fromEntries(qualityChecks.map((k) => [k, num(r[k])])) as Record<QualityCheck, number>,
      victimFields: { sexKnown: num(v?.sex_known), ageKnown: num(v?.age_known), nationalityKnown: num(v?.nationality_known), originKnown: num(v?.origin_known) },
    };
  });
}

/** The cases failing one check, for drill-down (only cases the actor may see). */
export async function listFailingCases(tx: Tx, actor: Actor, filter: QualityFilter, check: QualityCheck, staleDays: number, page: number, pageSize: number) {
  const failing = sql`select f.* from (${flagsSql(actor, filter, staleDays)}) f where f.${sql.raw(check)}`;
  const [count] = ((await tx.execute(sql`select count(*)::int as n from (${failing}) x`)) as unknown as { rows: Array<{ n: number }> }).rows;
  const result = (await tx.execute(sql`select x.id, x.code, x.unit_id, x.institution_id, x.registered_at from (${failing}) x
    order by x.registered_at, x.id limit ${pageSize} offset ${(page - 1) * pageSize}`)) as unknown as {
    rows: Array<{ id: string; code: string; unit_id: string; institution_id: string; registered_at: Date | string }>;
  };
  return {
    total: Number(count?.n ?? 0),
    items: result.rows.map((r) => ({ caseId: r.id, code: r.code, unitId: r.unit_id, institutionId: r.institution_id, registeredAt: new Date(r.registered_at).toISOString() })),
  };
}
