/**
 * RETA benchmark: how long the main statistics take on N synthetic victims, on PGlite and PostgreSQL,
 * with the data made by the demo generator (the same records the training dataset has).
 *
 *   npm run bench                                   # 100,000 victims, PGlite (+ PostgreSQL if a URL is set)
 *   npm run bench -- --victims 1000000 --only postgres
 *   RETA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
 *
 * PostgreSQL: a fresh database `reta_bench_<random>` is created on the server of the URL and dropped at
 * the end (--keep keeps it). PGlite: a fresh data directory in the system temp folder. Each query runs
 * once cold, then three times; the median of the three is reported, with its ratio to the plain count
 * of cases and, when both databases ran, PGlite ÷ PostgreSQL. Ratios are from this one run. Not a test.
 */
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { generateDemoData } from '../src/server/demo/generator';
import { createProgressBar } from '../src/server/demo/progress';
import { benchQueries } from './queries';
import { withTarget } from './target';

function flag(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

interface Timing {
  name: string;
  coldMs: number;
  warmMs: number;
}

interface RunResult {
  kind: string;
  generateSeconds: number;
  rows: Record<string, number>;
  timings: Timing[];
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function benchmark(kind: 'pglite' | 'postgres', url: string | undefined, victims: number, seed: number): Promise<RunResult> {
  return withTarget(kind, url, async (database) => {
    const config = { ...loadConfig({}), encryptionKey: Buffer.alloc(32, 3).toString('base64'), adminPassword: 'Bench-Password-2026', logLevel: 'silent' };
    const registry = await prepareRegistry(config, database);
    const bar = createProgressBar(`${kind} victims`, victims);
    const summary = await generateDemoData(registry.deps, { victims, seed, asOf: new Date('2026-06-30T00:00:00Z'), onProgress: (done) => bar.update(done) });
    bar.done();
    await registry.deps.db.execute(await import('drizzle-orm').then(({ sql }) => sql`analyze`));
    const timings: Timing[] = [];
    for (const q of benchQueries(registry.deps)) {
      const coldMs = await time(q.run);
      const warm = [await time(q.run), await time(q.run), await time(q.run)].sort((a, b) => a - b);
      timings.push({ name: q.name, coldMs, warmMs: warm[1]! });
      console.error(`  ${kind} ${q.name}: ${warm[1]!.toFixed(0)} ms`);
    }
    return { kind, generateSeconds: summary.seconds, rows: summary.rows, timings };
  });
}

function printTable(victims: number, results: RunResult[]) {
  const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
  console.log(`\n## ${victims.toLocaleString('en')} synthetic victims\n`);
  for (const r of results) {
    const rate = Math.round(victims / r.generateSeconds);
    console.log(`- ${r.kind}: generated in ${r.generateSeconds.toFixed(1)} s (${rate} victims/s); rows: ${Object.entries(r.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  }
  const header = ['statistic', ...results.flatMap((r) => [`${r.kind} cold ms`, `${r.kind} warm ms`, `${r.kind} × cases`]), ...(results.length === 2 ? ['pglite ÷ postgres'] : [])];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  const base = results.map((r) => r.timings[0]!.warmMs);
  for (let i = 0; i < results[0]!.timings.length; i++) {
    const cells = results.flatMap((r, j) => [ms(r.timings[i]!.coldMs), ms(r.timings[i]!.warmMs), (r.timings[i]!.warmMs / base[j]!).toFixed(1)]);
    if (results.length === 2) cells.push((results[0]!.timings[i]!.warmMs / results[1]!.timings[i]!.warmMs).toFixed(2));
    console.log(`| ${results[0]!.timings[i]!.name} | ${cells.join(' | ')} |`);
  }
}

async function main() {
  // `npm run bench -- --api`: API registration and case list against raw SQL (bench/registration.ts).
  if (process.argv.includes('--api')) return (await import('./registration')).runRegistrationBench();
  // `npm run bench -- --import --victims 1000`: the bulk import against plain inserts of the same rows (bench/import.ts).
  if (process.argv.includes('--import')) return (await import('./import')).runImportBench();
  const victims = Number(flag('victims', '100000'));
  const seed = Number(flag('seed', '1'));
  const only = flag('only');
  const url = process.env.RETA_BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!url && only === 'postgres') throw new Error('Set RETA_BENCH_DATABASE_URL (or DATABASE_URL) to benchmark PostgreSQL');
  const results: RunResult[] = [];
  const kinds = [...(only !== 'postgres' ? (['pglite'] as const) : []), ...(only !== 'pglite' && url ? (['postgres'] as const) : [])];
  for (const kind of kinds) {
    try {
      results.push(await benchmark(kind, kind === 'postgres' ? url : undefined, victims, seed));
      // Each database's figures are printed as soon as they exist, so a later failure loses nothing.
      if (kinds.length > 1) printTable(victims, results.slice(-1));
    } catch (error) {
      console.error(`${kind} run failed:`, error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  }
  if (results.length) printTable(victims, results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
