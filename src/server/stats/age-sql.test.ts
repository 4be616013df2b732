/**
 * One definition of the presumption of minority (issue 9 item 1): the statistics SQL generated from
 * src/core/age.ts gives, for every combination of what can be recorded, the same age group and bands as
 * the pure function the victim view uses.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageAtFacts, ageGroupOf, retaAgeBand, type VictimAge } from '../../core/age';
import { ageSchemes, bandOf } from '../../core/stats/age-schemes';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { ageBandSql, victimAgeGroup, victimAgeSql } from './stats.sources';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry();
});
afterAll(async () => registry?.close());

describe('age group: SQL = src/core/age.ts', () => {
  it('agrees on every combination of age, estimate, verification, band, birth year and facts date', async () => {
    const grid: Array<VictimAge & { factsStart: string | null }> = [];
    for (const ageYears of [null, 0, 13, 14, 16, 17, 18, 19, 20, 21, 35])
      for (const ageEstimated of [false, true])
        for (const ageVerified of [false, true])
          for (const ageBand of [null, 'under_14', '14_17', 'under_18', '18_plus'])
            for (const birthYear of [null, 1990, 1998, 2000, 2004])
              for (const factsStart of [null, '2016-05-01', '2019-01-01']) grid.push({ ageYears, ageEstimated, ageVerified, ageBand, birthYear, factsStart });
    const registeredAt = '2026-03-01T15:00:00Z';
    const values = sql.join(
      grid.map((g, i) => sql`(${i}::int, ${g.ageYears ?? null}::int, ${g.ageEstimated}::boolean, ${g.ageVerified}::boolean, ${g.ageBand ?? null}::text, ${g.birthYear ?? null}::int, ${g.factsStart}::date, ${registeredAt}::timestamptz)`),
      sql`, `,
    );
    const query = sql`select x.i, ${sql.raw(victimAgeGroup)} as grp, ${sql.raw(victimAgeSql)} as age, ${sql.raw(ageBandSql(ageSchemes.reta, victimAgeSql, 'v.age_band'))} as band
      from (values ${values}) x(i, age_years, age_estimated, age_verified, age_band, birth_year, facts_start, registered_at)
      cross join lateral (select x.age_years, x.age_estimated, x.age_verified, x.age_band) v
      cross join lateral (select x.birth_year) p
      cross join lateral (select x.facts_start, x.registered_at) c`;
    const { rows } = (await registry.deps.db.execute(query)) as unknown as { rows: Array<{ i: number; grp: string; age: number | null; band: string | null }> };
    expect(rows).toHaveLength(grid.length);
    const mismatches = rows.flatMap((r) => {
      const g = grid[r.i]!;
      const victim = { ...g, factsYear: Number((g.factsStart ?? '2026').slice(0, 4)) };
      const age = ageAtFacts(victim).years;
      const expected = { grp: ageGroupOf(victim), age, band: age === null ? bandOf(ageSchemes.reta, null, g.ageBand) : retaAgeBand(age) };
      const got = { grp: r.grp, age: r.age === null ? null : Number(r.age), band: r.band };
      return JSON.stringify(got) === JSON.stringify(expected) ? [] : [{ input: g, expected, got }];
    });
    expect(mismatches).toEqual([]);
  });
});
