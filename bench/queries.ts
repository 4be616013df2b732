import type { StatsQuery } from '../src/contracts/stats';
import { systemCtx } from '../src/server/context';
import type { Deps } from '../src/server/deps';
import { createSnapshotService } from '../src/server/reports/snapshot.service';
import { buildCtdcExtract } from '../src/server/reports/ctdc.extract';
import { createStatsService } from '../src/server/stats/stats.service';

/** The statistics timed by the benchmark, first the plain count of cases that the others are compared with. */
export function benchQueries(deps: Deps): Array<{ name: string; run: () => Promise<unknown> }> {
  const stats = createStatsService(deps);
  const reports = createSnapshotService(deps);
  const q = (query: Omit<StatsQuery, 'decimals'>, exact = true) => () => stats.systemQuery({ decimals: 1, ...query } as StatsQuery, { exact });
  const year = { from: '2025-01-01', to: '2025-12-31' };
  return [
    { name: 'cases (count)', run: q({ indicator: 'cases' }) },
    { name: 'cases by year', run: q({ indicator: 'cases', by: ['year'] }) },
    { name: 'cases by purpose', run: q({ indicator: 'cases', by: ['purpose'] }) },
    { name: 'cases by prosecution district, top 5', run: q({ indicator: 'cases', by: ['prosecutionDistrict'], top: 5, percentOf: 'top' }) },
    { name: 'victims by sex × RETA age band', run: q({ indicator: 'victims', by: ['sex', 'ageBandReta'] }) },
    { name: 'victims by sex × age band, suppressed', run: q({ indicator: 'victims', by: ['sex', 'ageBandReta'] }, false) },
    { name: 'victims by department of origin', run: q({ indicator: 'victims', by: ['originDepartment'] }) },
    { name: 'victims by exploitation department × year', run: q({ indicator: 'victims', by: ['exploitationDepartment', 'year'] }) },
    { name: 'distinct victims by UNODC category', run: q({ indicator: 'victim_persons', by: ['unodcCategory'] }) },
    { name: 'persons prosecuted by sex, one year', run: q({ indicator: 'prosecuted', by: ['sex'], ...year }) },
    { name: 'convictions by sex', run: q({ indicator: 'convictions', by: ['sex'] }) },
    { name: 'median sentence by year', run: q({ indicator: 'sentence_median_months', by: ['year'] }) },
    { name: 'sentences below the minimum', run: q({ indicator: 'below_minimum' }) },
    { name: 'victims assisted by service', run: q({ indicator: 'victims_assisted', by: ['serviceType'] }) },
    { name: 'hotline calls by classification', run: q({ indicator: 'hotline_calls', by: ['hotlineClassification'] }) },
    { name: 'routes (origin → exploitation)', run: () => stats.routes(null, { limit: 20 }) },
    { name: 'attrition funnel', run: () => stats.funnel(null, { limit: 20 }) },
    { name: 'durations (medians)', run: () => stats.durations(null, { limit: 20 }) },
    { name: 'annual report content (≈70 queries)', run: () => reports.build(2025, true) },
    { name: 'CTDC extract, k=5, one year', run: () => buildCtdcExtract(deps, systemCtx('bench'), { year: 2025, k: 5 }) },
  ];
}
