/**
 * Turns the aggregated rows of a query (one per grouping set) into the table the API returns, applying
 * disclosure control when the reader may not see exact counts and computing percentages only from the
 * counts that are shown. Pure.
 */
import { displayOf, suppressList, suppressTable, type CellStatus } from '../disclosure';
import { percentOf } from './rounding';

/** One aggregated value: `d1`/`d2` are null on the margins (the grouping set left them out). */
export interface AggregateRow {
  d1: string | null;
  d2: string | null;
  value: number | null;
}

export interface Cell {
  value: number | null;
  display: string;
  percent: string | null;
  status: CellStatus;
}

export interface StatsTable {
  rows: Array<{ key: string; label?: string }>;
  columns: Array<{ key: string; label?: string }>;
  /** rows × columns; a 1-D table has one column (key `value`). */
  cells: Cell[][];
  totals: { rows: Cell[]; columns: Cell[]; grand: Cell; top?: Cell };
  percentBase: 'total' | 'row' | 'column' | 'top' | null;
}

export interface ShapeOptions {
  dimensions: number;
  /** null: exact counts (the reader holds stats.exact). */
  threshold: number | null;
  /** False for medians: no percentages, no count suppression of the value itself. */
  countLike: boolean;
  decimals: number;
  percentOf?: 'total' | 'row' | 'column' | 'top';
  top?: number;
  /** Order of row keys (periods, bands); otherwise largest first. */
  rowOrder?: readonly string[] | 'key';
  columnOrder?: readonly string[] | 'key';
  unknownLast?: boolean;
}

const key = (a: string | null, b: string | null) => `${a ?? ''}\u0000${b ?? ''}`;

export function shapeTable(aggregates: readonly AggregateRow[], options: ShapeOptions): StatsTable {
  const lookup = new Map<string, number | null>();
  for (const row of aggregates) lookup.set(key(row.d1, row.d2), row.value);
  // No record behind a cell: a count is 0, a median (or any non-count measure) has no value — blank, never a false 0.
  const empty = options.countLike ? 0 : null;
  const get = (a: string | null, b: string | null) => lookup.get(key(a, b)) ?? empty;
  const rowKeys = orderKeys(unique(aggregates.filter((r) => r.d1 !== null).map((r) => r.d1!)), (k) => get(k, null) ?? 0, options.rowOrder);
  const colKeys = options.dimensions >= 2 ? orderKeys(unique(aggregates.filter((r) => r.d2 !== null).map((r) => r.d2!)), (k) => get(null, k) ?? 0, options.columnOrder) : [];

  const values = rowKeys.map((r) => (options.dimensions >= 2 ? colKeys.map((c) => get(r, c)) : [get(r, null)]));
  const rowTotals = rowKeys.map((r) => get(r, null));
  const columnTotals = options.dimensions >= 2 ? colKeys.map((c) => get(null, c)) : [get(null, null)];
  const grand = get(null, null);

  const status = statusesFor(values, rowTotals, columnTotals, grand, options);
  const shown = (v: number | null, s: CellStatus) => (s === 'published' ? v : null);

  const cells: Cell[][] = values.map((row, i) =>
    row.map((v, j) => makeCell(v, status.cells[i]![j]!, options, percentBaseFor(i, j, options, { rowTotals, columnTotals, grand, status, shown }))),
  );
  const totalsRows = rowTotals.map((v, i) => makeCell(v, status.rowTotals[i]!, options, shownBase(grand, status.grand)));
  const totalsColumns = columnTotals.map((v, j) => makeCell(v, status.columnTotals[j]!, options, shownBase(grand, status.grand)));
  const grandCell = makeCell(grand, status.grand, options, shownBase(grand, status.grand));

  let table: StatsTable = {
    rows: rowKeys.map((k) => ({ key: k })),
    columns: options.dimensions >= 2 ? colKeys.map((k) => ({ key: k })) : options.dimensions === 1 ? [{ key: 'value' }] : [],
    cells,
    totals: { rows: totalsRows, columns: options.dimensions >= 2 ? totalsColumns : [grandCell], grand: grandCell },
    percentBase: !options.countLike || options.dimensions === 0 ? null : options.dimensions >= 2 ? (options.percentOf ?? 'row') : (options.percentOf ?? 'total'),
  };
  if (options.top !== undefined && options.dimensions >= 1) table = keepTop(table, options);
  return table;
}

const unique = (list: string[]) => [...new Set(list)];

function orderKeys(keys: string[], weight: (k: string) => number, order: ShapeOptions['rowOrder']): string[] {
  const rank = (k: string) => (k === 'unknown' ? 1 : 0);
  if (order === 'key') return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (Array.isArray(order)) {
    const pos = (k: string) => (order.indexOf(k) === -1 ? order.length + rank(k) : order.indexOf(k));
    return [...keys].sort((a, b) => pos(a) - pos(b) || a.localeCompare(b));
  }
  return [...keys].sort((a, b) => rank(a) - rank(b) || weight(b) - weight(a) || a.localeCompare(b));
}

interface Statuses {
  cells: CellStatus[][];
  rowTotals: CellStatus[];
  columnTotals: CellStatus[];
  grand: CellStatus;
}

function statusesFor(values: (number | null)[][], rowTotals: (number | null)[], columnTotals: (number | null)[], grand: number | null, options: ShapeOptions): Statuses {
  const all = (s: CellStatus) => ({
    cells: values.map((row) => row.map(() => s)),
    rowTotals: rowTotals.map(() => s),
    columnTotals: columnTotals.map(() => s),
    grand: s,
  });
  if (options.threshold === null) return all('published');
  if (!options.countLike) return all('published');
  const n = (v: number | null) => v ?? 0;
  if (options.dimensions <= 1) {
    const list = suppressList(values.map((r) => n(r[0]!)), n(grand), options.threshold);
    const grandStatus = list.total ?? 'published';
    return { cells: list.values.map((s) => [s]), rowTotals: list.values, columnTotals: [grandStatus], grand: grandStatus };
  }
  const result = suppressTable(
    { cells: values.map((r) => r.map(n)), rowTotals: rowTotals.map(n), columnTotals: columnTotals.map(n), grandTotal: n(grand) },
    options.threshold,
  );
  return { cells: result.cells, rowTotals: result.rowTotals!, columnTotals: result.columnTotals!, grand: result.grandTotal! };
}

const shownBase = (v: number | null, s: CellStatus): number | null => (s === 'published' ? v : null);

function percentBaseFor(
  i: number,
  j: number,
  options: ShapeOptions,
  ctx: { rowTotals: (number | null)[]; columnTotals: (number | null)[]; grand: number | null; status: Statuses; shown: (v: number | null, s: CellStatus) => number | null },
): number | null {
  const mode = options.dimensions >= 2 ? (options.percentOf ?? 'row') : 'total';
  if (mode === 'row') return ctx.shown(ctx.rowTotals[i]!, ctx.status.rowTotals[i]!);
  if (mode === 'column') return ctx.shown(ctx.columnTotals[j]!, ctx.status.columnTotals[j]!);
  return ctx.shown(ctx.grand, ctx.status.grand);
}

function makeCell(value: number | null, status: CellStatus, options: ShapeOptions, base: number | null): Cell {
  const shownValue = status === 'published' ? value : null;
  const display = value === null ? '' : options.threshold === null || !options.countLike ? formatValue(value) : displayOf(value, status, options.threshold);
  const percent = options.countLike && shownValue !== null && base !== null ? percentOf(shownValue, base, options.decimals) : null;
  return { value: shownValue, display, percent, status };
}

const formatValue = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10));

/**
 * The N largest rows, with their subtotal. Percentages of `top` are of the subtotal, which is itself a
 * percentage of the grand total — the layout of the published "top five districts" tables. Suppression
 * was decided on the whole table first; the subtotal is shown only if every row in it is shown.
 */
function keepTop(table: StatsTable, options: ShapeOptions): StatsTable {
  const n = Math.max(1, options.top!);
  const order = table.rows
    .map((r, i) => ({ i, v: table.totals.rows[i]!.value ?? -1, unknown: r.key === 'unknown' }))
    .sort((a, b) => Number(a.unknown) - Number(b.unknown) || b.v - a.v || a.i - b.i)
    .slice(0, n)
    .map((x) => x.i)
    .sort((a, b) => (table.totals.rows[b]!.value ?? -1) - (table.totals.rows[a]!.value ?? -1) || a - b);
  const rows = order.map((i) => table.rows[i]!);
  const allShown = order.every((i) => table.totals.rows[i]!.status === 'published');
  const subtotal = allShown ? order.reduce((a, i) => a + (table.totals.rows[i]!.value ?? 0), 0) : null;
  const grand = table.totals.grand.value;
  const top: Cell = {
    value: subtotal,
    display: subtotal === null ? 'x' : String(subtotal),
    percent: subtotal !== null && grand !== null ? percentOf(subtotal, grand, options.decimals) : null,
    status: subtotal === null ? 'secondary' : 'published',
  };
  const rebase = (c: Cell): Cell => (options.percentOf === 'top' ? { ...c, percent: c.value !== null && subtotal !== null ? percentOf(c.value, subtotal, options.decimals) : null } : c);
  return {
    ...table,
    rows,
    cells: order.map((i) => table.cells[i]!.map(options.dimensions >= 2 ? (c) => c : rebase)),
    totals: { ...table.totals, rows: order.map((i) => rebase(table.totals.rows[i]!)), top },
    percentBase: options.percentOf === 'top' ? 'top' : table.percentBase,
  };
}
