/**
 * The cubes: pre-aggregated counts of victims (stats_victim_cube), each a GROUP BY of the victim facts
 * over the period, the owning institution and department (the columns the statistics scope reads) and one
 * or two dimensions. Their keys are written with the victim source's own SQL (stats.sources.ts), so a cube
 * row counts exactly the rows the facts path would: `coalesce(value, 'unknown')`, multi-select dimensions
 * one row per value (an empty list: 'unknown'), not-a-victim rows left out.
 *
 * Chosen to answer the statistics page and the annual report (victims by purpose, purpose group, UNODC
 * category, age band × sex, origin, exploitation department, routes) from a few thousand rows per year
 * instead of one per victim. Routes are by year: month × origin × exploitation department would hold
 * about one row per victim.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DimensionId } from '../../../core/stats/dimensions';
import { sources } from '../stats.sources';
import { figureSources } from '../sources/figures';

export interface CubeDef {
  id: string;
  /** The counting unit whose rows it sums. */
  unit: 'victim' | 'pending_defendant';
  /** The dimensions of k1, k2 (at most two). */
  dims: readonly DimensionId[];
  /**
   * The period a row sums: the registration month, or year; `year_end`: the year end a defendant was pending
   * at (see pendingCubeRowsSql), read back as the exact day the statistic is as of.
   */
  grain: 'month' | 'year' | 'year_end';
}

/** Smallest first: the engine takes the first cube that can answer a query. */
export const victimCubes: readonly CubeDef[] = [
  { id: 'purpose_group', unit: 'victim', dims: ['purposeGroup'], grain: 'month' },
  { id: 'unodc', unit: 'victim', dims: ['unodcCategory'], grain: 'month' },
  { id: 'purpose', unit: 'victim', dims: ['purpose'], grain: 'month' },
  { id: 'age_sex', unit: 'victim', dims: ['ageBandReta', 'sex'], grain: 'month' },
  { id: 'exploitation', unit: 'victim', dims: ['exploitationDepartment'], grain: 'month' },
  { id: 'origin', unit: 'victim', dims: ['originDepartment'], grain: 'month' },
  { id: 'route', unit: 'victim', dims: ['originDepartment', 'exploitationDepartment'], grain: 'year' },
];

/**
 * Defendants pending at year end: counted per year end a defendant was pending at, which the row model of
 * the facts visits once per defendant and year (2.7 million rows at national scale for all years). For the
 * annual report's totals, the prosecution table's pending column and the usual breakdowns.
 */
export const pendingCubes: readonly CubeDef[] = [
  { id: 'pending', unit: 'pending_defendant', dims: [], grain: 'year_end' },
  { id: 'pending_stage', unit: 'pending_defendant', dims: ['stage'], grain: 'year_end' },
  { id: 'pending_sex', unit: 'pending_defendant', dims: ['sex'], grain: 'year_end' },
  { id: 'pending_department', unit: 'pending_defendant', dims: ['registeringDepartment'], grain: 'year_end' },
];

const victim = sources.victim;
const pending = figureSources.pending_defendant;
/** A multi-select dimension of the unit (a record is one row per value there). */
export const isMultiDim = (dim: DimensionId, unit: CubeDef['unit'] = 'victim') => !!(unit === 'victim' ? victim : pending).multi[dim];

/**
 * SELECT of every cube's rows over victim fact rows `f` read from `from` (a table or CTE with the columns of
 * stats_victim_facts, with its own WHERE if any): columns cube, period, owning_institution_id,
 * owning_department, k1, k2, n.
 */
export function cubeRowsSql(from: string, where: SQL = sql`true`): SQL {
  const parts = victimCubes.map((cube) => {
      const laterals: string[] = [];
      const keys = cube.dims.map((dim, i) => {
        if (victim.multi[dim]) {
          laterals.push(`cross join lateral unnest(coalesce(nullif((${victim.multi[dim]})::text[], '{}'::text[]), array[null]::text[])) as m${i}(v)`);
          return `coalesce(m${i}.v, 'unknown')`;
        }
        const expr = victim.dims[dim];
        if (!expr || victim.dimJoins?.[dim]) throw new Error(`cube ${cube.id}: dimension ${dim} is not a column of the victim facts`);
        return `coalesce((${expr})::text, 'unknown')`;
      });
      const [k1 = `''`, k2 = `''`] = keys;
      const head = `select '${cube.id}'::text as cube, date_trunc('${cube.grain}', ${victim.date})::date as period, f.owning_institution_id, f.owning_department,
        ${k1} as k1, ${k2} as k2, count(*)::int as n from ${from} f ${laterals.join(' ')} where (${victim.where ?? 'true'})`;
      return sql`${sql.raw(head)} and (${where}) group by 1, 2, 3, 4, 5, 6`;
  });
  return sql.join(parts, sql` union all `);
}


/**
 * SELECT of the pending cubes' rows over defendant fact rows `f` read from `from` (same columns as cubeRowsSql).
 * Two rows per cube and key: `<id>` rows count the year ends kept in the facts' pending years (period: that 31
 * December, the dimensions as of then); `<id>_from` rows count the open runs (period: 31 December of their first
 * year, the dimensions as they stand — no event can change them any more), which the reading side spreads over
 * every year end from then to today (cubes.query.ts).
 */
export function pendingCubeRowsSql(from: string, where: SQL = sql`true`): SQL {
  const parts = pendingCubes.flatMap((cube) =>
    (['years', 'from'] as const).map((kind) => {
      const asOf = kind === 'years' ? 'make_date(ys.y, 12, 31)' : `'infinity'::date`;
      const keys = cube.dims.map((dim) => {
        const expr = pending.dims[dim];
        if (!expr || pending.multi[dim] || pending.dimJoins?.[dim]) throw new Error(`cube ${cube.id}: dimension ${dim} is not a column of the defendant facts`);
        return `coalesce((${expr.replaceAll('ye.as_of', asOf)})::text, 'unknown')`;
      });
      const [k1 = `''`, k2 = `''`] = keys;
      const head =
        kind === 'years'
          ? `select '${cube.id}'::text as cube, ${asOf} as period, f.owning_institution_id, f.owning_department, ${k1} as k1, ${k2} as k2, count(*)::int as n
        from ${from} f cross join lateral unnest(f.pending_years) as ys(y) where true`
          : `select '${cube.id}_from'::text as cube, make_date(f.pending_from, 12, 31) as period, f.owning_institution_id, f.owning_department, ${k1} as k1, ${k2} as k2, count(*)::int as n
        from ${from} f where f.pending_from is not null`;
      return sql`${sql.raw(head)} and (${where}) group by 1, 2, 3, 4, 5, 6`;
    }),
  );
  return sql.join(parts, sql` union all `);
}

/** Every cube's rows over the fact rows of `victims` and `defendants` (tables or CTEs), with the same WHERE. */
export const allCubeRowsSql = (victims: string, defendants: string, where?: SQL): SQL =>
  sql`${cubeRowsSql(victims, where)} union all ${pendingCubeRowsSql(defendants, where)}`;