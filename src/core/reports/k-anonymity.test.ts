import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kAnonymise, quasiIds, type QuasiRecord } from './k-anonymity';

const countsOf = (rows: QuasiRecord[]) => {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = quasiIds.map((q) => r[q]).join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

const record = fc.record({
  sex: fc.constantFrom('female', 'male', 'unknown'),
  ageBroad: fc.constantFrom('0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+', 'unknown'),
  citizenship: fc.constantFrom('PER', 'VEN', 'COL', 'BOL', 'CHN', 'unknown'),
  country: fc.constantFrom('PER', 'PER', 'PER', 'CHL', 'ARG;PER', 'ESP', 'unknown'),
  exploitation: fc.constantFrom('sexual_exploitation', 'forced_labour', 'forced_begging', 'sale_of_children', 'mixed', 'unknown'),
  id: fc.nat(),
});

describe('k-anonymity of victim-level extracts', () => {
  it('leaves data that is already k-anonymous as it is', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ sex: 'female', ageBroad: '18-20', citizenship: 'PER', country: 'PER', exploitation: 'sexual_exploitation', id: i }));
    const result = kAnonymise(rows, 5);
    expect(result.rows).toEqual(rows);
    expect(result.levels).toEqual({ sex: 0, ageBroad: 0, citizenship: 0, country: 0, exploitation: 0 });
  });

  it('generalises a unique foreign national instead of publishing her', () => {
    const rows = [
      ...Array.from({ length: 30 }, () => ({ sex: 'female', ageBroad: '18-20', citizenship: 'PER', country: 'PER', exploitation: 'sexual_exploitation' })),
      ...Array.from({ length: 4 }, () => ({ sex: 'female', ageBroad: '18-20', citizenship: 'VEN', country: 'PER', exploitation: 'sexual_exploitation' })),
      { sex: 'female', ageBroad: '18-20', citizenship: 'CHN', country: 'PER', exploitation: 'sexual_exploitation' },
    ];
    const result = kAnonymise(rows, 5, 0);
    expect(result.rows.some((r) => r.citizenship === 'CHN' || r.citizenship === 'VEN')).toBe(false);
    expect(result.rows.filter((r) => r.citizenship === 'foreign')).toHaveLength(5);
    expect(result.dropped).toBe(0);
  });

  it('every combination of quasi-identifiers has at least k records, for any input and k', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 300 }), fc.integer({ min: 2, max: 10 }), fc.double({ min: 0, max: 0.2, noNaN: true }), (rows, k, share) => {
        const result = kAnonymise(rows, k, share);
        for (const n of countsOf(result.rows).values()) expect(n).toBeGreaterThanOrEqual(k);
        expect(result.rows.length + result.dropped).toBe(rows.length);
        // Other fields travel with their record untouched.
        const ids = new Set(rows.map((r) => r.id));
        for (const r of result.rows) expect(ids.has(r.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('drops a record that cannot reach k even with every value suppressed', () => {
    const rows = [...Array.from({ length: 100 }, () => ({ sex: 'female', ageBroad: '18-20', citizenship: 'PER', country: 'PER', exploitation: 'forced_labour' })), { sex: 'male', ageBroad: '48+', citizenship: 'CHN', country: 'PER', exploitation: 'forced_begging' }];
    const result = kAnonymise(rows, 5, 0.05);
    expect(result.levels).toEqual({ sex: 0, ageBroad: 0, citizenship: 0, country: 0, exploitation: 0 });
    expect(result.dropped).toBe(1);
    expect(result.rows).toHaveLength(100);
  });

  it('generalises the few in small groups on their own before suppressing, so their rows keep information', () => {
    const many = Array.from({ length: 200 }, () => ({ sex: 'female', ageBroad: '18-20', citizenship: 'PER', country: 'PER', exploitation: 'sexual_exploitation' }));
    // Five girls, each alone in her detailed group: 0-8 or 9-17, Ecuadorian, Colombian or Bolivian, exploited in Chile or Argentina.
    const few = [
      { sex: 'female', ageBroad: '0-8', citizenship: 'ECU', country: 'CHL', exploitation: 'sexual_exploitation' },
      { sex: 'female', ageBroad: '9-17', citizenship: 'COL', country: 'ARG', exploitation: 'sexual_exploitation' },
      { sex: 'female', ageBroad: '9-17', citizenship: 'BOL', country: 'CHL', exploitation: 'sexual_exploitation' },
      { sex: 'female', ageBroad: '0-8', citizenship: 'BOL', country: 'ARG', exploitation: 'sexual_exploitation' },
      { sex: 'female', ageBroad: '9-17', citizenship: 'ECU', country: 'CHL', exploitation: 'child_pornography' },
    ];
    const result = kAnonymise([...many, ...few], 5, 0.05);
    // Nobody else is touched.
    expect(result.levels).toEqual({ sex: 0, ageBroad: 0, citizenship: 0, country: 0, exploitation: 0 });
    expect(result.rows.filter((r) => r.citizenship === 'PER' && r.ageBroad === '18-20')).toHaveLength(200);
    // The five share one group with sex, a region of citizenship and of exploitation, a minor band and the form group.
    const recoded = result.rows.filter((r) => r.citizenship !== 'PER');
    expect(recoded).toHaveLength(5);
    expect(new Set(recoded.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(recoded[0]).toEqual({ sex: 'female', ageBroad: '0-17', citizenship: 'south_america', country: 'south_america', exploitation: 'sexual' });
    expect(result.recoded).toBe(5);
    expect(result.suppressed).toBe(0);
    expect(result.dropped).toBe(0);
  });
});
