/**
 * Disclosure control for every figure that leaves the internal roles (domain.md rule 7). Pure.
 *
 * - Primary suppression: counts from 1 to threshold − 1 are hidden (shown as "<10" for threshold 10);
 *   zeros are shown.
 * - Secondary suppression: more cells are hidden until no hidden cell can be recomputed from what is
 *   published — checked three ways, iterated to a fixpoint:
 *     1. no row, column or margin line (members + its total) has exactly one hidden value;
 *     2. no hidden value is pinned by the linear system of all lines (Gaussian elimination);
 *     3. no hidden value is pinned by interval reasoning, knowing a primary cell lies in 1..threshold−1.
 * - Percentages are computed only from published counts (see `publishedPercentBase`).
 *
 * A table is cells (R × C) with optional row totals, column totals and a grand total. A 1-D table is
 * R × 1 with one column total (use `suppressList`). Tables whose margins are not sums of their cells
 * (multi-select, distinct persons) are treated as if they were: that protects at least as much.
 */

export type CellStatus = 'published' | 'primary' | 'secondary';

export interface SuppressionInput {
  cells: number[][];
  rowTotals?: number[] | null;
  columnTotals?: number[] | null;
  grandTotal?: number | null;
}

export interface SuppressionResult {
  cells: CellStatus[][];
  rowTotals: CellStatus[] | null;
  columnTotals: CellStatus[] | null;
  grandTotal: CellStatus | null;
}

/** The table flattened: values and the lines (Σ members = total) an attacker can use. */
export interface Layout {
  values: number[];
  /** true for slots that are interior cells (preferred for secondary suppression). */
  interior: boolean[];
  lines: Array<{ members: number[]; total: number }>;
  slotOfCell: (r: number, c: number) => number;
  rowTotalSlot: (r: number) => number | null;
  columnTotalSlot: (c: number) => number | null;
  grandSlot: number | null;
}

export function layoutOf(input: SuppressionInput): Layout {
  const rows = input.cells.length;
  const cols = rows ? input.cells[0]!.length : 0;
  const values: number[] = [];
  const interior: boolean[] = [];
  for (const row of input.cells) {
    if (row.length !== cols) throw new RangeError('ragged table');
    for (const v of row) (values.push(v), interior.push(true));
  }
  const push = (v: number) => (values.push(v), interior.push(false), values.length - 1);
  const rowSlots = input.rowTotals ? input.rowTotals.map(push) : null;
  const colSlots = input.columnTotals ? input.columnTotals.map(push) : null;
  const grandSlot = input.grandTotal === null || input.grandTotal === undefined ? null : push(input.grandTotal);
  const cell = (r: number, c: number) => r * cols + c;
  const lines: Layout['lines'] = [];
  if (rowSlots) for (let r = 0; r < rows; r++) lines.push({ members: range(cols).map((c) => cell(r, c)), total: rowSlots[r]! });
  if (colSlots) for (let c = 0; c < cols; c++) lines.push({ members: range(rows).map((r) => cell(r, c)), total: colSlots[c]! });
  if (grandSlot !== null && rowSlots && rowSlots.length) lines.push({ members: rowSlots, total: grandSlot });
  if (grandSlot !== null && colSlots && colSlots.length) lines.push({ members: colSlots, total: grandSlot });
  return {
    values,
    interior,
    lines,
    slotOfCell: cell,
    rowTotalSlot: (r) => (rowSlots ? rowSlots[r]! : null),
    columnTotalSlot: (c) => (colSlots ? colSlots[c]! : null),
    grandSlot,
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
export const isPrimary = (value: number, threshold: number) => value >= 1 && value < threshold;

/** Lines in which exactly one value (member or total) is hidden: that value is the difference. */
export function singleUnknownLines(layout: Layout, hidden: ReadonlySet<number>): number[] {
  const found: number[] = [];
  layout.lines.forEach((line, i) => {
    const unknown = [...line.members, line.total].filter((s) => hidden.has(s)).length;
    if (unknown === 1) found.push(i);
  });
  return found;
}

/** Hidden slots whose value the linear system of all lines fixes exactly (rank argument). */
export function linearlyDetermined(layout: Layout, hidden: ReadonlySet<number>): number[] {
  const unknowns = [...hidden].sort((a, b) => a - b);
  const index = new Map(unknowns.map((s, i) => [s, i]));
  const matrix: number[][] = [];
  for (const line of layout.lines) {
    const row = new Array(unknowns.length).fill(0);
    let any = false;
    for (const m of line.members) if (index.has(m)) (row[index.get(m)!] += 1, (any = true));
    if (index.has(line.total)) (row[index.get(line.total)!] -= 1, (any = true));
    if (any) matrix.push(row);
  }
  const pivots = reducedRowEchelon(matrix, unknowns.length);
  const determined: number[] = [];
  for (const { row, column } of pivots) {
    const free = matrix[row]!.some((v, j) => j !== column && Math.abs(v) > 1e-9);
    if (!free) determined.push(unknowns[column]!);
  }
  return determined;
}

function reducedRowEchelon(m: number[][], width: number): Array<{ row: number; column: number }> {
  const pivots: Array<{ row: number; column: number }> = [];
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let best = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[best]![c]!)) best = i;
    if (Math.abs(m[best]![c]!) < 1e-9) continue;
    [m[r], m[best]] = [m[best]!, m[r]!];
    const p = m[r]![c]!;
    for (let j = 0; j < width; j++) m[r]![j]! /= p;
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]!;
      if (Math.abs(f) > 1e-12) for (let j = 0; j < width; j++) m[i]![j]! -= f * m[r]![j]!;
    }
    pivots.push({ row: r, column: c });
    r++;
  }
  return pivots;
}

/**
 * Hidden slots pinned by bounds: what an attacker knows is each published value exactly, each primary
 * cell in 1..threshold−1, every other hidden value ≥ 0. Bounds are narrowed line by line to a fixpoint.
 */
export function intervalDetermined(layout: Layout, hidden: ReadonlySet<number>, threshold: number): number[] {
  const lo = layout.values.map((v, s) => (!hidden.has(s) ? v : isPrimary(v, threshold) ? 1 : 0));
  const hi = layout.values.map((v, s) => (!hidden.has(s) ? v : isPrimary(v, threshold) ? threshold - 1 : Infinity));
  for (let pass = 0, changed = true; changed && pass < 100; pass++) {
    changed = false;
    for (const line of layout.lines) {
      const sumLo = line.members.reduce((a, s) => a + lo[s]!, 0);
      const sumHi = line.members.reduce((a, s) => a + hi[s]!, 0);
      // total ∈ [sumLo, sumHi]; each member ∈ [total.lo − (sumHi − hi_m), total.hi − (sumLo − lo_m)]
      changed = tighten(lo, hi, line.total, sumLo, sumHi) || changed;
      for (const m of line.members) {
        const othersHi = sumHi - hi[m]!;
        const othersLo = sumLo - lo[m]!;
        const newLo = Number.isFinite(othersHi) ? lo[line.total]! - othersHi : -Infinity;
        const newHi = hi[line.total]! - othersLo;
        changed = tighten(lo, hi, m, newLo, newHi) || changed;
      }
    }
  }
  return [...hidden].filter((s) => lo[s] === hi[s]);
}

function tighten(lo: number[], hi: number[], slot: number, newLo: number, newHi: number): boolean {
  let changed = false;
  if (newLo > lo[slot]!) (lo[slot] = newLo, (changed = true));
  if (newHi < hi[slot]!) (hi[slot] = newHi, (changed = true));
  return changed;
}

/**
 * Above this many hidden values the Gaussian-elimination check (cubic) is skipped; the line and bound
 * checks still run. Published tables are far smaller (34 districts × 9 age bands hide ~130 cells).
 */
export const LINEAR_CHECK_LIMIT = 400;

/** Hidden slots an attacker can recover by any of the three checks (cheapest first). */
export function derivableSlots(layout: Layout, hidden: ReadonlySet<number>, threshold: number): Set<number> {
  const found = new Set<number>();
  for (const i of singleUnknownLines(layout, hidden)) {
    const line = layout.lines[i]!;
    for (const s of [...line.members, line.total]) if (hidden.has(s)) found.add(s);
  }
  if (found.size) return found;
  for (const s of intervalDetermined(layout, hidden, threshold)) found.add(s);
  if (found.size || hidden.size > LINEAR_CHECK_LIMIT) return found;
  for (const s of linearlyDetermined(layout, hidden)) found.add(s);
  return found;
}

/** Which values must stay hidden whatever they are now (a revision keeps what its release hid): same shape as the input. */
export interface KeepHidden {
  cells?: boolean[][];
  rowTotals?: boolean[] | null;
  columnTotals?: boolean[] | null;
  grandTotal?: boolean;
}

/**
 * Primary then secondary suppression. Deterministic: the same table always hides the same cells.
 * `keep` seeds values that must stay hidden (shown as secondary unless primary anyway); secondary
 * suppression then protects them like any other hidden value.
 */
export function suppressTable(input: SuppressionInput, threshold: number, keep: KeepHidden = {}): SuppressionResult {
  const layout = layoutOf(input);
  const primary = new Set<number>();
  layout.values.forEach((v, s) => {
    if (isPrimary(v, threshold)) primary.add(s);
  });
  const hidden = new Set(primary);
  keep.cells?.forEach((row, r) => row.forEach((k, c) => k && hidden.add(layout.slotOfCell(r, c))));
  keep.rowTotals?.forEach((k, r) => k && layout.rowTotalSlot(r) !== null && hidden.add(layout.rowTotalSlot(r)!));
  keep.columnTotals?.forEach((k, c) => k && layout.columnTotalSlot(c) !== null && hidden.add(layout.columnTotalSlot(c)!));
  if (keep.grandTotal && layout.grandSlot !== null) hidden.add(layout.grandSlot);
  for (let guard = 0; guard <= layout.values.length; guard++) {
    const exposed = derivableSlots(layout, hidden, threshold);
    if (exposed.size === 0) break;
    const next = pickSecondary(layout, hidden, exposed);
    if (next === null) break;
    hidden.add(next);
  }
  const status = (s: number): CellStatus => (primary.has(s) ? 'primary' : hidden.has(s) ? 'secondary' : 'published');
  return {
    cells: input.cells.map((row, r) => row.map((_, c) => status(layout.slotOfCell(r, c)))),
    rowTotals: input.rowTotals ? input.rowTotals.map((_, r) => status(layout.rowTotalSlot(r)!)) : null,
    columnTotals: input.columnTotals ? input.columnTotals.map((_, c) => status(layout.columnTotalSlot(c)!)) : null,
    grandTotal: layout.grandSlot === null ? null : status(layout.grandSlot),
  };
}

/**
 * The next cell to hide: on a line through an exposed cell, the published value that costs least —
 * interior cells before totals, positive counts before zeros (zeros are meant to be shown), smallest first.
 */
function pickSecondary(layout: Layout, hidden: ReadonlySet<number>, exposed: ReadonlySet<number>): number | null {
  let best: number | null = null;
  let bestCost = Infinity;
  for (const line of layout.lines) {
    const slots = [...line.members, line.total];
    if (!slots.some((s) => exposed.has(s))) continue;
    for (const s of slots) {
      if (hidden.has(s)) continue;
      const v = layout.values[s]!;
      const cost = (layout.interior[s] ? 0 : 2e12) + (v === 0 ? 1e12 : 0) + v;
      if (cost < bestCost || (cost === bestCost && best !== null && s < best)) (best = s, (bestCost = cost));
    }
  }
  return best;
}

/** A 1-D table (categories and their total). */
export function suppressList(values: number[], total: number | null, threshold: number): { values: CellStatus[]; total: CellStatus | null } {
  const result = suppressTable({ cells: values.map((v) => [v]), columnTotals: total === null ? null : [total] }, threshold);
  return { values: result.cells.map((row) => row[0]!), total: result.columnTotals ? result.columnTotals[0]! : null };
}

/** What a reader sees: the count, "<10" for primary suppression, "x" for secondary. */
export function displayOf(value: number, status: CellStatus, threshold: number): string {
  if (status === 'primary') return `<${threshold}`;
  if (status === 'secondary') return 'x';
  return String(value);
}

/** A value safe to publish: the count when published, otherwise null. */
export const publishedValue = (value: number, status: CellStatus): number | null => (status === 'published' ? value : null);
