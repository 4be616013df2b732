/**
 * Builds and runs the SQL of one indicator: the rows of its counting unit in scope, in period, filtered,
 * with up to two dimensions (multi-select ones unnested), aggregated once per grouping set — the cells,
 * the row and column margins and the grand total. Each grouping set aggregates DISTINCT rows, so a record
 * with three purposes counts once in the total and once under each purpose (counts, sums and medians).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { textArray } from '../../db/text-array';
import { dimensionIds, type DimensionId } from '../../core/stats/dimensions';
import type { IndicatorDef } from '../../core/stats/indicators';
import type { AggregateRow } from '../../core/stats/table';
import type { Actor } from '../context';
import { statsScope } from '../policy';
import { withPeriods, type Source } from './stats.sources';
import { allSources as sources } from './sources';
import { markStatisticsRead } from './facts/facts.hook';
import { refreshCaseFacts } from './facts/facts.refresh';
import { cubeBaseSql, cubeFor } from './cubes/cubes.query';


export interface AggregateRequest {
  by: readonly DimensionId[];
  from?: string;
  to?: string;
  filters?: Partial<Record<DimensionId, readonly string[]>>;
  /** Only the cells (no margins, no total): for ranked lists such as routes. */
  cellsOnly?: boolean;
  /**
   * A feature's own scope rule from src/server/policy, in place of the statistics scope (the hotline's
   * monthly figures keep the hotline's visibility rule). Only ever set by server code, never from a request.
   */
  scope?: SQL;
  /** False: read the facts even where a cube could answer (tests compare both paths). Default true. */
  cubes?: boolean;
  /** Server code only: a further condition on the source's rows (distinct persons' correction). */
  where?: SQL;
}

/**
 * The base rows: one per record and per value of each multi-select dimension broken down by. `keep[i]`
 * false leaves dimension i out (null, and never unnested): the grouping sets that do not group by a
 * multi-select dimension read the records once each instead of once per value.
 */
export function baseSql(
  indicator: IndicatorDef,
  request: AggregateRequest,
  actor: Actor | null,
  keep: readonly boolean[] = request.by.map(() => true),
  /** More columns of the source's rows (`expression as name`), for views built on an indicator's rows. */
  extra: readonly string[] = [],
): SQL {
  const source: Source = sources[indicator.unit];
  const condition = indicator.condition ? source.conditions?.[indicator.condition] : undefined;
  if (indicator.condition && !condition) throw new Error(`unknown condition ${indicator.condition} for ${indicator.unit}`);
  const date = condition?.date ?? source.date;
  const dims = withPeriods(source.dims, date);
  const laterals: string[] = [];
  const columns = request.by.map((dim, i) => {
    if (!source.multi[dim] && !dims[dim]) throw new Error(`dimension ${dim} is not defined for ${indicator.unit}`);
    if (!keep[i]) return 'null::text';
    const rows = source.multiRows?.[dim];
    if (rows) {
      laterals.push(rows(`m${i}`));
      return `coalesce(m${i}.v, 'unknown')`;
    }
    if (source.multi[dim]) {
      laterals.push(`cross join lateral unnest(coalesce(nullif((${source.multi[dim]})::text[], '{}'::text[]), array[null]::text[])) as m${i}(v)`);
      return `coalesce(m${i}.v, 'unknown')`;
    }
    return `coalesce((${dims[dim]})::text, 'unknown')`;
  });
  const used = new Set<DimensionId>([...request.by.filter((d, i) => keep[i] && !source.multiRows?.[d]), ...(Object.keys(request.filters ?? {}) as DimensionId[])]);
  const joins = [...new Set([...used].map((d) => source.dimJoins?.[d]).filter((j): j is string => !!j))];
  const field = indicator.measure.kind === 'sum' || indicator.measure.kind === 'median' ? indicator.measure.field : undefined;
  const value = field ? source.values?.[field] : undefined;
  // Never a silent 0: a measure field the unit's source lacks is a definition error.
  if (field && !value) throw new Error(`measure field ${field} is not defined for ${indicator.unit}`);
  const where: SQL[] = [request.scope ?? statsScope(actor, source.scope)];
  if (request.where) where.push(request.where);
  if (source.where) where.push(sql.raw(source.where));
  if (condition?.where) where.push(sql.raw(condition.where));
  if (condition?.date && !condition.join) where.push(sql.raw(`(${condition.date}) is not null`));
  if (request.from) where.push(sql`${sql.raw(date)} >= ${request.from}::date`);
  if (request.to) where.push(sql`${sql.raw(date)} <= ${request.to}::date`);
  for (const [dim, values] of Object.entries(request.filters ?? {}) as Array<[DimensionId, readonly string[]]>) {
    if (!values?.length) continue;
    const list = sql.join(values.map((v) => sql`${v}`), sql`, `);
    if (source.multi[dim]) where.push(sql`(${sql.raw(source.multi[dim]!)})::text[] && array[${list}]::text[]`);
    else if (dims[dim]) where.push(sql`coalesce((${sql.raw(dims[dim]!)})::text, 'unknown') in (${list})`);
  }
  const select = [
    `${source.id} as id`,
    `${source.person ?? 'null::uuid'} as person`,
    `${value ?? 'null::int'} as val`,
    ...columns.map((c, i) => `${c} as d${i + 1}`),
    ...extra,
  ].join(', ');
  return sql`select ${sql.raw(select)} from ${sql.raw(source.from)} ${sql.raw(condition?.join ?? '')} ${sql.raw(joins.join(' '))} ${sql.raw(laterals.join(' '))} where ${sql.join(where, sql` and `)}`;
}

/** Where statistics read: the primary (`db`), and a read replica (`readDb`) when one is configured. */
export interface StatsConnections {
  db: Tx;
  readDb?: Tx;
}

/** Takes the cases queued by writes made outside a transaction and recomputes their facts; JIT off if asked. */
async function drainFactQueue(tx: Tx, jitOff: boolean): Promise<void> {
  // One round trip: the queued cases taken (usually none), and JIT off for this transaction when it reads next.
  const taken = (await tx.execute(
    sql`with q as (delete from stats_fact_queue returning case_id) select ${jitOff ? sql`set_config('jit', 'off', true)` : sql`null`} as jit, array(select distinct case_id::text from q) as ids`,
  )) as unknown as { rows: Array<{ ids: string[] | string }> };
  await refreshCaseFacts(tx, textArray(taken.rows[0]?.ids));
}

/**
 * Statistics read in a transaction of their own: first the facts queued by a write made outside a
 * transaction are brought up to date (figures are live: a write is visible in the next read), then JIT is
 * turned off for the queries (it costs seconds on plans that return a handful of rows).
 *
 * With a read replica (RETA_READ_DATABASE_URL) the queue is drained on the primary — a replica cannot write —
 * and the figures are read on the replica, which shows them once it has replayed that far: a figure may lag a
 * write by the replication delay (usually well under a second; `pg_stat_replication.replay_lag` on the
 * primary). Without a replica both happen in one transaction on the primary, so a read right after a write
 * sees it.
 */
export async function statsRead<T>(connections: StatsConnections, work: (tx: Tx) => Promise<T>): Promise<T> {
  const replica = connections.readDb && connections.readDb !== connections.db ? connections.readDb : undefined;
  if (!replica) {
    return connections.db.transaction(async (tx) => {
      markStatisticsRead(tx);
      await drainFactQueue(tx, true);
      return work(tx);
    });
  }
  await connections.db.transaction(async (tx) => {
    markStatisticsRead(tx);
    await drainFactQueue(tx, false);
  });
  return replica.transaction(async (tx) => {
    markStatisticsRead(tx);
    await tx.execute(sql`select set_config('jit', 'off', true)`);
    return work(tx);
  });
}

type GroupingSet = readonly [boolean, boolean];

/** The cells, margins and grand total of an indicator: one row per grouping set member. */
export async function runAggregate(connections: StatsConnections, indicator: IndicatorDef, input: AggregateRequest, actor: Actor | null): Promise<AggregateRow[]> {
  return statsRead(connections, (t) => aggregateIn(t, indicator, input, actor));
}

async function aggregateIn(tx: Tx, indicator: IndicatorDef, input: AggregateRequest, actor: Actor | null): Promise<AggregateRow[]> {
  const source: Source = sources[indicator.unit];
  const request = input;
  const n = request.by.length;
  const all: GroupingSet[] = n === 0 ? [[false, false]] : n === 1 ? [[true, false], [false, false]] : [[true, true], [true, false], [false, true], [false, false]];
  const sets = request.cellsOnly ? all.slice(0, 1) : all;
  const isMulti = request.by.map((d) => !!source.multi[d] || !!source.multiRows?.[d]);
  // Grouping sets that unnest the same multi-select dimensions share one pass; a set never unnests a
  // dimension it does not group by, so each record is one row per cell and plain counts need no DISTINCT.
  const passes = new Map<string, GroupingSet[]>();
  for (const set of sets) {
    const key = set.map((on, i) => (on && isMulti[i] ? '1' : '0')).join('');
    passes.set(key, [...(passes.get(key) ?? []), set]);
  }
  const onePerRow = source.rowPerId !== false;
  const agg = (() => {
    switch (indicator.measure.kind) {
      case 'count':
        return onePerRow ? 'count(*)::int' : 'count(distinct id)::int';
      case 'distinct_persons':
        return 'count(distinct person)::int';
      case 'sum':
        return 'coalesce(sum(val), 0)::int';
      case 'median':
        return '(percentile_cont(0.5) within group (order by val))::float8';
    }
  })();
  // Several rows per record (a victim with several referrals): sums and medians take each record once.
  const distinctRows = !onePerRow && (indicator.measure.kind === 'sum' || indicator.measure.kind === 'median');
  const grouping = (group: GroupingSet[], keep: boolean[]) => {
    const sets = group.map(([a, c]) => `(${[a ? 'd1' : null, c ? 'd2' : null].filter(Boolean).join(', ')})`).join(', ');
    return keep.some(Boolean) ? ` group by grouping sets (${sets})` : '';
  };
  const colsOf = (keep: boolean[]) => `${keep[0] ? 'd1' : 'null::text as d1'}, ${keep[1] ? 'd2' : 'null::text as d2'}`;
  // Distinct persons from a cube: its count of victim rows, less the rows of the same person in a cell —
  // found among the few persons with several victim rows (stats_repeat_persons), so no count(distinct)
  // over every victim. A grouping set gives one row per (d1, d2) pattern, so the two parts add up by key.
  const repeatRows = source.person ? sql`${sql.raw(source.person)} in (select person_id from stats_repeat_persons)` : undefined;
  let corrected = false;
  const parts = [...passes.values()].map((group) => {
    const keep = [0, 1].slice(0, n).map((i) => group.some((set) => set[i]));
    const cube = request.cubes === false ? null : cubeFor(indicator, request, keep, !!request.scope);
    if (cube) {
      const counted = sql`(select ${sql.raw(colsOf(keep))}, coalesce(sum(n), 0)::int as value from (${cubeBaseSql(cube, request, actor, keep)}) b${sql.raw(grouping(group, keep))})`;
      if (indicator.measure.kind !== 'distinct_persons' || !repeatRows) return counted;
      corrected = true;
      const repeated = baseSql(indicator, { ...request, where: request.where ? sql`${request.where} and ${repeatRows}` : repeatRows }, actor, keep);
      return sql`${counted} union all (select ${sql.raw(colsOf(keep))}, (count(distinct person) - count(*))::int as value from (${repeated}) b${sql.raw(grouping(group, keep))})`;
    }
    const base = baseSql(indicator, request, actor, keep);
    const from = distinctRows ? sql`(select distinct id, person, val, d1${sql.raw(n >= 2 ? ', d2' : '')} from (${base}) b0) b` : sql`(${base}) b`;
    // A column left out of a set reads null there: GROUPING SETS already gives null for it.
    return sql`(select ${sql.raw(colsOf(keep))}, ${sql.raw(agg)} as value from ${from}${sql.raw(grouping(group, keep))})`;
  });
  const union = sql.join(parts, sql` union all `);
  const query = corrected ? sql`select d1, d2, sum(value)::int as value from (${union}) x group by d1, d2` : union;
  const result = (await tx.execute(query)) as unknown as { rows: Array<{ d1: string | null; d2: string | null; value: number | string | null }> };
  return result.rows.map((r) => ({ d1: r.d1, d2: r.d2, value: r.value === null ? null : Number(r.value) }));
}

/**
 * Filters present in a query: every dimension id given as a parameter. `department` is short for the
 * department of the registering unit (the geography a case falls under, as in the case scope rule).
 */
export function filtersOf(q: Partial<Record<DimensionId | 'department', string[] | undefined>>): Partial<Record<DimensionId, string[]>> {
  const filters: Partial<Record<DimensionId, string[]>> = {};
  for (const id of dimensionIds) if (q[id]?.length) filters[id] = q[id]!;
  if (q.department?.length) filters.registeringDepartment = [...new Set([...(filters.registeringDepartment ?? []), ...q.department])];
  return filters;
}

/** One grand total of a batch: an indicator over a period, no dimension, no filter. */
export interface TotalRequest {
  indicator: IndicatorDef;
  from?: string;
  to?: string;
}

/**
 * The grand totals of several indicators in ONE read transaction (the annual report's ≈ 60 figures): those a
 * cube answers read it; the others are grouped by counting unit, and each unit's source is scanned once with
 * one aggregate per total (`count(*) filter (where <its condition and period>)`) instead of once per figure.
 * Same rows, same measures as aggregateIn; each result is the one grand-total row aggregateIn would give.
 */
export async function runTotals(connections: StatsConnections, items: readonly TotalRequest[], actor: Actor | null, options: { cubes?: boolean } = {}): Promise<AggregateRow[][]> {
  return statsRead(connections, async (tx) => {
    const out: AggregateRow[][] = new Array(items.length);
    const shared = new Map<string, number[]>();
    for (let i = 0; i < items.length; i++) {
      const { indicator, from, to } = items[i]!;
      const request: AggregateRequest = { by: [], from, to, cubes: options.cubes };
      const source = sources[indicator.unit];
      const condition = indicator.condition ? source.conditions?.[indicator.condition] : undefined;
      const cube = options.cubes === false ? null : cubeFor(indicator, request, [], false);
      if (cube || condition?.join || source.rowPerId === false) out[i] = await aggregateIn(tx, indicator, request, actor);
      else shared.set(indicator.unit, [...(shared.get(indicator.unit) ?? []), i]);
    }
    for (const [unit, indexes] of shared) {
      const source: Source = sources[unit as IndicatorDef['unit']];
      const columns = indexes.map((i, j) => sql`${totalSql(source, items[i]!)} as t${sql.raw(String(j))}`);
      const where: SQL[] = [statsScope(actor, source.scope)];
      if (source.where) where.push(sql.raw(source.where));
      const result = (await tx.execute(sql`select ${sql.join(columns, sql`, `)} from ${sql.raw(source.from)} where ${sql.join(where, sql` and `)}`)) as unknown as {
        rows: Array<Record<string, number | string | null>>;
      };
      const row = result.rows[0] ?? {};
      indexes.forEach((i, j) => {
        const v = row[`t${j}`];
        out[i] = [{ d1: null, d2: null, value: v === null || v === undefined ? null : Number(v) }];
      });
    }
    return out;
  });
}

/** One total as an aggregate with a FILTER: the indicator's condition and period (as baseSql writes them). */
function totalSql(source: Source, item: TotalRequest): SQL {
  const { indicator, from, to } = item;
  const condition = indicator.condition ? source.conditions?.[indicator.condition] : undefined;
  if (indicator.condition && !condition) throw new Error(`unknown condition ${indicator.condition} for ${indicator.unit}`);
  const date = condition?.date ?? source.date;
  const where: SQL[] = [sql`true`];
  if (condition?.where) where.push(sql.raw(`(${condition.where})`));
  if (condition?.date) where.push(sql.raw(`(${condition.date}) is not null`));
  if (from) where.push(sql`${sql.raw(date)} >= ${from}::date`);
  if (to) where.push(sql`${sql.raw(date)} <= ${to}::date`);
  const filter = sql`filter (where ${sql.join(where, sql` and `)})`;
  const field = indicator.measure.kind === 'sum' || indicator.measure.kind === 'median' ? indicator.measure.field : undefined;
  const value = field ? source.values?.[field] : undefined;
  if (field && !value) throw new Error(`measure field ${field} is not defined for ${indicator.unit}`);
  switch (indicator.measure.kind) {
    case 'count':
      return sql`(count(*) ${filter})::int`;
    case 'distinct_persons':
      return sql`(count(distinct ${sql.raw(source.person ?? 'null::uuid')}) ${filter})::int`;
    case 'sum':
      return sql`coalesce(sum(${sql.raw(value!)}) ${filter}, 0)::int`;
    case 'median':
      return sql`(percentile_cont(0.5) within group (order by ${sql.raw(value!)}) ${filter})::float8`;
  }
}
