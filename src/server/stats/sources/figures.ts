/**
 * The SQL of the counting units of src/core/stats/figure-indicators.ts (the figures the source reports ask
 * for). Same contract as stats.sources.ts: static SQL text, values bound by stats.query.ts. Each unit
 * joins only what its rows need; dimension joins are added only when a dimension asks for them.
 */
import type { FigureCountingUnit } from '../../../core/stats/figure-indicators';
import type { MeasureField } from '../../../core/stats/indicators';
import { limaDate, type Source } from '../stats.sources';

/*
 * Units read from the fact tables (alias `f`, src/core/stats/facts.ts): defendants, victims at
 * identification, and the reparations, repatriations and residency permits of a victim (one row each,
 * joined to the victim's facts for the victim's dimensions). The age group, purpose group, merged person
 * and standing events are the facts' — the same rules as every other statistic.
 */
const factScope = { institution: 'f.owning_institution_id', department: 'f.owning_department' };
const publicOfficial = `(case when f.public_official then 'yes' else 'no' end)`;
const factDims = { registeringDepartment: 'f.registering_department', institution: 'f.registering_institution_id::text', purposeGroup: 'f.purpose_group' };
const victimFactDims = {
  dims: { ...factDims, sex: 'f.sex', ageGroup: 'f.age_group', unodcCategory: 'f.unodc_category' },
  multi: { purpose: 'f.purposes', nationality: 'f.nationalities' },
};
const victimFactsOf = (table: string, alias: string) => `${table} ${alias} join stats_victim_facts f on f.victim_id = ${alias}.case_victim_id`;
/** Defendants that reached a step, dated by the first standing event of it. */
const reached = (column: string, where?: string) => ({ where: `f.${column} is not null${where ? ` and ${where}` : ''}`, date: `f.${column}` });

/** The stage a defendant had reached by `asOf`: the furthest whose first standing event is dated by then (src/core/justice/pending.ts). */
const stageBy = (asOf: string) => `(case when f.execution_on <= ${asOf} then 'execution' when f.court_on <= ${asOf} then 'court'
  when f.prosecution_on <= ${asOf} then 'prosecution' when f.police_on <= ${asOf} then 'police' else 'none' end)`;
const today = limaDate('now()');

type FigureSources = {
  [U in FigureCountingUnit]: Omit<Source, 'values'> & ([MeasureField<U>] extends [never] ? { values?: undefined } : { values: Record<MeasureField<U>, string> });
};

export const figureSources: FigureSources = {
  defendant_case: {
    from: 'stats_defendant_facts f',
    id: 'f.suspect_id',
    person: 'f.person_id',
    date: 'f.registered_on',
    scope: factScope,
    dims: { ...factDims, sex: 'f.sex', publicOfficial },
    multi: { purpose: 'f.case_purposes', victimAgeGroup: 'f.victim_age_groups' },
    conditions: {
      // Investigated, as the attrition funnel reads it: any prosecution step (an archive included) or any court step.
      investigated: reached('investigated_on'),
      suspended_insufficient_evidence: reached('suspended_on'),
      convicted: reached('convicted_on'),
      official_investigated: reached('investigated_on', 'f.public_official'),
      official_charged: reached('charged_on', 'f.public_official'),
      official_convicted: reached('convicted_on', 'f.public_official'),
      // src/core/legal/aggravation.ts, kept in the facts; dated by the first standing step that named articles.
      aggravation_omitted: reached('aggravation_omitted_on'),
    },
  },
  pending_defendant: {
    // One row per defendant and year end it was pending at (src/core/justice/pending.ts): the years kept in its
    // facts, then every year of its open run up to the current one, whose row is as of today.
    from: `stats_defendant_facts f cross join lateral (select least(make_date(y, 12, 31), ${today}) as as_of
        from (select unnest(f.pending_years) as y union all select generate_series(f.pending_from, extract(year from ${today})::int)) ys) ye`,
    id: `f.suspect_id::text || ':' || ye.as_of::text`,
    person: 'f.person_id',
    date: 'ye.as_of',
    scope: factScope,
    dims: { ...factDims, stage: stageBy('ye.as_of'), sex: 'f.sex', publicOfficial },
    multi: { purpose: 'f.case_purposes' },
  },
  reparation: {
    from: victimFactsOf('victim_reparations', 'r'),
    id: 'r.id',
    person: 'f.person_id',
    values: { orderedAmount: 'r.ordered_amount', paidAmount: 'r.paid_amount' },
    date: `coalesce(r.ordered_on, ${limaDate('r.created_at')})`,
    scope: factScope,
    dims: { ...victimFactDims.dims, reparationKind: 'r.kind', currency: 'r.currency' },
    multi: victimFactDims.multi,
    conditions: { paid: { where: 'r.paid_amount > 0', date: `coalesce(r.paid_on, r.ordered_on, ${limaDate('r.created_at')})` } },
  },
  repatriation: {
    from: victimFactsOf('victim_repatriations', 'r'),
    id: 'r.id',
    person: 'f.person_id',
    date: 'r.repatriated_on',
    scope: factScope,
    dims: { ...victimFactDims.dims, destinationCountry: 'r.to_country' },
    multi: victimFactDims.multi,
  },
  residency_permit: {
    from: victimFactsOf('victim_residency_permits', 'r'),
    id: 'r.id',
    person: 'f.person_id',
    date: 'r.granted_on',
    scope: factScope,
    dims: { ...victimFactDims.dims, permitType: 'r.permit_type' },
    multi: victimFactDims.multi,
  },
  victim_identification: {
    from: 'stats_victim_facts f',
    where: `f.identification_status <> 'not_a_victim'`,
    id: 'f.victim_id',
    person: 'f.person_id',
    date: 'coalesce(f.identified_on, f.registered_on)',
    scope: factScope,
    dims: { ...victimFactDims.dims, housing: 'f.housing', identityDocument: 'f.identity_document' },
    multi: victimFactDims.multi,
    conditions: { no_identity_document: { where: `f.identity_document = 'no'` } },
  },
  participant_sex: {
    // One row per activity and sex; an activity with no breakdown by sex counts its total as unknown.
    from: `prevention_activities a cross join lateral (values ('female', a.participants_female), ('male', a.participants_male),
      ('unknown', a.participants_unknown + greatest(0, a.participants_total - a.participants_female - a.participants_male - a.participants_unknown))) ps(sex, n)`,
    where: 'ps.n > 0',
    id: `a.id::text || ':' || ps.sex`,
    values: { participants: 'ps.n' },
    date: 'a.activity_date',
    scope: { institution: 'a.institution_id', department: 'a.department_code' },
    dims: { sex: 'ps.sex', preventionType: 'a.type', placeDepartment: 'a.place_department', registeringDepartment: 'a.department_code', institution: 'a.institution_id::text' },
    multi: {},
  },
  participant_institution: {
    // One row per institution named in the breakdown, and one (no institution) for the rest of the total.
    from: `prevention_activities a cross join lateral (
        select x->>'institutionId' as inst, (x->>'count')::int as n from jsonb_array_elements(a.participants_by_institution) x
        union all
        select null, a.participants_total - coalesce((select sum((y->>'count')::int) from jsonb_array_elements(a.participants_by_institution) y), 0)::int) pi`,
    where: 'pi.n > 0',
    id: `a.id::text || ':' || coalesce(pi.inst, 'none')`,
    values: { participants: 'pi.n' },
    date: 'a.activity_date',
    scope: { institution: 'a.institution_id', department: 'a.department_code' },
    dims: { participantInstitution: 'pi.inst', preventionType: 'a.type', placeDepartment: 'a.place_department', registeringDepartment: 'a.department_code', institution: 'a.institution_id::text' },
    multi: {},
  },
};
