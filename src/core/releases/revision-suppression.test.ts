import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivableSlots, layoutOf } from '../disclosure';
import { changesBetween, releaseTable, unhiddenBetween, type ExactTable, type ReleasedTable } from './revision-suppression';

const list = (values: Record<string, number>): ExactTable => {
  const keys = Object.keys(values);
  const cells = keys.map((k) => [values[k]!]);
  return { dimensions: 1, rows: keys.map((key) => ({ key })), columns: [{ key: 'value' }], cells, rowTotals: cells.map((r) => r[0]!), columnTotals: [], grand: keys.reduce((a, k) => a + values[k]!, 0) };
};

const grid = (rows: string[], cols: string[], cells: number[][]): ExactTable => ({
  dimensions: 2,
  rows: rows.map((key) => ({ key })),
  columns: cols.map((key) => ({ key })),
  cells,
  rowTotals: cells.map((r) => r.reduce((a, b) => a + b, 0)),
  columnTotals: cols.map((_, j) => cells.reduce((a, r) => a + r[j]!, 0)),
  grand: cells.flat().reduce((a, b) => a + b, 0),
});

const displays = (t: ReleasedTable) => t.cells.map((r) => r.map((c) => c.display));

describe('consistent suppression across revisions', () => {
  it('keeps a hidden 9 hidden when it becomes 10, instead of revealing it', () => {
    const first = releaseTable(list({ lima: 40, cusco: 9, puno: 30 }), 10);
    expect(displays(first)).toEqual([['40'], ['<10'], ['x']]);
    // Without the previous release the 10 would be published, and "<10 then 10" tells the 9.
    expect(displays(releaseTable(list({ lima: 40, cusco: 10, puno: 30 }), 10))).toEqual([['40'], ['10'], ['30']]);
    const revised = releaseTable(list({ lima: 40, cusco: 10, puno: 30 }), 10, first);
    expect(displays(revised)).toEqual([['40'], ['x'], ['x']]);
    expect(revised.totals.grand.display).toBe('80');
    expect(unhiddenBetween(first, revised)).toEqual([]);
    expect(changesBetween(first, revised)).toEqual([
      { row: 'cusco', column: null, before: '<10', after: 'x' },
      { row: null, column: null, before: '79', after: '80' },
    ]);
  });

  it('keeps a hidden category that has no records any more as a hidden row, not a published 0', () => {
    const first = releaseTable(list({ lima: 40, cusco: 3, puno: 12 }), 10);
    const revised = releaseTable(list({ lima: 40, puno: 12 }), 10, first);
    expect(revised.rows.map((r) => r.key)).toEqual(['lima', 'puno', 'cusco']);
    expect(revised.cells[2]![0]!.status).not.toBe('published');
    expect(unhiddenBetween(first, revised)).toEqual([]);
  });

  it('protects the inherited hidden cells of a 2-D table with complements in every line', () => {
    const first = releaseTable(grid(['f', 'm'], ['child', 'adult'], [[4, 20], [15, 30]]), 10);
    const revised = releaseTable(grid(['f', 'm'], ['child', 'adult'], [[12, 20], [15, 30]]), 10, first);
    expect(revised.cells[0]![0]!.status).toBe('secondary');
    expect(unhiddenBetween(first, revised)).toEqual([]);
  });

  it('never publishes a value hidden before, and never leaves a hidden value derivable (random revisions)', () => {
    const table = fc.array(fc.array(fc.nat({ max: 25 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(table, fc.array(fc.integer({ min: -3, max: 6 }), { minLength: 12, maxLength: 12 }), (cells, deltas) => {
        const rows = cells.map((_, i) => `r${i}`);
        const cols = ['a', 'b', 'c'];
        const first = releaseTable(grid(rows, cols, cells), 10);
        const next = cells.map((row, i) => row.map((v, j) => Math.max(0, v + deltas[i * 3 + j]!)));
        const exact = grid(rows, cols, next);
        const revised = releaseTable(exact, 10, first);
        expect(unhiddenBetween(first, revised)).toEqual([]);
        const layout = layoutOf({ cells: exact.cells, rowTotals: exact.rowTotals, columnTotals: exact.columnTotals, grandTotal: exact.grand });
        const hidden = new Set<number>();
        revised.cells.forEach((row, i) => row.forEach((c, j) => c.status !== 'published' && hidden.add(layout.slotOfCell(i, j))));
        revised.totals.rows.forEach((c, i) => c.status !== 'published' && hidden.add(layout.rowTotalSlot(i)!));
        revised.totals.columns.forEach((c, j) => c.status !== 'published' && hidden.add(layout.columnTotalSlot(j)!));
        if (revised.totals.grand.status !== 'published') hidden.add(layout.grandSlot!);
        const exposed = [...derivableSlots(layout, hidden, 10)].filter((s) => layout.values[s]! >= 1 && layout.values[s]! < 10);
        expect(exposed).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
