/**
 * Builds the content of an annual report from the statistics engine — never its own counting. The
 * structure follows the annual TIP questionnaire: Overview, Prevention, Prosecution, Protection, each
 * with the figures of the year, the previous year and the change. The content holds no timestamps, so
 * building it again over unchanged records yields the same canonical JSON and the same hash.
 */
import type { AnnualContent, AnnualFigure, AnnualTable } from '../../contracts/reports';
import type { StatsQuery, StatsResult } from '../../contracts/stats';
import { isPrimary } from '../../core/disclosure';
import { DEFINITIONS_VERSION, indicators } from '../../core/stats/indicators';
import { isSystemActor, type Ctx } from '../context';
import { figureScopeOf } from '../policy';
import type { StatsService } from '../stats/stats.service';

type Section = AnnualContent['sections'][number]['id'];

/** Breakdown tables of each section: indicator and dimension. */
const sectionTables: Record<Section, Array<{ id: string; indicator: string; by: string }>> = {
  overview: [
    { id: 'victims_by_unodc_category', indicator: 'victims', by: 'unodcCategory' },
    { id: 'victims_by_purpose_group', indicator: 'victims', by: 'purposeGroup' },
    { id: 'victims_by_age_band', indicator: 'victims', by: 'ageBandReta' },
    { id: 'cases_by_exploitation_department', indicator: 'cases', by: 'exploitationDepartment' },
    { id: 'victims_by_origin_department', indicator: 'victims', by: 'originDepartment' },
  ],
  prevention: [
    { id: 'activities_by_type', indicator: 'prevention_activities', by: 'preventionType' },
    { id: 'participants_by_audience', indicator: 'prevention_participants', by: 'audience' },
  ],
  prosecution: [
    { id: 'prosecuted_by_sex', indicator: 'prosecuted', by: 'sex' },
    { id: 'convictions_by_sex', indicator: 'convictions', by: 'sex' },
    { id: 'sentences_by_band', indicator: 'sentences', by: 'sentenceBand' },
    { id: 'operations_by_type', indicator: 'operations', by: 'operationType' },
  ],
  protection: [
    { id: 'assisted_by_service', indicator: 'victims_assisted', by: 'serviceType' },
    { id: 'hotline_calls_by_classification', indicator: 'hotline_calls', by: 'hotlineClassification' },
  ],
};

const sectionOrder: Section[] = ['overview', 'prevention', 'prosecution', 'protection'];

export interface AnnualBuildOptions {
  year: number;
  /** Whose scope the figures are computed in (src/server/policy); null or the system: the whole registry. */
  ctx?: Ctx | null;
  exact: boolean;
  threshold: number;
  /** Called when a figure cannot be computed (e.g. a feature's tables are missing): logged, never hidden. */
  onUnavailable?: (what: string, error: unknown) => void;
  /**
   * Called as each step starts (a section's figures, the funnel, the routes): a background job reports its
   * progress there and stops there when cancelled (whatever it throws ends the build).
   */
  onStep?: (step: Section | 'funnel' | 'routes') => Promise<void>;
}

const periodOf = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export function changeOf(current: number | null, previous: number | null): { change: number | null; changePercent: string | null } {
  if (current === null || previous === null) return { change: null, changePercent: null };
  const change = Math.round((current - previous) * 100) / 100;
  if (previous === 0) return { change, changePercent: null };
  const pct = (change / previous) * 100;
  const text = (Math.round(pct * 10) / 10).toFixed(1);
  return { change, changePercent: pct > 0 ? `+${text}` : text === '-0.0' ? '0.0' : text };
}

export async function buildAnnualContent(stats: StatsService, options: AnnualBuildOptions): Promise<AnnualContent> {
  const { year } = options;
  const current = periodOf(year);
  const previous = periodOf(year - 1);
  const run = async (q: Omit<StatsQuery, 'decimals'>, what: string): Promise<StatsResult | null> => {
    try {
      return await stats.scopedQuery(options.ctx?.actor ?? null, { decimals: 1, ...q } as StatsQuery, { exact: options.exact });
    } catch (error) {
      options.onUnavailable?.(what, error);
      return null;
    }
  };

  // Every figure of every section, both years, in one read (the engine scans each counting unit once).
  const reported = indicators.filter((i) => sectionOrder.includes(i.section as Section));
  const figureQueries = reported.flatMap((i) => [current, previous].map((period) => ({ decimals: 1, indicator: i.id, ...period }) as StatsQuery));
  const figureResults = await stats.scopedTotals(options.ctx?.actor ?? null, figureQueries, { exact: options.exact });
  const resultOf = (indicatorId: string, year: 0 | 1): StatsResult | null => {
    const result = figureResults[reported.findIndex((i) => i.id === indicatorId) * 2 + year]!;
    if (!(result instanceof Error)) return result;
    options.onUnavailable?.(indicatorId, result);
    return null;
  };

  const sections: AnnualContent['sections'] = [];
  for (const id of sectionOrder) {
    await options.onStep?.(id);
    const figures: AnnualFigure[] = [];
    for (const indicator of indicators.filter((i) => i.section === id)) {
      figures.push(figureOf(indicator.id, indicator.measure.kind, resultOf(indicator.id, 0), resultOf(indicator.id, 1)));
    }
    const tables: AnnualTable[] = [];
    for (const t of sectionTables[id]) {
      const q = { indicator: t.indicator, by: [t.by] } as unknown as Omit<StatsQuery, 'decimals'>;
      const [now, before] = await Promise.all([run({ ...q, ...current }, t.id), run({ ...q, ...previous }, t.id)]);
      tables.push(tableOf(t, now, before));
    }
    sections.push({ id, figures, tables });
  }
  await options.onStep?.('funnel');
  const funnel = await funnelOf(stats, current, previous, options);
  await options.onStep?.('routes');
  const routes = await routesOf(stats, current, options);
  return {
    kind: 'annual',
    year,
    previousYear: year - 1,
    period: current,
    previousPeriod: previous,
    definitionsVersion: DEFINITIONS_VERSION,
    exact: options.exact,
    threshold: options.exact ? null : options.threshold,
    scope: figureScopeOf(options.ctx?.actor ?? null),
    sections,
    funnel,
    routes,
  };
}

function figureOf(indicator: string, measure: string, now: StatsResult | null, before: StatsResult | null): AnnualFigure {
  const cur = now?.totals.grand.value ?? null;
  const prev = before?.totals.grand.value ?? null;
  return {
    indicator,
    measure,
    current: cur,
    previous: prev,
    currentDisplay: now?.totals.grand.display ?? '',
    previousDisplay: before?.totals.grand.display ?? '',
    ...changeOf(cur, prev),
    available: now !== null && before !== null,
  };
}

function tableOf(t: { id: string; indicator: string; by: string }, now: StatsResult | null, before: StatsResult | null): AnnualTable {
  const prevByKey = new Map((before?.rows ?? []).map((r, i) => [r.key, before!.cells[i]![0]!]));
  const rows = (now?.rows ?? []).map((r, i) => {
    const cell = now!.cells[i]![0]!;
    const prev = prevByKey.get(r.key);
    // A previous-year cell that is hidden stays hidden (null, shown as it was published), never 0; a key
    // absent from the previous year's table had no records then: a true 0.
    return { key: r.key, label: r.label ?? r.key, current: cell.value, currentDisplay: cell.display, previous: prev ? prev.value : before ? 0 : null, previousDisplay: prev ? prev.display : before ? '0' : '' };
  });
  return { id: t.id, indicator: t.indicator, by: [t.by], rows, available: now !== null && before !== null };
}

/** The derived views in the builder's scope; the system (or no one) means the whole registry. */
const derivedCtx = (options: AnnualBuildOptions): Ctx | null => (options.ctx && !isSystemActor(options.ctx.actor) ? options.ctx : null);

async function funnelOf(stats: StatsService, current: { from: string; to: string }, previous: { from: string; to: string }, options: AnnualBuildOptions) {
  try {
    const [now, before] = await Promise.all([stats.funnel(derivedCtx(options), { ...current, limit: 20 }, options), stats.funnel(derivedCtx(options), { ...previous, limit: 20 }, options)]);
    const shown = (v: number | null) => (v === null || options.exact || !isPrimary(v, options.threshold) ? v : null);
    const prev = new Map(before.steps.map((s) => [s.step, s.value]));
    return now.steps.map((s) => ({ stage: s.step, current: shown(s.value), previous: shown(prev.get(s.step) ?? null) }));
  } catch (error) {
    options.onUnavailable?.('funnel', error);
    return [];
  }
}

async function routesOf(stats: StatsService, current: { from: string; to: string }, options: AnnualBuildOptions) {
  try {
    const result = await stats.routes(derivedCtx(options), { ...current, limit: 10 }, options);
    return result.items.map((r) => ({ origin: r.origin, destination: r.destination, originLabel: r.originLabel, destinationLabel: r.destinationLabel, value: options.exact || !isPrimary(r.value ?? 0, options.threshold) ? r.value : null, display: options.exact || !isPrimary(r.value ?? 0, options.threshold) ? r.display : `<${options.threshold}` }));
  } catch (error) {
    options.onUnavailable?.('routes', error);
    return [];
  }
}
