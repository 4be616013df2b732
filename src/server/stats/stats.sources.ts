/**
 * The SQL behind each counting unit of src/core/stats/indicators.ts: which rows are counted, the id that
 * makes a row count once, the person it is about (for distinct persons), its date, the columns that
 * scope it, and an expression per dimension. Static SQL text only — every value from a request is bound
 * as a parameter by stats.query.ts. Written for PostgreSQL 15 (PGlite runs 18).
 */
import type { DimensionId } from '../../core/stats/dimensions';
import type { BaseCountingUnit, MeasureField } from '../../core/stats/indicators';
import { COUNTRY_TIME_ZONE } from '../../core/country-date';
import { callArrestsSql, callOutcomeSql } from '../hotline/hotline.outcome';

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
  conditions?: Record<string, { where?: string; date?: string; join?: string }>;
}

/** Peru has no daylight saving: timestamps are placed in days at UTC−5. */
/** The calendar date of an instant in the country's time zone (the same rule as core/country-date). */
export const limaDate = (column: string) => `(${column} at time zone '${COUNTRY_TIME_ZONE}')::date`;

/** Justice events still standing: no later event supersedes them (used by data-quality checks, not by statistics). */
export const ACTIVE_EVENTS = `(select e0.* from justice_events e0 where not exists (select 1 from justice_events x0 where x0.supersedes_event_id = e0.id))`;

function periodDims(date: string): Partial<Record<DimensionId, string>> {
  return {
    year: `to_char(${date}, 'YYYY')`,
    quarter: `to_char(${date}, 'YYYY') || '-Q' || to_char(${date}, 'Q')`,
    month: `to_char(${date}, 'YYYY-MM')`,
  };
}

/*
 * Every source below reads the fact tables of src/db/schema/stats-facts.ts (alias `f`), kept in the write
 * transaction by src/server/stats/facts and derived by src/core/stats/facts.ts with the rules the API
 * applies (age at the facts and presumption of minority, purpose groups, the standing justice events,
 * the standing sentence, below-minimum). Joins are added only for the dimension or filter that needs
 * them. Hotline calls, operations and prevention activities are one narrow row each and stay on their
 * own tables; referrals, services and shelter stays join the victim facts for the victim's dimensions.
 */

/** The prosecution district of the owning unit: the longest UBIGEO prefix in the (editable) district table. */
const districtJoin = `left join (select uu.id as unit_id, (select d.district_code from stats_prosecution_district_areas d
      where coalesce(uu.ubigeo, uu.department_code) like d.prefix || '%' order by length(d.prefix) desc limit 1) as district_code from units uu) pd on pd.unit_id = f.owning_unit_id`;
const factJoins: Partial<Record<DimensionId, string>> = { prosecutionDistrict: districtJoin };

/** Dimensions every fact row has from its case. */
function caseDims(): Pick<Source, 'dims' | 'multi'> {
  return {
    dims: {
      registeringDepartment: 'f.registering_department',
      owningDepartment: 'f.owning_department',
      prosecutionDistrict: 'pd.district_code',
      source: 'f.source',
      stage: 'f.stage',
      institution: 'f.registering_institution_id::text',
      unit: 'f.registering_unit_id::text',
      owningUnit: 'f.owning_unit_id::text',
      purposeGroup: 'f.purpose_group',
    },
    multi: {
      exploitationDepartment: 'f.exploitation_departments',
      purpose: 'f.case_purposes',
      sector: 'f.sectors',
    },
  };
}

function victimDims(): Pick<Source, 'dims' | 'multi'> {
  const c = caseDims();
  return {
    dims: {
      ...c.dims,
      sex: 'f.sex',
      ageBandReta: 'f.age_band_reta',
      ageBandPeru: 'f.age_band_peru',
      ageBandCtdc: 'f.age_band_ctdc',
      ageGroup: 'f.age_group',
      unodcCategory: 'f.unodc_category',
      originDepartment: 'f.origin_department',
      identificationStatus: 'f.identification_status',
    },
    // A victim's purposes are its own forms of exploitation, else the case's.
    multi: { ...c.multi, purpose: 'f.purposes', nationality: 'f.nationalities' },
  };
}

function defendantDims(): Pick<Source, 'dims' | 'multi'> {
  const c = caseDims();
  return {
    dims: { ...c.dims, sex: 'f.sex', ageBandPeru: 'f.age_band_peru', ageGroup: 'f.age_group', unodcCategory: 'f.unodc_category' },
    multi: { ...c.multi, nationality: 'f.nationalities' },
  };
}

const factScope = { institution: 'f.owning_institution_id', department: 'f.owning_department' };
const registered = 'f.registered_on';

/** Defendants that reached a step, dated by the first standing event of it (src/core/stats/facts.ts). */
const reached = (column: string) => ({ where: `f.${column} is not null`, date: `f.${column}` });

const defendantConditions: Source['conditions'] = {
  arrested: reached('arrested_on'),
  charged: reached('charged_on'),
  convicted: reached('convicted_on'),
  acquitted: reached('acquitted_on'),
  dismissed: reached('dismissed_on'),
  archived: reached('archived_on'),
  reclassified: reached('reclassified_on'),
};

/** Each unit's `values` are exactly its measure fields: a missing or extra one is a type error. */
type Sources = { [U in BaseCountingUnit]: Omit<Source, 'values'> & ([MeasureField<U>] extends [never] ? { values?: undefined } : { values: Record<MeasureField<U>, string> }) };

export const sources: Sources = {
  case: {
    dimJoins: factJoins,
    from: 'stats_case_facts f',
    id: 'f.case_id',
    date: registered,
    scope: factScope,
    ...caseDims(),
  },
  victim: {
    dimJoins: factJoins,
    from: 'stats_victim_facts f',
    where: `f.identification_status <> 'not_a_victim'`,
    id: 'f.victim_id',
    person: 'f.person_id',
    date: registered,
    scope: factScope,
    ...victimDims(),
  },
  suspect: {
    dimJoins: factJoins,
    from: 'stats_defendant_facts f',
    id: 'f.suspect_id',
    person: 'f.person_id',
    date: registered,
    scope: factScope,
    ...defendantDims(),
  },
  defendant: {
    dimJoins: factJoins,
    from: 'stats_defendant_facts f',
    id: 'f.suspect_id',
    person: 'f.person_id',
    date: registered,
    scope: factScope,
    conditions: defendantConditions,
    ...defendantDims(),
  },
  sentence: {
    dimJoins: factJoins,
    // The defendant's standing sentence: none once an appeal revoked or annulled it (issue 9 item 2).
    from: 'stats_defendant_facts f',
    where: 'f.sentence_months is not null',
    id: 'f.suspect_id',
    person: 'f.person_id',
    values: { sentenceMonths: 'f.sentence_months' },
    date: 'f.sentence_on',
    scope: factScope,
    conditions: {
      // Rule 4, assessed by src/core/legal/sentencing.ts in the facts (src/core/stats/facts.ts): the same flag as the case view.
      below_minimum: { where: 'f.below_minimum' },
    },
    ...(() => {
      const m = defendantDims();
      return { dims: { ...m.dims, sentenceBand: 'f.sentence_band', decision: `'conviction'` }, multi: m.multi };
    })(),
  },
  referral_victim: {
    rowPerId: false,
    dimJoins: factJoins,
    from: `referrals r join stats_victim_facts f on f.victim_id = r.case_victim_id`,
    id: 'f.victim_id',
    person: 'f.person_id',
    date: 'r.requested_on',
    scope: factScope,
    ...(() => {
      const m = victimDims();
      return { dims: { ...m.dims, serviceType: 'r.service_type', referralStatus: 'r.status' }, multi: m.multi };
    })(),
  },
  service_victim: {
    rowPerId: false,
    dimJoins: factJoins,
    from: `referral_services rs join stats_victim_facts f on f.victim_id = rs.case_victim_id`,
    id: 'f.victim_id',
    person: 'f.person_id',
    date: 'rs.started_on',
    scope: factScope,
    ...(() => {
      const m = victimDims();
      return { dims: { ...m.dims, serviceType: 'rs.service_type' }, multi: m.multi };
    })(),
  },
  shelter_stay: {
    from: `shelter_stays st join shelters sh on sh.id = st.shelter_id join stats_victim_facts f on f.victim_id = st.case_victim_id`,
    id: 'st.id',
    person: 'f.person_id',
    values: { nights: `greatest(1, coalesce(st.check_out_on, current_date) - st.check_in_on)` },
    date: 'st.check_in_on',
    scope: { institution: 'sh.institution_id', department: 'sh.department_code' },
    dims: {
      shelter: 'sh.id::text',
      placeDepartment: 'sh.department_code',
      institution: 'sh.institution_id::text',
      sex: 'f.sex',
      ageBandReta: 'f.age_band_reta',
      ageGroup: 'f.age_group',
      unodcCategory: 'f.unodc_category',
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
