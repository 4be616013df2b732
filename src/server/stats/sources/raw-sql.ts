/**
 * SQL over the raw registry tables (aliases: `c` cases, `v` case_victims, `s` case_suspects, `p` the person
 * after merges, `ru` the registering unit) for the counting units that have no fact table yet — the figures
 * of src/server/stats/sources/figures.ts. The main units read the fact tables (src/server/stats/facts);
 * these expressions follow the same src/core rules (checked by the definitions tests).
 */
import { AGE_ESTIMATE_MARGIN_YEARS, CHILD_AGE_LIMIT } from '../../../core/age';
import { mainPurposeGroup } from '../../../core/stats/purpose-groups';
import { ACTIVE_EVENTS, limaDate, type Source } from '../stats.sources';

const q = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The registering unit of a case (its registration event): a transfer moves the case (unit_id,
 * department_code — what the scope follows) but not the unit that registered it (issue 9 item 5).
 * Cases without a registration event fall back to the owning unit.
 */
export const registeringJoin = `left join (select distinct on (ce.case_id) ce.case_id, ce.unit_id, u.institution_id, u.department_code from case_events ce
      join units u on u.id = ce.unit_id where ce.type = 'registration' order by ce.case_id, ce.at, ce.id) ru on ru.case_id = c.id`;

/** src/core/stats/purpose-groups.ts purposeGroupOf, generated from the same table: one group per record. */
export const purposeGroupSql = (arr: string) => {
  const has = (group: string) => {
    const forms = Object.entries(mainPurposeGroup).filter(([, g]) => g === group).map(([p]) => q(p));
    return `(${arr}) && array[${forms.join(', ')}]::text[]`;
  };
  return `(case when coalesce(cardinality(${arr}), 0) = 0 then null when ${has('sexual')} and ${has('labour')} then 'mixed' when ${has('sexual')} then 'sexual' when ${has('labour')} then 'labour' else 'other' end)`;
};

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

/**
 * A merged person is one person (issue 9, item 4): rows join the record the person was merged into (a
 * merge is one level: src/server/matching refuses to merge a merged record), so sex, birth year,
 * nationalities and origin — hence counts, bands and routes — are the surviving record's.
 */
export const personOf = (link: string) => `join persons p0 on p0.id = ${link} join persons p on p.id = coalesce(p0.merged_into_id, p0.id)`;

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
