/**
 * The cases behind one figure ("click any figure"): the cell is found in the table the engine computes
 * for the same query (so its value and its disclosure status are the table's), then the records in it are
 * read from the engine's own base rows — `baseSql` of stats.query.ts, broken down by the cell's dimensions
 * and kept where they equal the cell's keys — never from a second definition of the indicator. The records
 * are mapped to their cases and only the cases the actor may see (src/server/policy) are listed.
 */
import { sql, type SQL } from 'drizzle-orm';
import { peruDepartments } from '../../core/geo/departments';
import type { DimensionId } from '../../core/stats/dimensions';
import { isCaseBased, type CaseBasedUnit } from '../../core/stats/case-units';
import { indicatorById } from '../../core/stats/indicators';
import type { StatsQuery } from '../../contracts/stats';
import type { StatsCasesQuery, StatsCasesResult } from '../../contracts/stats-cases';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, forbidden } from '../errors/app-error';
import { cellMayBeBrokenDown, mayListCasesBehindFigures, visibleCasesCondition } from '../policy';
import { baseSql, filtersOf, statsRead } from './stats.query';
import type { StatsService } from './stats.service';

/** How a counted record (`id` of the unit's base rows, aliased `b`) leads to its case. Units not about a case have none. */
export const caseOfRecord: Record<CaseBasedUnit, { join: string; caseId: string }> = {
  case: { join: '', caseId: 'b.id' },
  victim: { join: 'join case_victims rv on rv.id = b.id', caseId: 'rv.case_id' },
  referral_victim: { join: 'join case_victims rv on rv.id = b.id', caseId: 'rv.case_id' },
  service_victim: { join: 'join case_victims rv on rv.id = b.id', caseId: 'rv.case_id' },
  suspect: { join: 'join case_suspects rs on rs.id = b.id', caseId: 'rs.case_id' },
  defendant: { join: 'join case_suspects rs on rs.id = b.id', caseId: 'rs.case_id' },
  sentence: { join: 'join case_suspects rs on rs.id = b.id', caseId: 'rs.case_id' },
  shelter_stay: { join: 'join shelter_stays rst on rst.id = b.id join case_victims rv on rv.id = rst.case_victim_id', caseId: 'rv.case_id' },
};

const departmentNames = new Map(peruDepartments.map((d) => [d.code, d.name]));

export async function casesBehindFigure(deps: Deps, stats: StatsService, ctx: Ctx, q: StatsCasesQuery): Promise<StatsCasesResult> {
  if (!mayListCasesBehindFigures(ctx.actor)) throw forbidden();
  const { row, column, limit, ...rest } = q;
  // The table as the reader sees it: validates the query, and decides the cell's value and status.
  const table = await stats.query(ctx, { ...rest, decimals: 1 } as StatsQuery);
  const indicator = indicatorById(table.indicator)!;
  if (!isCaseBased(indicator.unit)) throw new AppError('stats.not_case_based', 400, undefined, { indicator: 'stats.not_case_based' });
  const link = caseOfRecord[indicator.unit];
  const by = table.by as DimensionId[];
  if (column !== undefined && by.length < 2) throw new AppError('stats.cell_not_found', 400, undefined, { column: 'stats.cell_not_found' });
  if (row !== undefined && by.length < 1) throw new AppError('stats.cell_not_found', 400, undefined, { row: 'stats.cell_not_found' });
  const i = row === undefined ? -1 : table.rows.findIndex((r) => r.key === row);
  const j = column === undefined ? -1 : table.columns.findIndex((c) => c.key === column);
  if ((row !== undefined && i < 0) || (column !== undefined && j < 0)) throw new AppError('stats.cell_not_found', 404);
  const cell = i >= 0 && j >= 0 ? table.cells[i]![j]! : i >= 0 ? (by.length >= 2 ? table.totals.rows[i]! : table.cells[i]![0]!) : j >= 0 ? table.totals.columns[j]! : table.totals.grand;
  if (!cellMayBeBrokenDown(cell)) throw new AppError('stats.cell_suppressed', 403);

  // The cell's dimensions, in order, with the key each must equal.
  const pinned: Array<[DimensionId, string]> = [];
  if (row !== undefined) pinned.push([by[0]!, row]);
  if (column !== undefined) pinned.push([by[1]!, column]);
  const request = {
    by: pinned.map(([d]) => d),
    from: rest.from,
    to: rest.to,
    filters: filtersOf(rest),
  };
  const keep: SQL[] = pinned.map(([, value], n) => sql`${sql.raw(`d${n + 1}`)} = ${value}`);
  const query = sql`with base as (${baseSql(indicator, request, ctx.actor)})
    select cases.id::text as id, cases.code as code, cases.registered_at as registered_at, cases.department_code as department_code, count(distinct b.id)::int as records
    from (select distinct id from base ${keep.length ? sql`where ${sql.join(keep, sql` and `)}` : sql``}) b
    ${sql.raw(link.join)} join cases on cases.id = ${sql.raw(link.caseId)}
    where ${visibleCasesCondition(ctx.actor)}
    group by cases.id, cases.code, cases.registered_at, cases.department_code
    order by cases.registered_at desc, cases.code
    limit ${limit + 1}`;
  const result = (await statsRead(deps, (tx) => tx.execute(query))) as unknown as { rows: Array<{ id: string; code: string; registered_at: string | Date; department_code: string | null; records: number | string }> };
  const rows = result.rows.slice(0, limit);
  return {
    indicator: indicator.id,
    unit: indicator.unit,
    value: cell.value,
    display: cell.display,
    cases: rows.map((r) => ({
      id: r.id,
      code: r.code,
      registeredAt: new Date(r.registered_at).toISOString(),
      departmentCode: r.department_code,
      departmentName: r.department_code ? (departmentNames.get(r.department_code) ?? null) : null,
      records: Number(r.records),
    })),
    truncated: result.rows.length > limit,
  };
}
