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

export interface CubeDef {
  id: string;
  /** The dimensions of k1, k2 (at most two). */
  dims: readonly DimensionId[];
  /** The period a row sums: the registration month, or year. */
  grain: 'month' | 'year';
}

/** Smallest first: the engine takes the first cube that can answer a query. */
export const victimCubes: readonly CubeDef[] = [
  { id: 'purpose_group', dims: ['purposeGroup'], grain: 'month' },
  { id: 'unodc', dims: ['unodcCategory'], grain: 'month' },
  { id: 'purpose', dims: ['purpose'], grain: 'month' },
  { id: 'age_sex', dims: ['ageBandReta', 'sex'], grain: 'month' },
  { id: 'exploitation', dims: ['exploitationDepartment'], grain: 'month' },
  { id: 'origin', dims: ['originDepartment'], grain: 'month' },
  { id: 'route', dims: ['originDepartment', 'exploitationDepartment'], grain: 'year' },
];

const victim = sources.victim;
export const isMultiDim = (dim: DimensionId) => !!victim.multi[dim];

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
