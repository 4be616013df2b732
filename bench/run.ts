/**
 * RETA benchmark: per statistic, the project's time (through the statistics engine, as the API answers)
 * beside the time of plain hand-written SQL for the same aggregate over the raw record tables on the same
 * database, and their ratio; plus the statistics page's whole load (its ten requests, one after another
 * and all at once as the browser sends them). Not a test: it prints figures for bench/RESULTS.md.
 *
 *   npm run bench                                            # 100,000 victims, PGlite (+ PostgreSQL if a URL is set)
 *   RETA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- --only postgres --victims 1000000
 *   npm run bench -- --generator demo                         # records made by the demo generator (slower, richer)
 *   … --database reta_bench_1m --keep                       # PostgreSQL: reuse (or create) that database; --skip-facts keeps its facts
 *   … --records-only                                          # make the records (and facts) only, no statistics timed
 *   … --facts-only                                            # the engine without its cubes (victim facts read directly)
 *   npm run bench -- --api                                    # API registration and case list (bench/registration.ts)
 *
 * Records: `--generator sql` (default) makes them in bulk SQL (bench/generate-sql.ts), then `reta stats
 * rebuild`'s code computes their facts (timed); `--generator demo` uses the demo generator, whose
 * transactions keep the facts themselves. PostgreSQL: a fresh database `reta_bench_<random>` on the
 * server of the URL, dropped at the end (--keep keeps it). PGlite: a fresh data directory in the temp
 * folder. Each statistic runs once cold, then three times; "warm" is the median of the three.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { generateDemoData } from '../src/server/demo/generator';
import { createProgressBar } from '../src/server/demo/progress';
import { rebuildFacts } from '../src/server/stats/facts/facts.rebuild';
import { generateWithSql } from './generate-sql';
import { benchStatistics } from './statistics';
import { withTarget } from './target';

function flag(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

interface Timing {
  name: string;
  page: boolean;
  coldMs: number;
  warmMs: number;
  plainMs: number | null;
}

interface RunResult {
  kind: string;
  generateSeconds: number;
  factsSeconds: number | null;
  rows: Record<string, number>;
  timings: Timing[];
  pageSequentialMs: number;
  pageParallelMs: number;
  plainPageMs: number | null;
  load: string;
}

async function hasCases(db: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }): Promise<boolean> {
  const r = (await db.execute(sql`select exists (select 1 from cases) as any`)) as { rows: Array<{ any: boolean }> };
  return !!r.rows[0]?.any;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function warm(run: () => Promise<unknown>): Promise<{ cold: number; warm: number }> {
  const cold = await time(run);
  const runs = [await time(run), await time(run), await time(run)].sort((a, b) => a - b);
  return { cold, warm: runs[1]! };
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

async function benchmark(kind: 'pglite' | 'postgres', url: string | undefined, victims: number, seed: number, generator: string): Promise<RunResult> {
  return withTarget(kind, url, async (database) => {
    const config = { ...loadConfig({}), encryptionKey: Buffer.alloc(32, 3).toString('base64'), adminPassword: 'Bench-Password-2026', logLevel: 'silent' };
    const registry = await prepareRegistry(config, database);
    const db = registry.deps.db;
    const started = performance.now();
    let rows: Record<string, number> = {};
    let factsSeconds: number | null = null;
    if (generator === 'demo') {
      const bar = createProgressBar(`${kind} victims`, victims);
      rows = (await generateDemoData(registry.deps, { victims, seed, asOf: new Date('2026-06-30T00:00:00Z'), onProgress: (done) => bar.update(done) })).rows;
      bar.done();
    } else if (await hasCases(db)) {
      // A reused database (--database): its records stay; facts are recomputed below with the current code.
      console.error(`  ${kind}: reusing the records already in the database`);
    } else {
      await generateWithSql(db, victims);
    }
    if (generator !== 'demo') {
      const count = async (table: string) => Number(((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
      for (const table of ['cases', 'case_victims', 'case_suspects', 'case_places', 'justice_events']) rows[table] = await count(table);
    }
    const generateSeconds = (performance.now() - started) / 1000;
    if (generator !== 'demo' && !process.argv.includes('--skip-facts')) {
      const t = performance.now();
      console.error(`  ${kind}: computing facts (reta stats rebuild)…`);
      await rebuildFacts(db, { batch: 5000 });
      factsSeconds = (performance.now() - t) / 1000;
    }
    // As autovacuum would after a bulk load: the visibility map lets counts read the facts' indexes only.
    await db.execute(sql`vacuum analyze`);
    const timings: Timing[] = [];
    // `--records-only`: make (and keep, with --keep) the database for a later run, without timing statistics.
    if (process.argv.includes('--records-only')) return { kind, generateSeconds, factsSeconds, rows, timings, pageSequentialMs: 0, pageParallelMs: 0, plainPageMs: null, load: load() };
    const statistics = benchStatistics(registry.deps, { cubes: !process.argv.includes('--facts-only') });
    for (const s of statistics) {
      const project = await warm(s.run);
      const plain = s.plain ? (await warm(s.plain)).warm : null;
      timings.push({ name: s.name, page: !!s.page, coldMs: project.cold, warmMs: project.warm, plainMs: plain });
      console.error(`  ${kind} ${s.name}: ${project.warm.toFixed(0)} ms${plain === null ? '' : ` (plain SQL ${plain.toFixed(0)} ms)`}`);
    }
    const page = statistics.filter((s) => s.page);
    const pageSequentialMs = (await warm(async () => { for (const s of page) await s.run(); })).warm;
    const pageParallelMs = (await warm(() => Promise.all(page.map((s) => s.run())))).warm;
    const plainPage = page.every((s) => s.plain) ? (await warm(async () => { for (const s of page) await s.plain!(); })).warm : null;
    return { kind, generateSeconds, factsSeconds, rows, timings, pageSequentialMs, pageParallelMs, plainPageMs: plainPage, load: load() };
  });
}

function printTable(victims: number, generator: string, results: RunResult[]) {
  const ms = (v: number | null) => (v === null ? '—' : v < 10 ? v.toFixed(1) : v.toFixed(0));
  const ratio = (a: number, b: number | null) => (b === null ? '—' : (a / b).toFixed(2));
  console.log(`\n## ${victims.toLocaleString('en')} synthetic victims (${generator} generator${process.argv.includes('--facts-only') ? ', engine without cubes' : ''})\n`);
  for (const r of results) {
    console.log(`- ${r.kind}: generated in ${r.generateSeconds.toFixed(1)} s${r.factsSeconds === null ? ' (facts kept by the generator\'s transactions)' : `, facts rebuilt in ${r.factsSeconds.toFixed(1)} s`}; load average at the end ${r.load}; rows: ${Object.entries(r.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    console.log(`- ${r.kind}: statistics page whole load (10 requests): ${ms(r.pageSequentialMs)} ms one after another, ${ms(r.pageParallelMs)} ms all at once; plain SQL one after another ${ms(r.plainPageMs)} ms`);
  }
  const header = ['statistic', ...results.flatMap((r) => [`${r.kind} cold ms`, `${r.kind} ms`, `${r.kind} plain SQL ms`, `${r.kind} ÷ plain`]), ...(results.length === 2 ? ['pglite ÷ postgres'] : [])];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (let i = 0; i < results[0]!.timings.length; i++) {
    const cells = results.flatMap((r) => { const t = r.timings[i]!; return [ms(t.coldMs), ms(t.warmMs), ms(t.plainMs), ratio(t.warmMs, t.plainMs)]; });
    if (results.length === 2) cells.push(ratio(results[0]!.timings[i]!.warmMs, results[1]!.timings[i]!.warmMs));
    const t = results[0]!.timings[i]!;
    console.log(`| ${t.name}${t.page ? ' (page)' : ''} | ${cells.join(' | ')} |`);
  }
}

async function main() {
  if (process.argv.includes('--api')) return (await import('./registration')).runRegistrationBench();
  // `npm run bench -- --import --victims 1000`: the bulk import against plain inserts of the same rows (bench/import.ts).
  if (process.argv.includes('--import')) return (await import('./import')).runImportBench();
  const victims = Number(flag('victims', '100000'));
  const seed = Number(flag('seed', '1'));
  const generator = flag('generator', 'sql')!;
  const only = flag('only');
  const url = process.env.RETA_BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!url && only === 'postgres') throw new Error('Set RETA_BENCH_DATABASE_URL (or DATABASE_URL) to benchmark PostgreSQL');
  const results: RunResult[] = [];
  const kinds = [...(only !== 'postgres' ? (['pglite'] as const) : []), ...(only !== 'pglite' && url ? (['postgres'] as const) : [])];
  for (const kind of kinds) {
    try {
      results.push(await benchmark(kind, kind === 'postgres' ? url : undefined, victims, seed, generator));
      if (kinds.length > 1) printTable(victims, generator, results.slice(-1));
    } catch (error) {
      console.error(`${kind} run failed:`, error instanceof Error ? error.stack : error);
      process.exitCode = 1;
    }
  }
  if (results.length) printTable(victims, generator, results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
