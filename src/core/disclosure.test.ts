import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  derivableSlots, displayOf, intervalDetermined, layoutOf, linearlyDetermined, suppressList, suppressTable,
  type SuppressionInput, type SuppressionResult,
} from './disclosure';

const T = 10;

function hiddenSlots(input: SuppressionInput, result: SuppressionResult): Set<number> {
  const layout = layoutOf(input);
  const hidden = new Set<number>();
  result.cells.forEach((row, r) => row.forEach((s, c) => s !== 'published' && hidden.add(layout.slotOfCell(r, c))));
  result.rowTotals?.forEach((s, r) => s !== 'published' && hidden.add(layout.rowTotalSlot(r)!));
  result.columnTotals?.forEach((s, c) => s !== 'published' && hidden.add(layout.columnTotalSlot(c)!));
  if (result.grandTotal && result.grandTotal !== 'published') hidden.add(layout.grandSlot!);
  return hidden;
}

/** An attacker written independently of the module: solve any line with one unknown, repeat. */
function attackBySingleUnknowns(input: SuppressionInput, hidden: Set<number>): Set<number> {
  const layout = layoutOf(input);
  const unknown = new Set(hidden);
  const solved = new Set<number>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of layout.lines) {
      const left = [...line.members, line.total].filter((s) => unknown.has(s));
      if (left.length === 1) (unknown.delete(left[0]!), solved.add(left[0]!), (progress = true));
    }
  }
  return solved;
}

const withMargins = (cells: number[][]): SuppressionInput => {
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = cells[0]!.map((_, c) => cells.reduce((a, row) => a + row[c]!, 0));
  return { cells, rowTotals, columnTotals, grandTotal: rowTotals.reduce((a, b) => a + b, 0) };
};

// Counts weighted towards the small values that need suppression, with zeros and large values.
const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 60 }), fc.integer({ min: 100, max: 5000 }));
const table = fc.integer({ min: 1, max: 6 }).chain((cols) => fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 }));

describe('primary suppression', () => {
  it('hides 1..9, shows zeros and counts from 10', () => {
    const { values, total } = suppressList([0, 1, 9, 10, 250], 270, T);
    expect(values.slice(0, 4)).toEqual(['published', 'primary', 'primary', 'published']);
    expect(total).toBe('published');
    expect(displayOf(3, 'primary', T)).toBe('<10');
    expect(displayOf(0, 'published', T)).toBe('0');
    expect(displayOf(120, 'secondary', T)).toBe('x');
  });

  it('hides a second cell when only one is below the threshold in a list with its total', () => {
    const { values, total } = suppressList([4, 30, 200], 234, T);
    expect(values).toEqual(['primary', 'secondary', 'published']);
    expect(total).toBe('published');
  });

  it('respects a configured threshold', () => {
    expect(suppressList([4, 30, 200], 234, 5).values[0]).toBe('primary');
    expect(suppressList([5, 30, 200], 234, 5).values[0]).toBe('published');
  });
});

describe('derivation checks', () => {
  it('finds a cell pinned only by combining rows and columns', () => {
    // Hidden: a (r0c0), b (r0c1), c (r1c0). Row 1 has one unknown → c; then column 0 → a; then row 0 → b.
    const input = withMargins([[3, 20], [15, 40]]);
    const layout = layoutOf(input);
    const hidden = new Set([layout.slotOfCell(0, 0), layout.slotOfCell(0, 1), layout.slotOfCell(1, 0)]);
    expect(linearlyDetermined(layout, hidden).length).toBe(3);
  });

  it('finds primary cells pinned by their bounds (1 + 1 = 2)', () => {
    const input = withMargins([[1, 1, 100]]);
    const layout = layoutOf({ cells: input.cells, rowTotals: input.rowTotals });
    const hidden = new Set([layout.slotOfCell(0, 0), layout.slotOfCell(0, 1)]);
    expect(intervalDetermined(layout, hidden, T).sort()).toEqual([0, 1]);
    const result = suppressList([1, 1, 100], 102, T);
    expect(result.values.filter((s) => s !== 'published').length).toBe(3);
  });
});

describe('secondary suppression (property-based)', () => {
  it('leaves no hidden cell recoverable from the published margins of a 2-D table', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const input = withMargins(cells);
        const result = suppressTable(input, T);
        const layout = layoutOf(input);
        const hidden = hiddenSlots(input, result);
        // every primary value is hidden
        layout.values.forEach((v, s) => (v >= 1 && v < T ? expect(hidden.has(s)).toBe(true) : undefined));
        // each line (a row or column with its total, and the margins with the grand total): 0 or ≥ 2 unknowns
        for (const line of layout.lines) {
          const unknown = [...line.members, line.total].filter((s) => hidden.has(s)).length;
          expect(unknown === 0 || unknown >= 2).toBe(true);
        }
        expect(attackBySingleUnknowns(input, hidden).size).toBe(0);
        expect(derivableSlots(layout, hidden, T).size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no hidden category recoverable from a 1-D table with a total', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), (values) => {
        const total = values.reduce((a, b) => a + b, 0);
        const result = suppressList(values, total, T);
        const input = { cells: values.map((v) => [v]), columnTotals: [total] };
        const hidden = hiddenSlots(input, { cells: result.values.map((s) => [s]), rowTotals: null, columnTotals: [result.total!], grandTotal: null });
        expect(attackBySingleUnknowns(input, hidden).size).toBe(0);
        expect(derivableSlots(layoutOf(input), hidden, T).size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('publishes every cell of a table with no small counts', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 10, max: 999 })), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const result = suppressTable(withMargins(cells), T);
        expect(result.cells.flat().every((s) => s === 'published')).toBe(true);
      }),
    );
  });
});
