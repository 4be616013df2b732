/**
 * The statistics engine — the one place figures are computed. Other features (dashboards, the annual
 * report, exports, the demo benchmark, the public releases) call THIS service, never their own SQL.
 *
 *   const stats = createStatsService(deps);
 *
 *   stats.query(ctx, q: StatsQuery): Promise<StatsResult>
 *       One indicator as a table, live from the records, scoped to ctx.actor (analysts: all institutions
 *       in their geography; others: their institution in their geography). Exact counts only when the
 *       actor holds `stats.exact` and q.suppress is not true; otherwise disclosure-controlled.
 *       q = { indicator: 'victims', by: ['sex','ageBandReta'], from: '2025-01-01', to: '2025-12-31',
 *             purpose: ['sexual_exploitation'], top?: 5, percentOf?: 'top', decimals: 1, suppress?: boolean }
 *       (filters: any dimension id as a key with an array of codes; see src/core/stats/dimensions.ts).
 *   stats.systemQuery(q, { exact: boolean }): Promise<StatsResult>
 *       The same over the whole registry (no actor scope): annual report snapshots, CLI, public tables.
 *   stats.routes(ctx | null, q: DerivedQuery, system?)     → ranked origin → exploitation department pairs (victims)
 *   stats.funnel(ctx | null, q: DerivedQuery, system?)     → complaints → investigated → charged → tried → convicted (cases)
 *   stats.durations(ctx | null, q: DerivedQuery, system?)  → median days complaint→charge, →first-instance decision,
 *                                                           registration lags, stale cases (config.staleDays)
 *   stats.occupancy(ctx | null, { from?, to?, suppress? }, system?) → shelter bed-nights / beds available, per shelter
 *   stats.definitions(locale) / stats.definitionsMarkdown(locale) → the documentation of every indicator
 *
 * `ctx = null` in the derived views means the whole registry (system use only), exact unless
 * `system = { exact: false }` (or q.suppress) asks for the disclosure-controlled figures.
 * DerivedQuery = { from?, to?, <dimension filters>?, sameDepartment?, limit (routes), suppress? }.
 * Lower level: runAggregate(deps, indicatorDef, { by, from, to, filters, cellsOnly }, actor | null) in
 * stats.query.ts returns the raw cells and margins; shapeTable (src/core/stats/table.ts) lays them out.
 * Types: StatsQuery / StatsResult / DerivedQuery in src/contracts/stats.ts; indicator ids in
 * src/core/stats/indicators.ts. DEFINITIONS_VERSION identifies the definitions a result was computed with.
 */
import { DEFINITIONS_VERSION, indicatorById, isCountMeasure, type IndicatorDef } from '../../core/stats/indicators';
import { ageSchemes, sentenceBands } from '../../core/stats/age-schemes';
import { dimensions, type DimensionId } from '../../core/stats/dimensions';
import { shapeTable, type AggregateRow, type Cell, type StatsTable } from '../../core/stats/table';
import type { DerivedQuery, ProsecutionTableQuery, StatsQuery, StatsResult } from '../../contracts/stats';
import { prosecutionTable } from './stats.prosecution-table';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, invalid } from '../errors/app-error';
import { ensureProsecutionDistricts } from './districts.repository';
import { labelTable } from './stats.labels';
import { filtersOf, runAggregate, runTotals } from './stats.query';

export { filtersOf };
import { durations, funnel, routes } from './stats.derived';
import { definitionsMarkdown, definitionsView } from './stats.definitions';
import { occupancy, type OccupancyQuery } from './stats.occupancy';

export type StatsService = ReturnType<typeof createStatsService>;

function validate(q: StatsQuery): IndicatorDef {
  const indicator = indicatorById(q.indicator);
  if (!indicator) throw new AppError('stats.unknown_indicator', 400, undefined, { indicator: 'stats.unknown_indicator' });
  for (const dim of q.by ?? []) if (!indicator.dimensions.includes(dim)) throw invalid({ by: 'stats.dimension_not_allowed' }, 'stats.dimension_not_allowed');
  for (const dim of Object.keys(filtersOf(q)) as DimensionId[]) if (!indicator.dimensions.includes(dim)) throw invalid({ [dim]: 'stats.dimension_not_allowed' }, 'stats.dimension_not_allowed');
  if (q.from && q.to && q.from > q.to) throw invalid({ from: 'stats.invalid_period' }, 'stats.invalid_period');
  if (q.top && !(q.by ?? []).length) throw invalid({ top: 'stats.top_needs_rows' }, 'stats.top_needs_rows');
  return indicator;
}

function notesFor(indicator: IndicatorDef, by: readonly DimensionId[], table: StatsTable): string[] {
  const notes: string[] = [];
  if (by.some((d) => indicator.multi.includes(d))) notes.push('multi_select_overlap');
  if (indicator.measure.kind === 'distinct_persons' && by.length) notes.push('distinct_persons_overlap');
  if (indicator.measure.kind === 'median') notes.push('median');
  const all = [...table.cells.flat(), ...table.totals.rows, ...table.totals.columns, table.totals.grand];
  if (all.some((c) => c.status !== 'published')) notes.push('suppressed');
  return notes;
}

/** Dimensions whose values have a natural order that sorting the codes as text would break ('4y…' after '12y…'). */
const valueOrder: Partial<Record<DimensionId, readonly string[]>> = {
  sentenceBand: sentenceBands.map((b) => b.code),
  ageBandReta: ageSchemes.reta.bands.map((b) => b.code),
  ageBandPeru: ageSchemes.peru.bands.map((b) => b.code),
  ageBandCtdc: ageSchemes.ctdc.bands.map((b) => b.code),
};

/**
 * `options.cubes: false` reads the victim facts even where a cube (src/server/stats/cubes) could answer:
 * for the tests that prove both paths give the same figures. Every other caller uses the default.
 */
export function createStatsService(deps: Deps, options: { cubes?: boolean } = {}) {
  const cubes = options.cubes ?? true;
  const threshold = () => deps.config.disclosureThreshold;

  /** The rows of a query (and, for a disclosure-controlled median, the counts behind it). */
  async function fetch(q: StatsQuery, indicator: IndicatorDef, actor: Ctx['actor'] | null, exact: boolean) {
    const by = (q.by ?? []) as DimensionId[];
    const filters = filtersOf(q);
    if (by.includes('prosecutionDistrict') || filters.prosecutionDistrict) await ensureProsecutionDistricts(deps.db);
    const request = { by, from: q.from, to: q.to, filters, cubes };
    const rows = await runAggregate(deps, indicator, request, actor);
    const counts = !isCountMeasure(indicator.measure) && !exact ? await runAggregate(deps, { ...indicator, measure: { kind: 'count' } }, request, actor) : null;
    return { rows, counts };
  }

  async function compute(q: StatsQuery, actor: Ctx['actor'] | null, exact: boolean): Promise<StatsResult> {
    const indicator = validate(q);
    return shape(q, indicator, await fetch(q, indicator, actor, exact), exact);
  }

  /** Lays the rows out as the table of the result: suppression, order, labels, notes. */
  async function shape(q: StatsQuery, indicator: IndicatorDef, fetched: { rows: AggregateRow[]; counts: AggregateRow[] | null }, exact: boolean): Promise<StatsResult> {
    const by = (q.by ?? []) as DimensionId[];
    const filters = filtersOf(q);
    const countLike = isCountMeasure(indicator.measure);
    const order = (d: DimensionId | undefined) => (d && valueOrder[d] ? [...valueOrder[d]!] : d && dimensions[d].ordered ? 'key' : undefined);
    let table = shapeTable(fetched.rows, {
      dimensions: by.length,
      threshold: exact ? null : threshold(),
      countLike,
      decimals: q.decimals ?? 1,
      percentOf: q.percentOf,
      top: q.top,
      rowOrder: order(by[0]),
      columnOrder: order(by[1]),
    });
    if (fetched.counts) table = hideThinMedians(table, fetched.counts, by.length, threshold());
    table = await labelTable(deps.db, table, by);
    return {
      indicator: indicator.id,
      unit: indicator.unit,
      measure: indicator.measure.kind,
      by,
      from: q.from ?? null,
      to: q.to ?? null,
      filters,
      exact,
      threshold: exact ? null : threshold(),
      decimals: q.decimals ?? 1,
      definitionsVersion: DEFINITIONS_VERSION,
      ...table,
      notes: notesFor(indicator, by, table),
    };
  }

  /**
   * Several grand totals (no dimension, no filter) in one read: runTotals scans each counting unit once for
   * all of them. Each result equals what `scopedQuery` gives for the same query; an invalid query or one
   * that cannot be computed is an Error in its place (the others are still computed).
   */
  async function totals(actor: Ctx['actor'] | null, qs: readonly StatsQuery[], exact: boolean): Promise<Array<StatsResult | Error>> {
    const out: Array<StatsResult | Error> = new Array(qs.length);
    const batch: Array<{ at: number; indicator: IndicatorDef }> = [];
    for (let at = 0; at < qs.length; at++) {
      const q = qs[at]!;
      try {
        const indicator = validate(q);
        if ((q.by ?? []).length || Object.keys(filtersOf(q)).length) out[at] = await compute(q, actor, exact);
        else batch.push({ at, indicator });
      } catch (error) {
        out[at] = error instanceof Error ? error : new Error(String(error));
      }
    }
    const items = batch.flatMap(({ at, indicator }) => {
      const period = { from: qs[at]!.from, to: qs[at]!.to };
      const counts = !isCountMeasure(indicator.measure) && !exact ? [{ indicator: { ...indicator, measure: { kind: 'count' as const } }, ...period }] : [];
      return [{ indicator, ...period }, ...counts];
    });
    let rows: AggregateRow[][];
    try {
      rows = await runTotals(deps, items, actor, { cubes });
    } catch {
      // One total failed the shared read: each is computed alone, so the failure is that query's only.
      for (const { at } of batch) out[at] = await compute(qs[at]!, actor, exact).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      return out;
    }
    let k = 0;
    for (const { at, indicator } of batch) {
      const own = rows[k++]!;
      const counts = !isCountMeasure(indicator.measure) && !exact ? rows[k++]! : null;
      out[at] = await shape(qs[at]!, indicator, { rows: own, counts }, exact);
    }
    return out;
  }

  /** A median over fewer records than the threshold could describe one person: hidden in public figures. */
  function hideThinMedians(table: StatsTable, counts: AggregateRow[], dims: number, limit: number): StatsTable {
    const n = new Map(counts.map((r) => [`${r.d1 ?? ''}|${r.d2 ?? ''}`, r.value ?? 0]));
    const hide = (c: Cell, d1: string | null, d2: string | null): Cell =>
      (n.get(`${d1 ?? ''}|${d2 ?? ''}`) ?? 0) < limit && c.value !== null ? { ...c, value: null, display: `<${limit}`, status: 'primary' } : c;
    const col = (j: number) => (dims >= 2 ? table.columns[j]!.key : null);
    return {
      ...table,
      cells: table.cells.map((row, i) => row.map((c, j) => hide(c, table.rows[i]!.key, col(j)))),
      totals: {
        ...table.totals,
        rows: table.totals.rows.map((c, i) => hide(c, table.rows[i]!.key, null)),
        columns: dims >= 2 ? table.totals.columns.map((c, j) => hide(c, null, table.columns[j]!.key)) : table.totals.columns.map((c) => hide(c, null, null)),
        grand: hide(table.totals.grand, null, null),
      },
    };
  }

  const exactFor = (ctx: Ctx, q: { suppress?: boolean }) => ctx.actor.permissions.has('stats.exact') && !q.suppress;
  /** With an actor: their permission; without one (system use): exact unless told otherwise. */
  const derivedExact = (ctx: Ctx | null, q: { suppress?: boolean }, system?: { exact: boolean }) => (ctx ? exactFor(ctx, q) : (system?.exact ?? true) && !q.suppress);

  return {
    query: (ctx: Ctx, q: StatsQuery) => compute(q, ctx.actor, exactFor(ctx, q)),
    systemQuery: (q: StatsQuery, options: { exact: boolean }) => compute(q, null, options.exact),
    /** In the actor's scope (null: the whole registry), exact as stated by the caller (annual snapshots). */
    scopedQuery: (actor: Ctx['actor'] | null, q: StatsQuery, options: { exact: boolean }) => compute(q, actor, options.exact),
    /** Many grand totals in the actor's scope (null: the whole registry) in one read; an Error where one fails. */
    scopedTotals: (actor: Ctx['actor'] | null, qs: readonly StatsQuery[], options: { exact: boolean }) => totals(actor, qs, options.exact),
    routes: (ctx: Ctx | null, q: DerivedQuery, system?: { exact: boolean }) => routes(deps, ctx?.actor ?? null, q, derivedExact(ctx, q, system), threshold(), cubes),
    funnel: (ctx: Ctx | null, q: DerivedQuery, system?: { exact: boolean }) => funnel(deps, ctx?.actor ?? null, q, derivedExact(ctx, q, system), threshold()),
    durations: (ctx: Ctx | null, q: DerivedQuery, system?: { exact: boolean }) => durations(deps, ctx?.actor ?? null, q, derivedExact(ctx, q, system), threshold()),
    /** The 2017 report's prosecution table (investigations … pending), one row per year, from the engine's indicators. */
    prosecutionTable: (ctx: Ctx, q: ProsecutionTableQuery) => prosecutionTable((sq) => compute(sq, ctx.actor, exactFor(ctx, q)), q),
    occupancy: (ctx: Ctx | null, q: OccupancyQuery, system?: { exact: boolean }) => occupancy(deps, ctx?.actor ?? null, q, derivedExact(ctx, q, system), threshold()),
    definitions: (locale: 'es' | 'en') => definitionsView(locale),
    definitionsMarkdown: (locale: 'es' | 'en') => definitionsMarkdown(locale),
  };
}
