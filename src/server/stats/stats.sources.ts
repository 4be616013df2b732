/**
 * The SQL behind each counting unit of src/core/stats/indicators.ts: which rows are counted, the id that
 * makes a row count once, the person it is about (for distinct persons), its date, the columns that
 * scope it, and an expression per dimension. Static SQL text only — every value from a request is bound
 * as a parameter by stats.query.ts. Written for PostgreSQL 15 (PGlite runs 18).
 */
import { ageSchemes, sentenceBands, type AgeScheme } from '../../core/stats/age-schemes';
import type { DimensionId } from '../../core/stats/dimensions';
import type { BaseCountingUnit, MeasureField } from '../../core/stats/indicators';
import { mainPurposeGroup } from '../../core/stats/purpose-groups';
import { COUNTRY_TIME_ZONE } from '../../core/country-date';
import { AGE_ESTIMATE_MARGIN_YEARS, CHILD_AGE_LIMIT } from '../../core/age';
import { sentenceVoidingOutcomes } from '../../core/justice/events';
import { callArrestsSql, callOutcomeSql } from '../hotline/hotline.outcome';

/**
 * Joins some dimensions of a case `c` need, added only when the dimension is asked for: computed once
 * per unit or per case rather than once per row.
 */
/**
 * The registering unit of a case (its registration event): a transfer moves the case (unit_id,
 * department_code — what the scope follows) but not the unit that registered it (issue 9 item 5).
 * Cases without a registration event fall back to the owning unit.
 */
export const registeringJoin = `left join (select distinct on (ce.case_id) ce.case_id, ce.unit_id, u.institution_id, u.department_code from case_events ce
      join units u on u.id = ce.unit_id where ce.type = 'registration' order by ce.case_id, ce.at, ce.id) ru on ru.case_id = c.id`;

const caseDimJoins: Partial<Record<DimensionId, string>> = {
  registeringDepartment: registeringJoin,
  unit: registeringJoin,
  institution: registeringJoin,
  // The prosecution district of the registering unit: the longest UBIGEO prefix in the district table.
  prosecutionDistrict: `left join (select uu.id as unit_id, (select d.district_code from stats_prosecution_district_areas d
      where coalesce(uu.ubigeo, uu.department_code) like d.prefix || '%' order by length(d.prefix) desc limit 1) as district_code from units uu) pd on pd.unit_id = c.unit_id`,
  exploitationDepartment: `left join (select cp.case_id, array_agg(distinct cp.department_code) as departments from case_places cp
      where cp.kind = 'exploitation' and cp.department_code is not null group by cp.case_id) xp on xp.case_id = c.id`,
};

/** Multi-select dimensions read from rows (one per value) rather than unnested arrays, when broken down by. */
const caseMultiRows: Partial<Record<DimensionId, (alias: string) => string>> = {
  exploitationDepartment: (a) => `left join (select distinct cp.case_id, cp.department_code as v from case_places cp
      where cp.kind = 'exploitation' and cp.department_code is not null) ${a} on ${a}.case_id = c.id`,
};

/**
 * Conditions decided by the pure rules of src/core rather than SQL: the ids (`Source.id`) that meet them
 * are computed first (stats.assessed.ts) and bound into the query, so a statistic and the case-level flag
 * can never disagree.
 */
export type AssessedCondition = 'sentencing' | 'aggravation';

export interface Source {
  /** Multi-select dimensions joined as rows `<alias>.v` when broken down by (filters still use `multi`). */
  multiRows?: Partial<Record<DimensionId, (alias: string) => string>>;
  /** False when the same id can come from several rows (a victim with several referrals): then count distinct. */
  rowPerId?: boolean;
  /** Joins added when a dimension is broken down by or filtered on. */
  dimJoins?: Partial<Record<DimensionId, string>>;
  from: string;
  where?: string;
  id: string;
  person?: string;
  /** The SQL of each measure field the unit has (src/core/stats/indicators.ts measureFields). */
  values?: Partial<Record<MeasureField, string>>;
  /** The date (SQL `date`) that places a row in a period. */
  date: string;
  scope: { institution: string; department: string };
  /** Dimensions with one value per row (text). */
  dims: Partial<Record<DimensionId, string>>;
  /** Dimensions with several values per row (text[]): unnested when broken down by. */
  multi: Partial<Record<DimensionId, string>>;
  /**
   * Named conditions of indicators: rows kept, and the date that then places them in a period. `join`
   * (inner) keeps the rows that have a match and may supply the date, in one pass instead of a
   * correlated subquery per row.
   */
  conditions?: Record<string, { where?: string; date?: string; join?: string; assessed?: AssessedCondition }>;
}

/** Peru has no daylight saving: timestamps are placed in days at UTC−5. */
/** The calendar date of an instant in the country's time zone (the same rule as core/country-date). */
export const limaDate = (column: string) => `(${column} at time zone '${COUNTRY_TIME_ZONE}')::date`;

/** Justice events still standing: no later event supersedes them. */
export const ACTIVE_EVENTS = `(select e0.* from justice_events e0 where not exists (select 1 from justice_events x0 where x0.supersedes_event_id = e0.id))`;

const q = (value: string) => `'${value.replace(/'/g, "''")}'`;

export function ageBandSql(scheme: AgeScheme, age: string, coarse: string | null): string {
  const whens = scheme.bands.map((b) => `when ${age} >= ${b.min}${b.max === null ? '' : ` and ${age} <= ${b.max}`} then ${q(b.code)}`).join(' ');
  const coarseWhens = coarse
    ? Object.entries(scheme.fromCoarseBand).filter(([, band]) => band !== null).map(([from, band]) => `when ${coarse} = ${q(from)} then ${q(band!)}`).join(' ')
    : '';
  return `(case when ${age} is null or ${age} < 0 then (case ${coarseWhens || 'when false then null'} end) ${whens} end)`;
}

/** src/core/stats/purpose-groups.ts purposeGroupOf, generated from the same table: one group per record. */
export const purposeGroupSql = (arr: string) => {
  const has = (group: string) => {
    const forms = Object.entries(mainPurposeGroup).filter(([, g]) => g === group).map(([p]) => q(p));
    return `(${arr}) && array[${forms.join(', ')}]::text[]`;
  };
  return `(case when coalesce(cardinality(${arr}), 0) = 0 then null when ${has('sexual')} and ${has('labour')} then 'mixed' when ${has('sexual')} then 'sexual' when ${has('labour')} then 'labour' else 'other' end)`;
};

const stageNames = `array['police','prosecution','court','execution']`;
const stageRank = `(case e.stage when 'police' then 1 when 'prosecution' then 2 when 'court' then 3 when 'execution' then 4 end)`;
const stageOf = (where: string) => `coalesce((select (${stageNames})[max(${stageRank})] from ${ACTIVE_EVENTS} e where ${where}), 'none')`;

function periodDims(date: string): Partial<Record<DimensionId, string>> {
  return {
    year: `to_char(${date}, 'YYYY')`,
    quarter: `to_char(${date}, 'YYYY') || '-Q' || to_char(${date}, 'Q')`,
    month: `to_char(${date}, 'YYYY-MM')`,
  };
}

/** Dimensions of anything attached to a case `c` registered by unit `u`. */
function caseDims(purposes: string, stageWhere: string): Pick<Source, 'dims' | 'multi'> {
  return {
    dims: {
      registeringDepartment: 'coalesce(ru.department_code, c.department_code)',
      owningDepartment: 'c.department_code',
      prosecutionDistrict: 'pd.district_code',
      source: 'c.source',
      stage: stageOf(stageWhere),
      institution: 'coalesce(ru.institution_id, c.institution_id)::text',
      unit: 'coalesce(ru.unit_id, c.unit_id)::text',
      owningUnit: 'c.unit_id::text',
      purposeGroup: purposeGroupSql(purposes),
    },
    multi: {
      exploitationDepartment: `coalesce(xp.departments, '{}'::text[])`,
      purpose: purposes,
      sector: 'c.sectors',
    },
  };
}

export const victimPurposes = `(case when cardinality(v.exploitation_forms) > 0 then v.exploitation_forms else c.purposes end)`;
/** The year the facts began, or of registration (src/core/age.ts `factsYear`). */
const factsYearSql = `extract(year from coalesce(c.facts_start, ${limaDate('c.registered_at')}))::int`;
/** src/core/age.ts ageAtFacts: the age entered, else the age reached in the year of the facts from the birth year (an estimate). */
export const victimAgeSql = `coalesce(v.age_years, (case when p.birth_year is not null and ${factsYearSql} >= p.birth_year then ${factsYearSql} - p.birth_year end))`;
const victimAgeEstimated = `(case when v.age_years is null and p.birth_year is not null and ${factsYearSql} >= p.birth_year then true else v.age_estimated end)`;
const verified = `(v.age_verified and not ${victimAgeEstimated})`;
/** src/core/age.ts ageGroupOf, generated from the same constants (src/server/stats/age-sql.test.ts compares them). */
export const victimAgeGroup = `(case
  when ${victimAgeSql} is not null then (case
    when ${verified} then (case when ${victimAgeSql} < ${CHILD_AGE_LIMIT} then 'child' else 'adult' end)
    when ${victimAgeEstimated} then (case when ${victimAgeSql} < ${CHILD_AGE_LIMIT + AGE_ESTIMATE_MARGIN_YEARS} then 'presumed_child' else 'adult' end)
    else (case when ${victimAgeSql} < ${CHILD_AGE_LIMIT} then 'presumed_child' else 'adult' end) end)
  when v.age_band in ('under_14','14_17','under_18') then (case when ${verified} then 'child' else 'presumed_child' end)
  when v.age_band = '18_plus' then 'adult' else 'presumed_child' end)`;
export const unodc = (group: string) =>
  `(case when p.sex = 'female' then (case when ${group} in ('child','presumed_child') then 'girl' else 'woman' end) when p.sex = 'male' then (case when ${group} in ('child','presumed_child') then 'boy' else 'man' end) else 'unknown' end)`;

function victimPersonDims(): Pick<Source, 'dims' | 'multi'> {
  return {
    dims: {
      sex: 'p.sex',
      ageBandReta: ageBandSql(ageSchemes.reta, victimAgeSql, 'v.age_band'),
      ageBandPeru: ageBandSql(ageSchemes.peru, victimAgeSql, 'v.age_band'),
      ageBandCtdc: ageBandSql(ageSchemes.ctdc, victimAgeSql, 'v.age_band'),
      ageGroup: victimAgeGroup,
      unodcCategory: unodc(victimAgeGroup),
      originDepartment: 'left(p.origin_ubigeo, 2)',
      identificationStatus: 'v.identification_status',
    },
    multi: { nationality: 'p.nationalities' },
  };
}

/** Suspects have a birth year, not an age at the facts: the age in the year of the facts (or registration). */
const suspectAge = `(extract(year from coalesce(c.facts_start, ${limaDate('c.registered_at')}))::int - p.birth_year)`;
const suspectGroup = `(case when p.birth_year is null then 'unknown' when ${suspectAge} < 18 then 'child' else 'adult' end)`;
function suspectPersonDims(): Pick<Source, 'dims' | 'multi'> {
  return {
    dims: { sex: 'p.sex', ageBandPeru: ageBandSql(ageSchemes.peru, suspectAge, null), ageGroup: suspectGroup, unodcCategory: unodc(suspectGroup) },
    multi: { nationality: 'p.nationalities' },
  };
}

const merge = (...parts: Array<Pick<Source, 'dims' | 'multi'>>) => ({
  dims: Object.assign({}, ...parts.map((p) => p.dims)),
  multi: Object.assign({}, ...parts.map((p) => p.multi)),
});

const caseJoin = 'join cases c on c.id = v.case_id';
const caseScope = { institution: 'c.institution_id', department: 'c.department_code' };
const caseDate = limaDate('c.registered_at');
/**
 * A merged person is one person (issue 9, item 4): rows join the record the person was merged into (a
 * merge is one level: src/server/matching refuses to merge a merged record), so sex, birth year,
 * nationalities and origin — hence counts, bands and routes — are the surviving record's.
 */
export const personOf = (link: string) => `join persons p0 on p0.id = ${link} join persons p on p.id = coalesce(p0.merged_into_id, p0.id)`;
const resolvedPerson = 'p.id';

const firstEvent = (where: string) => `(select min(e.occurred_on) from ${ACTIVE_EVENTS} e where e.suspect_id = s.id and (${where}))`;
export const convictionEvent = `((e.type = 'decision' and e.decision = 'conviction') or e.type = 'plea_agreement')`;
/** Events that give a qualification step in src/core/justice/flags.ts (qualifications), and the role of their articles. */
const chargeSteps = `('preliminary_investigation_opened','investigation_formalised','charges_filed','plea_agreement','sentence','appeal_decided')`;
const stepArticle = (e: string, a: string) =>
  `((${e}.type = 'reclassified' and ${a}.role in ('from','to')) or (${a}.role = 'charge' and (${e}.type in ${chargeSteps} or (${e}.type = 'decision' and ${e}.decision = 'conviction'))))`;
/** The articles of a later step: the `to` articles of a reclassification, the charges of a charge or conviction. */
const laterArticles = (extra: string) => `exists (select 1 from justice_event_articles a join legal_articles la on la.id = a.article_id
  where a.event_id = e.id and a.role = (case when e.type = 'reclassified' then 'to' else 'charge' end)${extra})`;
/**
 * Rule 5, as findReclassification / isReductionToLesser read it: a charge or conviction step (a
 * reclassification's `to` articles, charges filed, a conviction, plea, sentence or appeal naming articles)
 * with no trafficking article and at least one lesser offence, after an earlier step (or the same
 * reclassification's `from` articles) under a trafficking article. Dated by the first such step.
 */
const reclassifiedDate = firstEvent(
  `(e.type in ('reclassified','charges_filed','plea_agreement','sentence','appeal_decided') or ${convictionEvent})
   and ${laterArticles(' and la.is_lesser_offence')} and not ${laterArticles(' and la.is_trafficking')}
   and exists (select 1 from ${ACTIVE_EVENTS} e2 join justice_event_articles a2 on a2.event_id = e2.id join legal_articles la2 on la2.id = a2.article_id
     where e2.suspect_id = s.id and la2.is_trafficking and ${stepArticle('e2', 'a2')}
       and ((e2.occurred_on, e2.recorded_at) < (e.occurred_on, e.recorded_at) or (e2.id = e.id and a2.role = 'from')))`,
);

/** Defendants with a standing event matching `where`, dated by the first such event. */
const withFirstEvent = (where: string) => ({
  join: `join (select e.suspect_id, min(e.occurred_on) as first_on from ${ACTIVE_EVENTS} e where ${where} group by e.suspect_id) ev on ev.suspect_id = s.id`,
  date: 'ev.first_on',
});

export const defendantConditions = {
  arrested: withFirstEvent(`e.type = 'arrest'`),
  charged: withFirstEvent(`e.type = 'charges_filed'`),
  convicted: withFirstEvent(convictionEvent),
  acquitted: withFirstEvent(`e.type = 'decision' and e.decision = 'acquittal'`),
  dismissed: withFirstEvent(`e.type = 'decision' and e.decision = 'dismissal'`),
  archived: withFirstEvent(`e.type = 'archived'`),
  reclassified: { date: reclassifiedDate },
} satisfies Source['conditions'];

const sentenceBandSql = `(case ${sentenceBands.map((b) => `when se.sentence_months >= ${b.min}${b.max === null ? '' : ` and se.sentence_months <= ${b.max}`} then ${q(b.code)}`).join(' ')} end)`;

const personJoinS = `join cases c on c.id = s.case_id ${personOf('s.person_id')}`;

/** Each unit's `values` are exactly its measure fields: a missing or extra one is a type error. */
type Sources = { [U in BaseCountingUnit]: Omit<Source, 'values'> & ([MeasureField<U>] extends [never] ? { values?: undefined } : { values: Record<MeasureField<U>, string> }) };

export const sources: Sources = {
  case: {
    dimJoins: caseDimJoins,
    multiRows: caseMultiRows,
    from: 'cases c',
    id: 'c.id',
    date: caseDate,
    scope: caseScope,
    ...merge(caseDims('c.purposes', 'e.case_id = c.id')),
  },
  victim: {
    dimJoins: caseDimJoins,
    multiRows: caseMultiRows,
    from: `case_victims v ${caseJoin} ${personOf('v.person_id')}`,
    where: `v.identification_status <> 'not_a_victim'`,
    id: 'v.id',
    person: resolvedPerson,
    date: caseDate,
    scope: caseScope,
    ...merge(caseDims(victimPurposes, 'e.case_id = c.id'), victimPersonDims()),
  },
  suspect: {
    dimJoins: caseDimJoins,
    multiRows: caseMultiRows,
    from: `case_suspects s ${personJoinS}`,
    id: 's.id',
    person: resolvedPerson,
    date: caseDate,
    scope: caseScope,
    ...merge(caseDims('c.purposes', 'e.suspect_id = s.id'), suspectPersonDims()),
  },
  defendant: {
    dimJoins: caseDimJoins,
    multiRows: caseMultiRows,
    from: `case_suspects s ${personJoinS}`,
    id: 's.id',
    person: resolvedPerson,
    date: caseDate,
    scope: caseScope,
    conditions: defendantConditions,
    ...merge(caseDims('c.purposes', 'e.suspect_id = s.id'), suspectPersonDims()),
  },
  sentence: {
    dimJoins: caseDimJoins,
    multiRows: caseMultiRows,
    // The defendant's latest standing sentence, while it stands: no later appeal revoked or annulled it.
    from: `(select distinct on (e.suspect_id) e.* from ${ACTIVE_EVENTS} e where e.type = 'sentence' and e.sentence_months is not null
            order by e.suspect_id, e.occurred_on desc, e.recorded_at desc) se
           join case_suspects s on s.id = se.suspect_id ${personJoinS}`,
    where: `not exists (select 1 from ${ACTIVE_EVENTS} ap where ap.suspect_id = se.suspect_id and ap.type = 'appeal_decided'
      and ap.appeal_outcome in (${sentenceVoidingOutcomes.map(q).join(', ')}) and (ap.occurred_on, ap.recorded_at) > (se.occurred_on, se.recorded_at))`,
    id: 's.id',
    person: resolvedPerson,
    values: { sentenceMonths: 'se.sentence_months' },
    date: 'se.occurred_on',
    scope: caseScope,
    conditions: {
      // Rule 4 is decided by src/core/legal/sentencing.ts (governing tier, mildest tier when none is named,
      // the regime's limit for suspension) through the case-level assessment: the same flag as the case.
      below_minimum: { assessed: 'sentencing' },
    },
    ...(() => {
      const m = merge(caseDims('c.purposes', 'e.suspect_id = s.id'), suspectPersonDims());
      return { dims: { ...m.dims, sentenceBand: sentenceBandSql, decision: `'conviction'` }, multi: m.multi };
    })(),
  },
  referral_victim: {
    rowPerId: false,
    dimJoins: caseDimJoins,
    multiRows: caseMultiRows,
    from: `referrals r join case_victims v on v.id = r.case_victim_id ${caseJoin} ${personOf('v.person_id')}`,
    id: 'v.id',
    person: resolvedPerson,
    date: 'r.requested_on',
    scope: caseScope,
    ...(() => {
      const m = merge(caseDims(victimPurposes, 'e.case_id = c.id'), victimPersonDims());
      return { dims: { ...m.dims, serviceType: 'r.service_type', referralStatus: 'r.status' }, multi: m.multi };
    })(),
  },
  service_victim: {
    rowPerId: false,
    dimJoins: caseDimJoins,
    multiRows: caseMultiRows,
    from: `referral_services rs join case_victims v on v.id = rs.case_victim_id ${caseJoin} ${personOf('v.person_id')}`,
    id: 'v.id',
    person: resolvedPerson,
    date: 'rs.started_on',
    scope: caseScope,
    ...(() => {
      const m = merge(caseDims(victimPurposes, 'e.case_id = c.id'), victimPersonDims());
      return { dims: { ...m.dims, serviceType: 'rs.service_type' }, multi: m.multi };
    })(),
  },
  shelter_stay: {
    from: `shelter_stays st join shelters sh on sh.id = st.shelter_id join case_victims v on v.id = st.case_victim_id ${caseJoin} ${personOf('v.person_id')}`,
    id: 'st.id',
    person: resolvedPerson,
    values: { nights: `greatest(1, coalesce(st.check_out_on, current_date) - st.check_in_on)` },
    date: 'st.check_in_on',
    scope: { institution: 'sh.institution_id', department: 'sh.department_code' },
    dims: {
      shelter: 'sh.id::text',
      placeDepartment: 'sh.department_code',
      institution: 'sh.institution_id::text',
      sex: 'p.sex',
      ageBandReta: ageBandSql(ageSchemes.reta, victimAgeSql, 'v.age_band'),
      ageGroup: victimAgeGroup,
      unodcCategory: unodc(victimAgeGroup),
    },
    multi: {},
  },
  hotline_call: {
    // Not aliased: /api/v1/hotline/stats/monthly runs this source under the hotline's own scope rule
    // (src/server/policy visibleCallsCondition), whose columns name the table.
    from: 'hotline_calls',
    id: 'hotline_calls.id',
    values: { arrests: callArrestsSql('hotline_calls') },
    date: limaDate('hotline_calls.received_at'),
    scope: { institution: 'hotline_calls.institution_id', department: 'hotline_calls.department_code' },
    dims: {
      hotlineClassification: 'hotline_calls.classification',
      hotlineOutcome: callOutcomeSql('hotline_calls'),
      hotlineChannel: 'hotline_calls.channel',
      placeDepartment: 'hotline_calls.place_department',
      registeringDepartment: 'hotline_calls.department_code',
      institution: 'hotline_calls.institution_id::text',
      unit: 'hotline_calls.unit_id::text',
    },
    multi: {},
  },
  operation: {
    from: 'operations o',
    id: 'o.id',
    values: { persons_found: 'o.persons_found', minors_found: 'o.minors_found', victims_identified: 'o.victims_identified', arrests: 'o.arrests' },
    date: 'o.operation_date',
    scope: { institution: 'o.institution_id', department: 'o.department_code' },
    dims: { operationType: 'o.type', placeDepartment: 'o.place_department', registeringDepartment: 'o.department_code', institution: 'o.institution_id::text', unit: 'o.unit_id::text' },
    multi: {},
  },
  prevention_activity: {
    from: 'prevention_activities a',
    id: 'a.id',
    values: { participants: 'a.participants_total' },
    date: 'a.activity_date',
    scope: { institution: 'a.institution_id', department: 'a.department_code' },
    dims: { preventionType: 'a.type', placeDepartment: 'a.place_department', registeringDepartment: 'a.department_code', institution: 'a.institution_id::text', unit: 'a.unit_id::text' },
    multi: { audience: 'a.audiences' },
  },
};

/** Adds the period dimensions of a date to a source's dimensions. */
export const withPeriods = (dims: Source['dims'], date: string) => ({ ...dims, ...periodDims(date) });
