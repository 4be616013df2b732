/**
 * How long the main statistics take on N synthetic victims, on PGlite (in memory) or PostgreSQL.
 *
 *   npx tsx bench/stats.ts --victims 100000                          # PGlite
 *   npx tsx bench/stats.ts --victims 100000 --database-url postgres://postgres@127.0.0.1:5432/reta_bench
 *
 * The PostgreSQL database must exist and is emptied of synthetic data first (it is dropped and created
 * again when --recreate is given). Prints one line per statistic: milliseconds of the first (cold) and
 * the median of three further (warm) runs. Not a test: numbers, not assertions.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { StatsQuery } from '../src/contracts/stats';
import { openDatabase } from '../src/db/connect';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { generateDemoData } from '../src/server/demo/generator';
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
  await generateDemoData(registry.deps, { victims, seed: Number(flag('seed', '42')), asOf: new Date('2026-06-30T00:00:00Z') });
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
