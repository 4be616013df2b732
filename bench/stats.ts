/**
 * How long the main statistics take on N synthetic victims, on PGlite (in memory) or PostgreSQL.
 *
 *   npx tsx bench/stats.ts --victims 100000                          # PGlite
 *   npx tsx bench/stats.ts --victims 100000 --database-url postgres://postgres@127.0.0.1:5432/reta_bench
 *
 * With --recreate the PostgreSQL database is dropped and created again. Records are made in bulk SQL
 * (generate_series, a fixed random seed: 2 victims and 1 suspect per case, a third of the suspects
 * charged, a sixth convicted); `--generator demo` uses the demo generator instead. Prints one line per
 * statistic: milliseconds of the first (cold) and the median of three further (warm) runs. Not a test.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { StatsQuery } from '../src/contracts/stats';
import { openDatabase } from '../src/db/connect';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { generateDemoData } from '../src/server/demo/generator';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/connect';
import { createStatsService } from '../src/server/stats/stats.service';

function flag(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const queries: Array<[string, Omit<StatsQuery, 'decimals'>]> = [
  ['cases by year', { indicator: 'cases', by: ['year'] }],
  ['cases by purpose', { indicator: 'cases', by: ['purpose'] }],
  ['victims by sex × RETA age band', { indicator: 'victims', by: ['sex', 'ageBandReta'] }],
  ['victims by department of origin', { indicator: 'victims', by: ['originDepartment'] }],
  ['victims by department of exploitation', { indicator: 'victims', by: ['exploitationDepartment'] }],
  ['distinct victims by UNODC category', { indicator: 'victim_persons', by: ['unodcCategory'] }],
  ['cases by prosecution district', { indicator: 'cases', by: ['prosecutionDistrict'] }],
  ['convictions by sex', { indicator: 'convictions', by: ['sex'] }],
  ['median sentence by year', { indicator: 'sentence_median_months', by: ['year'] }],
];

async function generateWithSql(db: Db, victims: number) {
  const cases = Math.ceil(victims / 2);
  const run = (q: ReturnType<typeof sql>) => db.execute(q);
  await run(sql`select setseed(0.42)`);
  await run(sql`insert into institutions (code, name, kind) values ('BENCH', 'Bench', 'police')`);
  await run(sql`insert into units (institution_id, code, name, ubigeo, department_code)
    select i.id, 'BU' || d, 'Unit ' || d, d, d from institutions i, (select lpad(g::text, 2, '0') as d from generate_series(1, 25) g) x where i.code = 'BENCH'`);
  await run(sql`insert into cases (code, institution_id, unit_id, department_code, registered_at, source, reported_on, facts_start, acts, means, purposes, sectors)
    select 'B-' || g, u.institution_id, u.id, u.department_code, t.at, 'complaint', (t.at)::date - (random() * 30)::int, (t.at)::date - (random() * 400)::int,
      array['recruitment'], case when random() < 0.8 then array['deception'] else '{}'::text[] end,
      case when random() < 0.1 then array['sexual_exploitation', 'forced_labour'] else array[(array['sexual_exploitation','sexual_exploitation','forced_labour','forced_begging','sale_of_children'])[1 + floor(random() * 5)::int]] end,
      array[(array['mining','agriculture','domestic_work','hospitality_bars'])[1 + floor(random() * 4)::int]]
    from generate_series(1, ${cases}) g
    cross join lateral (select timestamptz '2015-01-01 12:00+00' + random() * interval '4000 days' as at) t
    join units u on u.code = 'BU' || lpad((1 + g % 25)::text, 2, '0')`);
  await run(sql`insert into case_places (case_id, kind, ubigeo, country, department_code)
    select c.id, 'exploitation', d, 'PER', d from cases c cross join lateral (select lpad((1 + floor(random() * 25))::int::text, 2, '0') as d) x`);
  await run(sql`insert into persons (external_id, created_by_institution_id, sex, origin_ubigeo, nationalities)
    select 'BV-' || g, i.id, case when random() < 0.8 then 'female' when random() < 0.95 then 'male' else 'unknown' end,
      lpad((1 + floor(random() * 25))::int::text, 2, '0') || '0101', case when random() < 0.9 then array['PER'] else array['VEN'] end
    from generate_series(1, ${victims}) g, institutions i where i.code = 'BENCH'`);
  await run(sql`insert into case_victims (case_id, person_id, age_years, age_verified)
    select c.id, p.id, case when random() < 0.05 then null else 6 + floor(random() * 45)::int end, true
    from generate_series(1, ${victims}) g join persons p on p.external_id = 'BV-' || g join cases c on c.code = 'B-' || (1 + (g - 1) / 2)`);
  await run(sql`insert into persons (external_id, created_by_institution_id, sex, birth_year, nationalities)
    select 'BS-' || g, i.id, case when random() < 0.7 then 'male' else 'female' end, 1960 + floor(random() * 40)::int, array['PER']
    from generate_series(1, ${cases}) g, institutions i where i.code = 'BENCH'`);
  await run(sql`insert into case_suspects (case_id, person_id) select c.id, p.id from generate_series(1, ${cases}) g
    join persons p on p.external_id = 'BS-' || g join cases c on c.code = 'B-' || g`);
  await run(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id)
    select s.case_id, s.id, 'charges_filed', 'prosecution', c.reported_on + 60 + floor(random() * 200)::int, c.institution_id
    from case_suspects s join cases c on c.id = s.case_id where random() < 0.33`);
  await run(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id, decision)
    select e.case_id, e.suspect_id, 'decision', 'court', e.occurred_on + 100 + floor(random() * 300)::int, e.institution_id, 'conviction'
    from justice_events e where e.type = 'charges_filed' and random() < 0.5`);
  await run(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id, sentence_months, sentence_effective)
    select e.case_id, e.suspect_id, 'sentence', 'court', e.occurred_on, e.institution_id, 48 + floor(random() * 200)::int, true
    from justice_events e where e.type = 'decision'`);
  await run(sql`analyze`);
}

async function main() {
  const victims = Number(flag('victims', '100000'));
  const url = flag('database-url');
  if (url && process.argv.includes('--recreate')) {
    const u = new URL(url);
    const name = u.pathname.slice(1);
    u.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    await admin.end();
  }
  const database = url ? await openDatabase({ databaseUrl: url, poolSize: 4 }) : await openDatabase({ pglite: await PGlite.create() });
  const config = { ...loadConfig({}), encryptionKey: Buffer.alloc(32, 3).toString('base64'), adminPassword: 'Bench-Password-2026', logLevel: 'silent' };
  const registry = await prepareRegistry(config, database);
  const started = performance.now();
  if (flag('generator') === 'demo') await generateDemoData(registry.deps, { victims, seed: Number(flag('seed', '42')), asOf: new Date('2026-06-30T00:00:00Z') });
  else await generateWithSql(registry.deps.db, victims);
  console.log(`${url ? 'PostgreSQL' : 'PGlite'}: generated ${victims} victims in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const stats = createStatsService(registry.deps);
  const time = async (q: Omit<StatsQuery, 'decimals'>) => {
    const t = performance.now();
    await stats.systemQuery({ decimals: 1, ...q } as StatsQuery, { exact: false });
    return performance.now() - t;
  };
  const derived: Array<[string, () => Promise<unknown>]> = [
    ['routes', () => stats.routes(null, { limit: 20 } as never)],
    ['attrition funnel', () => stats.funnel(null, { limit: 20 } as never)],
    ['durations', () => stats.durations(null, { limit: 20 } as never)],
  ];
  const all: Array<[string, () => Promise<number>]> = [
    ...queries.map(([name, q]) => [name, () => time(q)] as [string, () => Promise<number>]),
    ...derived.map(([name, run]) => [name, async () => { const t = performance.now(); await run(); return performance.now() - t; }] as [string, () => Promise<number>]),
  ];
  for (const [name, run] of all) {
    const cold = await run();
    const warm = [await run(), await run(), await run()].sort((a, b) => a - b)[1]!;
    console.log(`${name.padEnd(40)} cold ${cold.toFixed(0).padStart(7)} ms   warm ${warm.toFixed(0).padStart(7)} ms`);
  }
  await registry.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
