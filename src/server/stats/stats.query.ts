/**
 * Builds and runs the SQL of one indicator: the rows of its counting unit in scope, in period, filtered,
 * with up to two dimensions (multi-select ones unnested), aggregated once per grouping set — the cells,
 * the row and column margins and the grand total. Each grouping set aggregates DISTINCT rows, so a record
 * with three purposes counts once in the total and once under each purpose (counts, sums and medians).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { dimensionIds, type DimensionId } from '../../core/stats/dimensions';
import type { IndicatorDef } from '../../core/stats/indicators';
import type { AggregateRow } from '../../core/stats/table';
import type { Actor } from '../context';
import { statsScope } from '../policy';
import { withPeriods, type Source } from './stats.sources';
import { allSources as sources } from './sources';
import { markStatisticsRead } from './facts/facts.hook';
import { refreshCaseFacts } from './facts/facts.refresh';

/** `{a,b}` as PGlite may return a text[] it does not parse. */
const parseTextArray = (text: string) => text.replace(/^\{|\}$/g, '').split(',').filter(Boolean);

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
  const ids = taken.rows[0]?.ids ?? [];
  await refreshCaseFacts(tx, typeof ids === 'string' ? parseTextArray(ids) : ids);
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
  const parts = [...passes.values()].map((group) => {
    const keep = [0, 1].slice(0, n).map((i) => group.some((set) => set[i]));
    const base = baseSql(indicator, request, actor, keep);
    const from = distinctRows ? sql`(select distinct id, person, val, d1${sql.raw(n >= 2 ? ', d2' : '')} from (${base}) b0) b` : sql`(${base}) b`;
    const cols = `${keep[0] ? 'd1' : 'null::text as d1'}, ${keep[1] ? 'd2' : 'null::text as d2'}`;
    const grouping = group.map(([a, c]) => `(${[a ? 'd1' : null, c ? 'd2' : null].filter(Boolean).join(', ')})`).join(', ');
    const groupBy = keep.some(Boolean) ? ` group by grouping sets (${grouping})` : '';
    // A column left out of a set reads null there: GROUPING SETS already gives null for it.
    return sql`(select ${sql.raw(cols)}, ${sql.raw(agg)} as value from ${from}${sql.raw(groupBy)})`;
  });
  const query = sql.join(parts, sql` union all `);
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
