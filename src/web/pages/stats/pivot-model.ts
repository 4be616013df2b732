/**
 * The ad-hoc table builder's state and pure helpers: the state lives in the address (shareable), in the
 * API's own parameter names (`indicator`, `by`, `from`, `to`, one parameter per filtered dimension,
 * `suppress`), so the table, its file downloads and the cases behind a cell all send the same query.
 */
import type { StatsResult } from '../../../contracts/stats';
import { isDimension, type DimensionId } from '../../../core/stats/dimensions';

export interface PivotState {
  indicator: string;
  rows?: DimensionId;
  columns?: DimensionId;
  from?: string;
  to?: string;
  filters: Partial<Record<DimensionId, string[]>>;
  /** Show the published (disclosure-controlled) version even to readers of exact figures. */
  suppress?: boolean;
}

export const DEFAULT_INDICATOR = 'victims';

export function stateFromParams(params: URLSearchParams): PivotState {
  const [rows, columns] = (params.get('by') ?? '').split(',').filter(isDimension);
  const filters: PivotState['filters'] = {};
  for (const [name, value] of params) {
    if (isDimension(name) && value) filters[name] = value.split(',').filter(Boolean);
  }
  return {
    indicator: params.get('indicator') || DEFAULT_INDICATOR,
    rows,
    columns: columns !== rows ? columns : undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    filters,
    suppress: params.get('suppress') === 'true' || undefined,
  };
}

/** The API query of a state (also the address of the page). */
export function queryOf(state: PivotState): Record<string, string> {
  const query: Record<string, string> = { indicator: state.indicator };
  const by = [state.rows, state.columns].filter(Boolean);
  if (by.length) query.by = by.join(',');
  if (state.from) query.from = state.from;
  if (state.to) query.to = state.to;
  for (const [dim, values] of Object.entries(state.filters)) if (values?.length) query[dim] = values.join(',');
  if (state.suppress) query.suppress = 'true';
  return query;
}

export const paramsOf = (state: PivotState) => new URLSearchParams(queryOf(state));

/** Dimensions the indicator no longer has are dropped when the indicator changes. */
export function withIndicator(state: PivotState, indicator: string, allowed: readonly string[]): PivotState {
  const keep = (d?: DimensionId) => (d && allowed.includes(d) ? d : undefined);
  const filters = Object.fromEntries(Object.entries(state.filters).filter(([d]) => allowed.includes(d)));
  return { ...state, indicator, rows: keep(state.rows), columns: keep(state.columns), filters };
}

/** The cell a click opens, as GET /api/v1/stats/cases wants it: a row key and/or a column key (none: the total). */
export interface CellRef {
  row?: string;
  column?: string;
}

export type PivotSort = { key: 'label' | 'total' | number; direction: 'asc' | 'desc' } | null;

/**
 * The order rows are shown in: as the engine returned them (null sort), by label, by the row total or by
 * one column. Hidden values (suppressed, `null`) sort after every shown value in either direction, so
 * sorting never hints at their size.
 */
export function sortedRows(result: Pick<StatsResult, 'rows' | 'cells' | 'totals' | 'by'>, sort: PivotSort, labelOf: (i: number) => string): number[] {
  const order = result.rows.map((_, i) => i);
  if (!sort) return order;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  if (sort.key === 'label') return order.sort((a, b) => sign * collator.compare(labelOf(a), labelOf(b)) || a - b);
  const valueOf = (i: number) =>
    sort.key === 'total' ? (result.by.length >= 2 ? result.totals.rows[i]!.value : result.cells[i]![0]!.value) : result.cells[i]![sort.key as number]!.value;
  return order.sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || a - b;
    return sign * (va - vb) || a - b;
  });
}

/** Next sort when a header is pressed: descending first for numbers, ascending first for labels, then the engine's order. */
export function nextSort(current: PivotSort, key: 'label' | 'total' | number): PivotSort {
  const first = key === 'label' ? 'asc' : 'desc';
  if (!current || current.key !== key) return { key, direction: first };
  if (current.direction === first) return { key, direction: first === 'asc' ? 'desc' : 'asc' };
  return null;
}
