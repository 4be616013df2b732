/**
 * When a pass of an indicator's query can read a cube instead of the victim facts, and the SQL of its base
 * rows then. A cube answers when the indicator counts victims (or distinct persons, see stats.query.ts)
 * with no condition, every dimension grouped or filtered is one of the cube's (or the owning department,
 * or a period the cube's grain holds), the cube's multi-select dimensions are all grouped by in this pass
 * (a victim is one row per value there), no multi-select dimension is filtered on (the facts path keeps
 * a victim having ANY of the values), and the period starts and ends on the cube's grain. Otherwise the
 * engine reads the facts, as before: the same numbers either way, proven by the tests.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DimensionId } from '../../../core/stats/dimensions';
import type { IndicatorDef } from '../../../core/stats/indicators';
import type { Actor } from '../../context';
import { statsScope } from '../../policy';
import { limaDate } from '../stats.sources';
import { isMultiDim, pendingCubes, victimCubes, type CubeDef } from './cubes';

export interface CubeRequest {
  by: readonly DimensionId[];
  from?: string;
  to?: string;
  filters?: Partial<Record<DimensionId, readonly string[]>>;
}

const periodDims: Record<CubeDef['grain'], Partial<Record<DimensionId, string>>> = {
  month: {
    year: `to_char(f.period, 'YYYY')`,
    quarter: `to_char(f.period, 'YYYY') || '-Q' || to_char(f.period, 'Q')`,
    month: `to_char(f.period, 'YYYY-MM')`,
  },
  year: { year: `to_char(f.period, 'YYYY')` },
  // The exact day a pending figure is as of (31 December, or today in the current year): as the facts path reads it.
  year_end: {
    year: `to_char(f.period, 'YYYY')`,
    quarter: `to_char(f.period, 'YYYY') || '-Q' || to_char(f.period, 'Q')`,
    month: `to_char(f.period, 'YYYY-MM')`,
  },
};

/** The SQL of a dimension in a cube's rows, or null when the cube cannot give it. */
function columnOf(cube: CubeDef, dim: DimensionId): string | null {
  const i = cube.dims.indexOf(dim);
  if (i >= 0) return `f.k${i + 1}`;
  if (dim === 'owningDepartment') return 'f.owning_department';
  return periodDims[cube.grain][dim] ?? null;
}

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The period is whole months (or years) of the cube's grain. */
function periodFits(cube: CubeDef, from?: string, to?: string): boolean {
  if (cube.grain === 'year_end') return true;
  if (from && !(cube.grain === 'month' ? /^\d{4}-\d{2}-01$/ : /^\d{4}-01-01$/).test(from)) return false;
  if (to) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (cube.grain === 'year' ? !(mo === 12 && d === 31) : d !== lastDayOfMonth(y, mo)) return false;
  }
  return true;
}

/**
 * The cube that answers one pass (the dimensions `keep` marks, the request's filters and period), or null.
 * `scoped`: the request carries a feature's own scope rule (never answered from a cube).
 */
export function cubeFor(indicator: IndicatorDef, request: CubeRequest, keep: readonly boolean[], scoped: boolean): CubeDef | null {
  if (indicator.condition || scoped) return null;
  const cubes = indicator.unit === 'victim' ? victimCubes : indicator.unit === 'pending_defendant' ? pendingCubes : null;
  if (!cubes) return null;
  // Distinct persons: victims only (the repeat-person correction); pending defendants are counted as rows.
  if (indicator.measure.kind !== 'count' && !(indicator.measure.kind === 'distinct_persons' && indicator.unit === 'victim')) return null;
  const grouped = request.by.filter((_, i) => keep[i]);
  const filtered = (Object.keys(request.filters ?? {}) as DimensionId[]).filter((d) => request.filters?.[d]?.length);
  const multi = (d: DimensionId) => isMultiDim(d, indicator.unit as CubeDef['unit']);
  if (filtered.some(multi)) return null;
  return (
    cubes.find(
      (cube) =>
        periodFits(cube, request.from, request.to) &&
        [...grouped, ...filtered].every((d) => columnOf(cube, d) !== null) &&
        cube.dims.every((d) => !multi(d) || grouped.includes(d)),
    ) ?? null
  );
}

/** The base rows of a pass read from a cube: `n, d1, d2` (d_i null where `keep` leaves it out). */
export function cubeBaseSql(cube: CubeDef, request: CubeRequest, actor: Actor | null, keep: readonly boolean[]): SQL {
  const columns = request.by.map((dim, i) => (keep[i] ? `coalesce((${columnOf(cube, dim)})::text, 'unknown')` : 'null::text'));
  const where: SQL[] = [...(cube.grain === 'year_end' ? [] : [sql`f.cube = ${cube.id}`]), statsScope(actor, { institution: 'f.owning_institution_id', department: 'f.owning_department' })];
  if (request.from) where.push(sql`f.period >= ${request.from}::date`);
  if (request.to) where.push(sql`f.period <= ${request.to}::date`);
  for (const [dim, values] of Object.entries(request.filters ?? {}) as Array<[DimensionId, readonly string[]]>) {
    if (!values?.length) continue;
    const list = sql.join(values.map((v) => sql`${v}`), sql`, `);
    where.push(sql`coalesce((${sql.raw(columnOf(cube, dim)!)})::text, 'unknown') in (${list})`);
  }
  const select = ['f.n as n', ...columns.map((c, i) => `${c} as d${i + 1}`)].join(', ');
  return sql`select ${sql.raw(select)} from ${cube.grain === 'year_end' ? pendingRows(cube) : sql`stats_victim_cube`} f where ${sql.join(where, sql` and `)}`;
}

/**
 * A pending cube's rows with `period` the day each is as of: the kept year ends as they are, each open run spread
 * over every year end from its first year to the current one, as of today (the facts path's rows, summed).
 */
function pendingRows(cube: CubeDef): SQL {
  const today = limaDate('now()');
  return sql.raw(`(select c.owning_institution_id, c.owning_department, c.k1, c.k2, c.n, least(c.period, ${today}) as period
      from stats_victim_cube c where c.cube = '${cube.id}'
    union all select c.owning_institution_id, c.owning_department, c.k1, c.k2, c.n, least(make_date(y, 12, 31), ${today})
      from stats_victim_cube c cross join generate_series(extract(year from c.period)::int, extract(year from ${today})::int) y where c.cube = '${cube.id}_from')`);
}
