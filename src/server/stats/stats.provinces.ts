/**
 * The map's drill-down from a department to its provinces: an indicator's records whose case has a place
 * of exploitation in the department (the engine's `exploitationDepartment` filter, on the engine's own
 * base rows — `baseSql`, with the query's scope, period and filters), counted per province of those places
 * (`left(ubigeo, 4)`; a place given only by department is "unknown"). Like the department breakdown it is
 * multi-select: a case exploited in two provinces counts in both, once in the total. The cells are shaped
 * by the engine's pure table rules (shapeTable), so disclosure control is the engine's.
 */
import { sql } from 'drizzle-orm';
import { isCaseBased } from '../../core/stats/case-units';
import { indicatorById } from '../../core/stats/indicators';
import { shapeTable, type AggregateRow } from '../../core/stats/table';
import type { StatsQuery } from '../../contracts/stats';
import type { ProvinceQuery, ProvinceResult } from '../../contracts/stats-map';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { caseOfRecord } from './stats.cases';
import { baseSql, filtersOf, statsRead } from './stats.query';
import type { StatsService } from './stats.service';

export async function provincesOfDepartment(deps: Deps, stats: StatsService, ctx: Ctx, q: ProvinceQuery): Promise<ProvinceResult> {
  const { department, ...rest } = q;
  const filters = { ...filtersOf(rest), exploitationDepartment: [department] };
  // The department's own figure, as the engine gives it (validates the query, decides exact or not).
  const head = await stats.query(ctx, { ...rest, exploitationDepartment: [department], decimals: 1 } as StatsQuery);
  const indicator = indicatorById(head.indicator)!;
  if (!isCaseBased(indicator.unit) || indicator.measure.kind !== 'count' || !indicator.dimensions.includes('exploitationDepartment')) {
    throw new AppError('stats.no_province_breakdown', 400, undefined, { indicator: 'stats.no_province_breakdown' });
  }
  const link = caseOfRecord[indicator.unit];
  const base = baseSql(indicator, { by: [], from: rest.from, to: rest.to, filters }, ctx.actor);
  const query = sql`with base as (${base}),
    counted as (select b.id, coalesce(p.province, 'unknown') as province
      from (select distinct id from base) b ${sql.raw(link.join)}
      left join (select distinct cp.case_id, left(cp.ubigeo, 4) as province from case_places cp
        where cp.kind = 'exploitation' and cp.department_code = ${department} and length(cp.ubigeo) >= 4) p on p.case_id = ${sql.raw(link.caseId)})
    select province as d1, count(distinct id)::int as value from counted group by grouping sets ((province), ())`;
  const result = (await statsRead(deps, (tx) => tx.execute(query))) as unknown as { rows: Array<{ d1: string | null; value: number | string }> };
  const rows: AggregateRow[] = result.rows.map((r) => ({ d1: r.d1, d2: null, value: Number(r.value) }));
  const table = shapeTable(rows, { dimensions: 1, threshold: head.threshold, countLike: true, decimals: 1 });
  return {
    indicator: indicator.id,
    department,
    exact: head.exact,
    threshold: head.threshold,
    items: table.rows.map((r, i) => ({ code: r.key, value: table.cells[i]![0]!.value, display: table.cells[i]![0]!.display, status: table.cells[i]![0]!.status })),
    total: { value: table.totals.grand.value, display: table.totals.grand.display, status: table.totals.grand.status },
  };
}
