import { describe, expect, it } from 'vitest';
import { shapeTable, type AggregateRow } from './table';

const oneD = (values: Record<string, number>, total: number): AggregateRow[] => [
  ...Object.entries(values).map(([d1, value]) => ({ d1, d2: null, value })),
  { d1: null, d2: null, value: total },
];

describe('shapeTable', () => {
  it('orders a 1-D table largest first, unknown last, with percentages of the total', () => {
    const t = shapeTable(oneD({ unknown: 50, a: 10, b: 40 }, 100), { dimensions: 1, threshold: null, countLike: true, decimals: 1 });
    expect(t.rows.map((r) => r.key)).toEqual(['b', 'a', 'unknown']);
    expect(t.cells.map((r) => r[0]!.percent)).toEqual(['40.0', '10.0', '50.0']);
    expect(t.totals.grand).toMatchObject({ value: 100, percent: '100.0', status: 'published' });
    expect(t.percentBase).toBe('total');
  });

  it('keeps the top rows with their subtotal and its share of the total', () => {
    const t = shapeTable(oneD({ a: 32, b: 31, c: 21, d: 19, e: 14, f: 13 }, 228), { dimensions: 1, threshold: null, countLike: true, decimals: 1, top: 5, percentOf: 'top' });
    expect(t.rows.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(t.cells.map((r) => r[0]!.percent)).toEqual(['27.4', '26.5', '17.9', '16.2', '12.0']);
    expect(t.totals.top).toMatchObject({ value: 117, percent: '51.3' });
    expect(t.percentBase).toBe('top');
  });

  it('computes percentages only from published counts', () => {
    const t = shapeTable(oneD({ a: 4, b: 30, c: 200 }, 234), { dimensions: 1, threshold: 10, countLike: true, decimals: 1 });
    const byKey = Object.fromEntries(t.rows.map((r, i) => [r.key, t.cells[i]![0]!]));
    expect(byKey.a).toMatchObject({ value: null, display: '<10', percent: null, status: 'primary' });
    expect(byKey.b).toMatchObject({ value: null, display: 'x', percent: null, status: 'secondary' });
    expect(byKey.c).toMatchObject({ value: 200, display: '200', percent: '85.5' });
  });

  it('builds a 2-D table with margins and row percentages', () => {
    const rows: AggregateRow[] = [
      { d1: 'female', d2: '0_13', value: 20 }, { d1: 'female', d2: '14_17', value: 30 }, { d1: 'male', d2: '0_13', value: 10 }, { d1: 'male', d2: '14_17', value: 40 },
      { d1: 'female', d2: null, value: 50 }, { d1: 'male', d2: null, value: 50 }, { d1: null, d2: '0_13', value: 30 }, { d1: null, d2: '14_17', value: 70 },
      { d1: null, d2: null, value: 100 },
    ];
    const t = shapeTable(rows, { dimensions: 2, threshold: null, countLike: true, decimals: 0, columnOrder: 'key' });
    expect(t.columns.map((c) => c.key)).toEqual(['0_13', '14_17']);
    expect(t.cells[0]!.map((c) => c.percent)).toEqual(['40', '60']);
    expect(t.totals.columns.map((c) => c.value)).toEqual([30, 70]);
    expect(t.percentBase).toBe('row');
  });

  it('does not suppress or percentage a median', () => {
    const t = shapeTable(oneD({ a: 3, b: 60 }, 48), { dimensions: 1, threshold: 10, countLike: false, decimals: 1 });
    expect(t.cells.map((r) => r[0]!.value)).toEqual([60, 3]);
    expect(t.cells.every((r) => r[0]!.percent === null)).toBe(true);
  });
});
