/**
 * The statistics the benchmark times: each through the project's engine (the service the API calls),
 * and — where one can be written by hand — the same aggregate in plain SQL over the RAW record tables on
 * the same database, the independent baseline (written from domain.md, not generated from the engine).
 * `page` marks the requests the statistics page makes when it opens (src/web/pages/stats/StatsPage.tsx).
 */
import { sql } from 'drizzle-orm';
import type { StatsQuery } from '../src/contracts/stats';
import type { Deps } from '../src/server/deps';
import { buildAnnualContent } from '../src/server/reports/annual.builder';
import { createStatsService } from '../src/server/stats/stats.service';

export interface BenchStatistic {
  name: string;
  page?: boolean;
  run: () => Promise<unknown>;
  plain?: () => Promise<unknown>;
}

const lima = (column: string) => `(${column} at time zone 'America/Lima')::date`;
const active = `(select e0.* from justice_events e0 where not exists (select 1 from justice_events x0 where x0.supersedes_event_id = e0.id))`;
/** Victims (not "not a victim"), with the person they are (the surviving record of a merge). */
const victimRows = `case_victims v join cases c on c.id = v.case_id join persons p0 on p0.id = v.person_id join persons p on p.id = coalesce(p0.merged_into_id, p0.id)
  where v.identification_status <> 'not_a_victim'`;
const factsYear = `extract(year from coalesce(c.facts_start, ${lima('c.registered_at')}))::int`;
const age = `coalesce(v.age_years, ${factsYear} - p.birth_year)`;
const minor = `(${age} is null or ${age} < 18 or (v.age_estimated and ${age} < 20))`;
const unodc = `(case when p.sex = 'female' then (case when ${minor} then 'girl' else 'woman' end) when p.sex = 'male' then (case when ${minor} then 'boy' else 'man' end) else 'unknown' end)`;
const retaBand = `(case when ${age} < 0 or ${age} is null then null when ${age} <= 13 then '0_13' when ${age} <= 17 then '14_17' when ${age} <= 30 then '18_30' else '31_plus' end)`;
const exploitation = `(select distinct case_id, department_code as d from case_places where kind = 'exploitation' and department_code is not null)`;
const firstStep = (where: string) => `(select suspect_id, min(occurred_on) as first_on from ${active} e where ${where} group by suspect_id)`;
const defendantsAt = (where: string) => `${firstStep(where)} f join case_suspects s on s.id = f.suspect_id join persons p0 on p0.id = s.person_id join persons p on p.id = coalesce(p0.merged_into_id, p0.id)`;
const conviction = `((e.type = 'decision' and e.decision = 'conviction') or e.type = 'plea_agreement')`;
const standingSentences = `(select distinct on (e.suspect_id) e.* from ${active} e where e.type = 'sentence' and e.sentence_months is not null
  order by e.suspect_id, e.occurred_on desc, e.recorded_at desc) se where not exists (select 1 from ${active} ap where ap.suspect_id = se.suspect_id
  and ap.type = 'appeal_decided' and ap.appeal_outcome in ('revoked','annulled') and (ap.occurred_on, ap.recorded_at) > (se.occurred_on, se.recorded_at))`;
const court = `'trial_started','decision','sentence','appeal_filed','appeal_decided','final'`;
const today = `(now() at time zone 'America/Lima')::date`;
const reopening = `'preliminary_investigation_opened','investigation_formalised','charges_filed','reclassified','trial_started'`;
/** Defendants pending at each year end from the complaint's year (domain.md; the current year as of today), over the raw events. */
const pendingAtYearEnds = `(select ye.as_of from case_suspects s join cases c on c.id = s.case_id
  cross join lateral (select least(make_date(y, 12, 31), ${today}) as as_of from generate_series(extract(year from c.reported_on)::int, extract(year from ${today})::int) y) ye
  where not exists (select 1 from ${active} e where e.suspect_id = s.id and e.occurred_on <= ye.as_of
    and (e.type in ('archived','plea_agreement') or (e.type = 'decision' and e.decision is not null))
    and not exists (select 1 from ${active} r where r.suspect_id = s.id and r.occurred_on <= ye.as_of and (r.occurred_on, r.recorded_at) > (e.occurred_on, e.recorded_at)
      and ((e.type = 'archived' and r.type in (${reopening})) or (r.type = 'appeal_decided' and r.appeal_outcome = 'annulled'))))) t`;

const plainSql: Record<string, string> = {
  'cases (count)': `select count(*) from cases`,
  'cases by year': `select y, count(*) from (select to_char(${lima('registered_at')}, 'YYYY') as y from cases) t group by grouping sets ((y), ())`,
  'cases by month': `select m, count(*) from (select to_char(${lima('registered_at')}, 'YYYY-MM') as m from cases) t group by grouping sets ((m), ())`,
  'cases by purpose': `select p, count(*) from cases c cross join unnest(c.purposes) p group by p union all select null, count(*) from cases`,
  'victims (count)': `select count(*) from ${victimRows}`,
  'victims by purpose': `select x, count(*) from ${victimRows.replace('where', 'cross join unnest(case when cardinality(v.exploitation_forms) > 0 then v.exploitation_forms else c.purposes end) x where')} group by x
    union all select null, count(*) from ${victimRows}`,
  'victims by RETA age band × sex': `select band, sex, count(*) from (select ${retaBand} as band, p.sex from ${victimRows}) t group by grouping sets ((band, sex), (band), (sex), ())`,
  'victims by department of exploitation': `select x.d, count(*) from ${victimRows.replace('where', `join ${exploitation} x on x.case_id = c.id where`)} group by x.d
    union all select null, count(*) from ${victimRows}`,
  'victims by department of origin': `select o, count(*) from (select left(p.origin_ubigeo, 2) as o from ${victimRows}) t group by grouping sets ((o), ())`,
  'distinct victims by UNODC category': `select cat, count(distinct id) from (select ${unodc} as cat, p.id from ${victimRows}) t group by grouping sets ((cat), ())`,
  'persons prosecuted (count)': `select count(*) from ${firstStep(`e.type = 'charges_filed'`)} f`,
  'persons prosecuted by sex, 2025': `select p.sex, count(*) from ${defendantsAt(`e.type = 'charges_filed'`)} where f.first_on between '2025-01-01' and '2025-12-31' group by grouping sets ((p.sex), ())`,
  'convictions (count)': `select count(*) from ${firstStep(conviction)} f`,
  'convictions by sex': `select p.sex, count(*) from ${defendantsAt(conviction)} group by grouping sets ((p.sex), ())`,
  'median sentence by year': `select y, percentile_cont(0.5) within group (order by m) from (select to_char(se.occurred_on, 'YYYY') as y, se.sentence_months as m from ${standingSentences}) t group by grouping sets ((y), ())`,
  'routes (origin → exploitation), top 10': `select left(p.origin_ubigeo, 2) as o, x.d, count(*) as n from ${victimRows.replace('where', `join ${exploitation} x on x.case_id = c.id where`)}
    and p.origin_ubigeo is not null group by 1, 2 order by n desc limit 10`,
  'defendants pending at the end of 2025': `select count(*) from ${pendingAtYearEnds} where as_of between '2025-01-01' and '2025-12-31'`,
  'defendants pending at each year end': `select to_char(as_of, 'YYYY') as y, count(*) from ${pendingAtYearEnds} group by grouping sets ((y), ())`,
  'attrition funnel': `select count(*), count(*) filter (where f.investigated), count(*) filter (where f.charged), count(*) filter (where f.tried), count(*) filter (where f.convicted)
    from cases c left join (select e.case_id,
      bool_or(e.type in ('preliminary_investigation_opened','investigation_formalised','charges_filed','reclassified','archived','plea_agreement',${court})) as investigated,
      bool_or(e.type in ('charges_filed','plea_agreement',${court})) as charged, bool_or(e.type in ('trial_started','decision')) as tried,
      bool_or(e.type = 'plea_agreement' or (e.type = 'decision' and e.decision = 'conviction')) as convicted from ${active} e group by e.case_id) f on f.case_id = c.id`,
};

/** `cubes: false` (`--facts-only`): the engine reads the victim facts even where a cube could answer. */
export function benchStatistics(deps: Deps, options: { cubes?: boolean } = {}): BenchStatistic[] {
  const stats = createStatsService(deps, options);
  // The content of the annual report as snapshots build it (src/server/reports/snapshot.service.ts), with this engine.
  const annual = (year: number) => buildAnnualContent(stats, { year, exact: true, ctx: null, threshold: deps.config.disclosureThreshold });
  const q = (query: Omit<StatsQuery, 'decimals'>) => () => stats.systemQuery({ decimals: 1, ...query } as StatsQuery, { exact: true });
  const year = { from: '2025-01-01', to: '2025-12-31' };
  const list: Array<Omit<BenchStatistic, 'plain'>> = [
    { name: 'cases (count)', page: true, run: q({ indicator: 'cases' }) },
    { name: 'victims (count)', page: true, run: q({ indicator: 'victims' }) },
    { name: 'persons prosecuted (count)', page: true, run: q({ indicator: 'prosecuted' }) },
    { name: 'convictions (count)', page: true, run: q({ indicator: 'convictions' }) },
    { name: 'cases by month', page: true, run: q({ indicator: 'cases', by: ['month'] }) },
    { name: 'victims by purpose', page: true, run: q({ indicator: 'victims', by: ['purpose'] }) },
    { name: 'victims by RETA age band × sex', page: true, run: q({ indicator: 'victims', by: ['ageBandReta', 'sex'] }) },
    { name: 'victims by department of exploitation', page: true, run: q({ indicator: 'victims', by: ['exploitationDepartment'] }) },
    { name: 'routes (origin → exploitation), top 10', page: true, run: () => stats.routes(null, { limit: 10 } as never) },
    { name: 'attrition funnel', page: true, run: () => stats.funnel(null, {} as never) },
    { name: 'cases by year', run: q({ indicator: 'cases', by: ['year'] }) },
    { name: 'cases by purpose', run: q({ indicator: 'cases', by: ['purpose'] }) },
    { name: 'cases by prosecution district, top 5', run: q({ indicator: 'cases', by: ['prosecutionDistrict'], top: 5, percentOf: 'top' }) },
    { name: 'victims by department of origin', run: q({ indicator: 'victims', by: ['originDepartment'] }) },
    { name: 'distinct victims by UNODC category', run: q({ indicator: 'victim_persons', by: ['unodcCategory'] }) },
    { name: 'persons prosecuted by sex, 2025', run: q({ indicator: 'prosecuted', by: ['sex'], ...year }) },
    { name: 'convictions by sex', run: q({ indicator: 'convictions', by: ['sex'] }) },
    { name: 'reclassified (count)', run: q({ indicator: 'reclassified' }) },
    { name: 'median sentence by year', run: q({ indicator: 'sentence_median_months', by: ['year'] }) },
    { name: 'sentences below the minimum', run: q({ indicator: 'below_minimum' }) },
    { name: 'victims assisted by service', run: q({ indicator: 'victims_assisted', by: ['serviceType'] }) },
    { name: 'hotline calls by classification', run: q({ indicator: 'hotline_calls', by: ['hotlineClassification'] }) },
    { name: 'defendants pending at the end of 2025', run: q({ indicator: 'pending_year_end', ...year }) },
    { name: 'defendants pending at each year end', run: q({ indicator: 'pending_year_end', by: ['year'] }) },
    { name: 'durations (medians)', run: () => stats.durations(null, {} as never) },
    { name: 'annual report content (≈70 queries)', run: () => annual(2025) },
  ];
  return list.map((s) => {
    const text = plainSql[s.name];
    return { ...s, plain: text ? () => deps.db.execute(sql.raw(text)) : undefined };
  });
}
