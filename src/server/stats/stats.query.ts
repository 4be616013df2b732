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
import { assessedIds } from './stats.assessed';
import { withPeriods, type Source } from './stats.sources';
import { allSources as sources } from './sources';

export interface AggregateRequest {
  by: readonly DimensionId[];
  from?: string;
  to?: string;
  filters?: Partial<Record<DimensionId, readonly string[]>>;
  /** Only the cells (no margins, no total): for ranked lists such as routes. */
  cellsOnly?: boolean;
  /** The ids meeting an assessed condition (stats.assessed.ts); runAggregate fills it in. */
  assessedIds?: readonly string[];
  /**
   * A feature's own scope rule from src/server/policy, in place of the statistics scope (the hotline's
   * monthly figures keep the hotline's visibility rule). Only ever set by server code, never from a request.
   */
  scope?: SQL;
}

function aggregateSql(indicator: IndicatorDef): string {
  switch (indicator.measure.kind) {
    case 'count':
      return 'count(distinct id)::int';
    case 'distinct_persons':
      return 'count(distinct person)::int';
    case 'sum':
      return 'coalesce(sum(val), 0)::int';
    case 'median':
      return '(percentile_cont(0.5) within group (order by val))::float8';
  }
}

/** The base rows: one per record and per value of each multi-select dimension broken down by. */
export function baseSql(indicator: IndicatorDef, request: AggregateRequest, actor: Actor | null): SQL {
  const source: Source = sources[indicator.unit];
  const condition = indicator.condition ? source.conditions?.[indicator.condition] : undefined;
  if (indicator.condition && !condition) throw new Error(`unknown condition ${indicator.condition} for ${indicator.unit}`);
  const date = condition?.date ?? source.date;
  const dims = withPeriods(source.dims, date);
  const laterals: string[] = [];
  const columns = request.by.map((dim, i) => {
    const rows = source.multiRows?.[dim];
    if (rows) {
      laterals.push(rows(`m${i}`));
      return `coalesce(m${i}.v, 'unknown')`;
    }
    if (source.multi[dim]) {
      laterals.push(`cross join lateral unnest(coalesce(nullif((${source.multi[dim]})::text[], '{}'::text[]), array[null]::text[])) as m${i}(v)`);
      return `coalesce(m${i}.v, 'unknown')`;
    }
    const expr = dims[dim];
    if (!expr) throw new Error(`dimension ${dim} is not defined for ${indicator.unit}`);
    return `coalesce((${expr})::text, 'unknown')`;
  });
  const used = new Set<DimensionId>([...request.by.filter((d) => !source.multiRows?.[d]), ...(Object.keys(request.filters ?? {}) as DimensionId[])]);
  const joins = [...new Set([...used].map((d) => source.dimJoins?.[d]).filter((j): j is string => !!j))];
  const field = indicator.measure.kind === 'sum' || indicator.measure.kind === 'median' ? indicator.measure.field : undefined;
  const value = field ? source.values?.[field] : undefined;
  // Never a silent 0: a measure field the unit's source lacks is a definition error.
  if (field && !value) throw new Error(`measure field ${field} is not defined for ${indicator.unit}`);
  const where: SQL[] = [request.scope ?? statsScope(actor, source.scope)];
  if (source.where) where.push(sql.raw(source.where));
  if (condition?.where) where.push(sql.raw(condition.where));
  if (condition?.assessed) {
    if (!request.assessedIds) throw new Error(`condition ${indicator.condition} needs assessed ids`);
    // One parameter however many ids (a bind list would hit the 65 535-parameter limit).
    where.push(sql`${sql.raw(source.id)} = any(string_to_array(${request.assessedIds.join(',')}, ',')::uuid[])`);
  }
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
  ].join(', ');
  return sql`select ${sql.raw(select)} from ${sql.raw(source.from)} ${sql.raw(condition?.join ?? '')} ${sql.raw(joins.join(' '))} ${sql.raw(laterals.join(' '))} where ${sql.join(where, sql` and `)}`;
}

/** The cells, margins and grand total of an indicator: one row per grouping set member. */
export async function runAggregate(tx: Tx, indicator: IndicatorDef, input: AggregateRequest, actor: Actor | null): Promise<AggregateRow[]> {
  const source: Source = sources[indicator.unit];
  const assessed = indicator.condition ? source.conditions?.[indicator.condition]?.assessed : undefined;
  const request = assessed && !input.assessedIds ? { ...input, assessedIds: await assessedIds(tx, assessed) } : input;
  // One row per record and nothing unnested: a plain count, hashed, instead of a sort per grouping set.
  const plainCount = indicator.measure.kind === 'count' && source.rowPerId !== false && !request.by.some((d) => source.multi[d]);
  const agg = plainCount ? 'count(*)::int' : aggregateSql(indicator);
  const n = request.by.length;
  const all: Array<[boolean, boolean]> = n === 0 ? [[false, false]] : n === 1 ? [[true, false], [false, false]] : [[true, true], [true, false], [false, true], [false, false]];
  const sets = request.cellsOnly ? all.slice(0, 1) : all;
  if (indicator.measure.kind === 'count' || indicator.measure.kind === 'distinct_persons') {
    // count(distinct …) is immune to the rows multiplied by unnesting: one pass with GROUPING SETS.
    const keys = ['d1', 'd2'].slice(0, n);
    const grouping = sets.map(([a, b]) => `(${[a ? 'd1' : null, b ? 'd2' : null].filter(Boolean).join(', ')})`).join(', ');
    const select = `select ${n >= 1 ? 'd1' : 'null::text as d1'}, ${n >= 2 ? 'd2' : 'null::text as d2'}, ${agg} as value from base`;
    const query = sql`with base as (${baseSql(indicator, request, actor)}) ${sql.raw(keys.length ? `${select} group by grouping sets (${grouping})` : select)}`;
    const result = (await tx.execute(query)) as unknown as { rows: Array<{ d1: string | null; d2: string | null; value: number | string | null }> };
    return result.rows.map((r) => ({ d1: r.d1, d2: r.d2, value: r.value === null ? null : Number(r.value) }));
  }
  const parts = sets.map(([a, b]) => {
    const keys = [a ? 'd1' : null, b ? 'd2' : null].filter(Boolean) as string[];
    const inner = ['id', 'person', 'val', ...keys].join(', ');
    const group = keys.length ? ` group by ${keys.join(', ')}` : '';
    return `select ${a ? 'd1' : 'null::text'} as d1, ${b ? 'd2' : 'null::text'} as d2, ${agg} as value from (select distinct ${inner} from base) t${group}`;
  });
  const query = sql`with base as materialized (${baseSql(indicator, request, actor)}) ${sql.raw(parts.join(' union all '))}`;
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
