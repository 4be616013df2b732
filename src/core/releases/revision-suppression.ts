/**
 * Disclosure control of a PUBLIC RELEASE and of its revisions (domain.md rule 7 applied across time). Pure.
 *
 * A release freezes the public tables of one completed year. It is never changed: a correction is a new
 * release of the same year (a revision) with a note of what changed. Publishing two versions of a table
 * invites differencing — "it said <10, now it says 10: the hidden value was 9" — so a revision follows
 * THE RULE OF CONSISTENT SUPPRESSION:
 *
 *  1. Every value hidden in the previous release of the year (cell, row total, column total or grand
 *     total) stays hidden in the revision, whatever its new value: "<10" when it is a small count now,
 *     "x" otherwise. A category that had a hidden value and no longer has records stays in the table as a
 *     hidden row (or column), so its disappearance does not publish a 0. A value hidden once is never
 *     published again for that year; the revision note explains why a large category remains hidden.
 *  2. Values published before may become hidden (a count that fell below the threshold, or a complement
 *     that the inherited cells now need).
 *  3. Secondary suppression runs on the revision with the inherited hidden values as seeds, so within the
 *     revision no hidden value can be recomputed (the line, bound and linear checks of ../disclosure.ts).
 *  4. Across releases, the hidden set only grows: every line of the revision contains at least the hidden
 *     values it had before. Subtracting one release from the other gives the NET change of a line's hidden
 *     values, never one hidden value (the unknowns of the two releases are different numbers, and none of
 *     the earlier unknowns is published later).
 *  5. Releases carry counts only: no percentages (a percentage of a published total would let a reader
 *     rebuild a value shown differently).
 *
 * Tables whose margins are not sums of their cells (multi-select purposes) are protected as if they
 * were, as in the statistics engine.
 */
import { displayOf, suppressTable, type CellStatus, type KeepHidden } from '../disclosure';

export interface ReleaseHeader {
  key: string;
  label?: string;
}

/** A released value: the count when published, null when hidden; `display` is what readers see. */
export interface ReleaseCell {
  value: number | null;
  display: string;
  percent: null;
  status: CellStatus;
}

/** The exact figures of one table (never stored): rows × columns (1-D: one column `value`) and margins. */
export interface ExactTable {
  dimensions: 1 | 2;
  rows: ReleaseHeader[];
  columns: ReleaseHeader[];
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  grand: number;
}

/** A table as released: the same layout as a statistics result's table, only published values. */
export interface ReleasedTable {
  rows: ReleaseHeader[];
  columns: ReleaseHeader[];
  cells: ReleaseCell[][];
  totals: { rows: ReleaseCell[]; columns: ReleaseCell[]; grand: ReleaseCell };
}

/** One value whose display differs between two releases (the note of a revision lists them). */
export interface ReleaseChange {
  row: string | null;
  column: string | null;
  before: string;
  after: string;
}

const hiddenStatus = (c: ReleaseCell | undefined) => c !== undefined && c.status !== 'published';

/** Adds the rows and columns that were hidden before and have no records now (as zeros, kept hidden). */
function withInheritedHeaders(exact: ExactTable, previous: ReleasedTable | null): ExactTable {
  if (!previous) return exact;
  const rowKeys = new Set(exact.rows.map((r) => r.key));
  const colKeys = new Set(exact.columns.map((c) => c.key));
  const addRows = previous.rows.filter((r, i) => !rowKeys.has(r.key) && (hiddenStatus(previous.totals.rows[i]) || previous.cells[i]!.some(hiddenStatus)));
  const addCols =
    exact.dimensions === 2 ? previous.columns.filter((c, j) => !colKeys.has(c.key) && (hiddenStatus(previous.totals.columns[j]) || previous.cells.some((row) => hiddenStatus(row[j])))) : [];
  if (!addRows.length && !addCols.length) return exact;
  const columns = [...exact.columns, ...addCols];
  const width = columns.length;
  const cells = [...exact.cells.map((row) => [...row, ...addCols.map(() => 0)]), ...addRows.map(() => new Array<number>(width).fill(0))];
  return {
    ...exact,
    rows: [...exact.rows, ...addRows],
    columns,
    cells,
    rowTotals: [...exact.rowTotals, ...addRows.map(() => 0)],
    columnTotals: exact.dimensions === 2 ? [...exact.columnTotals, ...addCols.map(() => 0)] : exact.columnTotals,
  };
}

/** What the previous release hid, in the layout of the new table (matched by row and column keys). */
function keepFrom(table: ExactTable, previous: ReleasedTable | null): KeepHidden {
  if (!previous) return {};
  const prevRow = new Map(previous.rows.map((r, i) => [r.key, i]));
  const prevCol = new Map(previous.columns.map((c, j) => [c.key, j]));
  const cell = (rowKey: string, colKey: string) => {
    const i = prevRow.get(rowKey);
    const j = prevCol.get(colKey);
    return i !== undefined && j !== undefined && hiddenStatus(previous.cells[i]![j]);
  };
  const cells = table.rows.map((r) => table.columns.map((c) => cell(r.key, c.key)));
  if (table.dimensions === 1) {
    // A 1-D table's row totals are its cells; its one column total is the grand total.
    table.rows.forEach((r, i) => {
      const p = prevRow.get(r.key);
      if (p !== undefined && hiddenStatus(previous.totals.rows[p])) cells[i]![0] = true;
    });
    return { cells, columnTotals: [hiddenStatus(previous.totals.grand)] };
  }
  return {
    cells,
    rowTotals: table.rows.map((r) => prevRow.has(r.key) && hiddenStatus(previous.totals.rows[prevRow.get(r.key)!])),
    columnTotals: table.columns.map((c) => prevCol.has(c.key) && hiddenStatus(previous.totals.columns[prevCol.get(c.key)!])),
    grandTotal: hiddenStatus(previous.totals.grand),
  };
}

function cellOf(value: number, status: CellStatus, threshold: number): ReleaseCell {
  return { value: status === 'published' ? value : null, display: displayOf(value, status, threshold), percent: null, status };
}

/**
 * The released form of a table: primary and secondary suppression, plus — for a revision — every value
 * the previous release of the year hid (rule above).
 */
export function releaseTable(exactTable: ExactTable, threshold: number, previous: ReleasedTable | null = null): ReleasedTable {
  const t = withInheritedHeaders(exactTable, previous);
  const keep = keepFrom(t, previous);
  if (t.dimensions === 1) {
    const s = suppressTable({ cells: t.cells, columnTotals: [t.grand] }, threshold, keep);
    const cells = t.cells.map((row, i) => [cellOf(row[0]!, s.cells[i]![0]!, threshold)]);
    const grand = cellOf(t.grand, s.columnTotals![0]!, threshold);
    return { rows: t.rows, columns: t.columns, cells, totals: { rows: cells.map((row) => row[0]!), columns: [grand], grand } };
  }
  const s = suppressTable({ cells: t.cells, rowTotals: t.rowTotals, columnTotals: t.columnTotals, grandTotal: t.grand }, threshold, keep);
  return {
    rows: t.rows,
    columns: t.columns,
    cells: t.cells.map((row, i) => row.map((v, j) => cellOf(v, s.cells[i]![j]!, threshold))),
    totals: {
      rows: t.rowTotals.map((v, i) => cellOf(v, s.rowTotals![i]!, threshold)),
      columns: t.columnTotals.map((v, j) => cellOf(v, s.columnTotals![j]!, threshold)),
      grand: cellOf(t.grand, s.grandTotal!, threshold),
    },
  };
}

/** Every value whose display differs between two releases of a table (absent values read as empty). */
export function changesBetween(before: ReleasedTable | null, after: ReleasedTable): ReleaseChange[] {
  const index = (t: ReleasedTable | null) => {
    const m = new Map<string, string>();
    if (!t) return m;
    const oneD = t.columns.length === 1 && t.columns[0]!.key === 'value';
    t.rows.forEach((r, i) => t.columns.forEach((c, j) => m.set(`${r.key}\u0000${oneD ? '' : c.key}`, t.cells[i]![j]!.display)));
    if (!oneD) {
      t.rows.forEach((r, i) => m.set(`${r.key}\u0000\u0001`, t.totals.rows[i]!.display));
      t.columns.forEach((c, j) => m.set(`\u0001\u0000${c.key}`, t.totals.columns[j]!.display));
    }
    m.set('\u0001\u0000\u0001', t.totals.grand.display);
    return m;
  };
  const a = index(before);
  const b = index(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const part = (p: string) => (p === '' || p === '\u0001' ? null : p);
  return keys
    .filter((k) => (a.get(k) ?? '') !== (b.get(k) ?? ''))
    .map((k) => {
      const [row, column] = k.split('\u0000') as [string, string];
      return { row: part(row), column: part(column), before: a.get(k) ?? '', after: b.get(k) ?? '' };
    });
}

/** Values hidden in `before` and published in `after` (must be none: the test of rule 1). */
export function unhiddenBetween(before: ReleasedTable, after: ReleasedTable): ReleaseChange[] {
  const hiddenBefore = new Set(changesBetween(null, before).filter((c) => c.after === 'x' || c.after.startsWith('<')).map((c) => `${c.row}|${c.column}`));
  return changesBetween(before, after).filter((c) => hiddenBefore.has(`${c.row}|${c.column}`) && !(c.after === 'x' || c.after.startsWith('<')));
}
