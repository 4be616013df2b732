/**
 * The SQL of the counting units of src/core/stats/figure-indicators.ts (the figures the source reports ask
 * for). Same contract as stats.sources.ts: static SQL text, values bound by stats.query.ts. Each unit
 * joins only what its rows need; dimension joins are added only when a dimension asks for them.
 */
import { eventTypesByStage } from '../../../core/justice/events';
import type { FigureCountingUnit } from '../../../core/stats/figure-indicators';
import type { MeasureField } from '../../../core/stats/indicators';
import { ACTIVE_EVENTS, limaDate, type Source } from '../stats.sources';
import { convictionEvent, defendantConditions, personOf, purposeGroupSql, registeringJoin, unodc, victimAgeGroup, victimPurposes } from './raw-sql';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Dimensions from the registering unit of a case `c` (kept after a transfer, as everywhere). */
const registering = {
  dimJoins: { registeringDepartment: registeringJoin, institution: registeringJoin },
  dims: { registeringDepartment: 'coalesce(ru.department_code, c.department_code)', institution: 'coalesce(ru.institution_id, c.institution_id)::text' },
};
const caseScope = { institution: 'c.institution_id', department: 'c.department_code' };

/** Defendants with a standing event matching `where`, dated by the first such event. */
const firstEvent = (where: string) => ({
  join: `join (select e.suspect_id, min(e.occurred_on) as first_on from ${ACTIVE_EVENTS} e where ${where} group by e.suspect_id) ev on ev.suspect_id = s.id`,
  date: 'ev.first_on',
});
/** Investigated, as the attrition funnel reads it: any prosecution step (an archive included) or any court step. */
const investigated = firstEvent(`e.type in (${list([...eventTypesByStage.prosecution, ...eventTypesByStage.court])})`);
const official = 's.is_public_official';
const publicOfficial = `(case when s.is_public_official then 'yes' else 'no' end)`;

/** The age groups of the victims of the defendant's case (src/core/age.ts ageGroupOf, one SQL with the victims' count). */
const victimAgeGroups = `array(select distinct ${victimAgeGroup} from case_victims v ${personOf('v.person_id')}
  where v.case_id = c.id and v.identification_status <> 'not_a_victim')`;

/** Victim dimensions of a row joined to `v` (case_victims), `c` (cases) and `p` (the resolved person). */
const victimDims = {
  dims: { ...registering.dims, sex: 'p.sex', ageGroup: victimAgeGroup, unodcCategory: unodc(victimAgeGroup), purposeGroup: purposeGroupSql(victimPurposes) },
  multi: { purpose: victimPurposes, nationality: 'p.nationalities' },
};
const victimJoin = (table: string, alias: string) => `${table} ${alias} join case_victims v on v.id = ${alias}.case_victim_id join cases c on c.id = v.case_id ${personOf('v.person_id')}`;

/** The stage a defendant had reached by `asOf` (the most advanced stage of its standing events then). */
const stageBy = (asOf: string) => `coalesce((select (array['police','prosecution','court','execution'])[max(case e.stage when 'police' then 1 when 'prosecution' then 2 when 'court' then 3 when 'execution' then 4 end)]
  from ${ACTIVE_EVENTS} e where e.suspect_id = s.id and e.occurred_on <= ${asOf}), 'none')`;
const reopening = list(['preliminary_investigation_opened', 'investigation_formalised', 'charges_filed', 'reclassified', 'trial_started']);
/**
 * Pending on `asOf` (src/core/justice/stage.ts, read as of that day): no standing archive, decision or plea
 * agreement on or before it — an archive followed by a new investigation step, or a decision annulled on
 * appeal, no longer closes the process.
 */
const pendingOn = (asOf: string) => `not exists (select 1 from ${ACTIVE_EVENTS} e where e.suspect_id = s.id and e.occurred_on <= ${asOf}
  and (e.type in ('archived','plea_agreement') or (e.type = 'decision' and e.decision is not null))
  and not exists (select 1 from ${ACTIVE_EVENTS} r where r.suspect_id = s.id and r.occurred_on <= ${asOf}
    and (r.occurred_on, r.recorded_at) > (e.occurred_on, e.recorded_at)
    and ((e.type = 'archived' and r.type in (${reopening})) or (r.type = 'appeal_decided' and r.appeal_outcome = 'annulled'))))`;
const today = limaDate('now()');

type FigureSources = {
  [U in FigureCountingUnit]: Omit<Source, 'values'> & ([MeasureField<U>] extends [never] ? { values?: undefined } : { values: Record<MeasureField<U>, string> });
};

export const figureSources: FigureSources = {
  defendant_case: {
    dimJoins: registering.dimJoins,
    from: `case_suspects s join cases c on c.id = s.case_id ${personOf('s.person_id')}`,
    id: 's.id',
    person: 'p.id',
    date: limaDate('c.registered_at'),
    scope: caseScope,
    dims: { ...registering.dims, sex: 'p.sex', publicOfficial, purposeGroup: purposeGroupSql('c.purposes') },
    multi: { purpose: 'c.purposes', victimAgeGroup: victimAgeGroups },
    conditions: {
      investigated,
      suspended_insufficient_evidence: firstEvent(`e.type = 'decision' and e.decision = 'suspended_insufficient_evidence'`),
      convicted: firstEvent(convictionEvent),
      official_investigated: { ...investigated, where: official },
      official_charged: { ...defendantConditions.charged, where: official },
      official_convicted: { ...firstEvent(convictionEvent), where: official },
      // Decided by src/core/legal/aggravation.ts for every defendant (stats.assessed.ts); dated by the first
      // standing step that named articles.
      aggravation_omitted: {
        assessed: 'aggravation',
        ...firstEvent(`exists (select 1 from justice_event_articles a where a.event_id = e.id and a.role in ('charge','to'))`),
      },
    },
  },
  pending_defendant: {
    dimJoins: registering.dimJoins,
    // One row per defendant and year end from the year of the complaint; the current year's row is as of today.
    from: `case_suspects s join cases c on c.id = s.case_id ${personOf('s.person_id')}
      cross join lateral (select least(make_date(y, 12, 31), ${today}) as as_of
        from generate_series(extract(year from c.reported_on)::int, extract(year from ${today})::int) y) ye`,
    where: pendingOn('ye.as_of'),
    id: `s.id::text || ':' || ye.as_of::text`,
    person: 'p.id',
    date: 'ye.as_of',
    scope: caseScope,
    dims: { ...registering.dims, stage: stageBy('ye.as_of'), sex: 'p.sex', publicOfficial },
    multi: { purpose: 'c.purposes' },
  },
  reparation: {
    dimJoins: registering.dimJoins,
    from: victimJoin('victim_reparations', 'r'),
    id: 'r.id',
    person: 'p.id',
    values: { orderedAmount: 'r.ordered_amount', paidAmount: 'r.paid_amount' },
    date: `coalesce(r.ordered_on, ${limaDate('r.created_at')})`,
    scope: caseScope,
    dims: { ...victimDims.dims, reparationKind: 'r.kind', currency: 'r.currency' },
    multi: victimDims.multi,
    conditions: { paid: { where: 'r.paid_amount > 0', date: `coalesce(r.paid_on, r.ordered_on, ${limaDate('r.created_at')})` } },
  },
  repatriation: {
    dimJoins: registering.dimJoins,
    from: victimJoin('victim_repatriations', 'r'),
    id: 'r.id',
    person: 'p.id',
    date: 'r.repatriated_on',
    scope: caseScope,
    dims: { ...victimDims.dims, destinationCountry: 'r.to_country' },
    multi: victimDims.multi,
  },
  residency_permit: {
    dimJoins: registering.dimJoins,
    from: victimJoin('victim_residency_permits', 'r'),
    id: 'r.id',
    person: 'p.id',
    date: 'r.granted_on',
    scope: caseScope,
    dims: { ...victimDims.dims, permitType: 'r.permit_type' },
    multi: victimDims.multi,
  },
  victim_identification: {
    dimJoins: registering.dimJoins,
    from: `case_victims v join cases c on c.id = v.case_id ${personOf('v.person_id')}`,
    where: `v.identification_status <> 'not_a_victim'`,
    id: 'v.id',
    person: 'p.id',
    date: `coalesce(v.identified_on, ${limaDate('c.registered_at')})`,
    scope: caseScope,
    dims: { ...victimDims.dims, housing: 'v.housed_on_identification', identityDocument: 'p.has_identity_document' },
    multi: victimDims.multi,
    conditions: { no_identity_document: { where: `p.has_identity_document = 'no'` } },
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
