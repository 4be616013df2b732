/**
 * The annual report's figures are read as a batch (stats.scopedTotals: one scan per counting unit, cubes
 * where they answer); each must equal the same figure asked alone (stats.scopedQuery), exact and
 * disclosure-controlled, for every indicator, over two years and over all time, on the demo generator's
 * records (every counting unit has rows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import type { StatsQuery } from '../../contracts/stats';
import { indicators } from '../../core/stats/indicators';
import { generateDemoData } from '../demo/generator';
import { createStatsService } from './stats.service';

describe('grand totals read as a batch', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await createTestRegistry();
    await generateDemoData(registry.deps, { victims: 150, seed: 9, asOf: new Date('2026-06-30T00:00:00Z'), batchVictims: 50 });
  }, 180_000);
  afterAll(async () => registry?.close());

  it('equal each figure asked alone', async () => {
    const periods = [{ from: '2025-01-01', to: '2025-12-31' }, { from: '2024-01-01', to: '2024-12-31' }, { from: '2024-03-05', to: '2025-02-11' }, {}];
    const queries = indicators.flatMap((i) => periods.map((p) => ({ decimals: 1, indicator: i.id, ...p }) as StatsQuery));
    for (const cubes of [true, false]) {
      const stats = createStatsService(registry.deps, { cubes });
      for (const exact of [true, false]) {
        const batch = await stats.scopedTotals(null, queries, { exact });
        let nonZero = 0;
        for (let i = 0; i < queries.length; i++) {
          const alone = await stats.scopedQuery(null, queries[i]!, { exact });
          expect(batch[i], JSON.stringify({ cubes, exact, q: queries[i] })).toEqual(alone);
          if (alone.totals.grand.value) nonZero++;
        }
        // Not vacuous: most figures have records.
        expect(nonZero).toBeGreaterThan(queries.length / 3);
      }
    }
  }, 600_000);

  it('puts an invalid query\'s error in its place and computes the others', async () => {
    const stats = createStatsService(registry.deps);
    const [bad, good] = await stats.scopedTotals(null, [{ decimals: 1, indicator: 'no_such_indicator' } as StatsQuery, { decimals: 1, indicator: 'victims' } as StatsQuery], { exact: true });
    expect(bad).toBeInstanceOf(Error);
    expect(good).toEqual(await stats.scopedQuery(null, { decimals: 1, indicator: 'victims' } as StatsQuery, { exact: true }));
  }, 120_000);
});
