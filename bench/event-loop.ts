/**
 * Does the HTTP loop stay free while long database work runs? (issue 11, "A server that never freezes")
 *
 *   npx tsx bench/event-loop.ts [--victims 20000] [--only pglite|postgres]
 *   RETA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/event-loop.ts
 *
 * One data set per database (bench/generate-sql.ts, facts rebuilt, vacuum analyze). PGlite's is measured
 * twice on the same directory: PGlite on the main thread (RETA_PGLITE_THREAD=main, as before) and on its
 * worker thread (the default). For each, the real server listens on a loopback port and, while the work
 * runs, a client asks GET /api/health every 20 ms and perf_hooks.monitorEventLoopDelay samples the loop:
 *   - the annual report content (≈70 statistics queries, what the report job builds);
 *   - the statistics page as the browser opens it (ten requests at once);
 *   - the annual report as a background job, as the web app asks for it: figures, snapshot and PDF, run by the
 *     server's job runner in the same process (bench/report-job.ts); twice, with the file rendered on the
 *     server's thread (RETA_RENDER_THREADS=0, as before) and on the render worker thread (the default).
 * Printed: the longest event-loop stall and the loop delay's p99, /api/health p50/p99/max, the work's
 * duration; and the work's duration alone (best of two, no probe), which compares the threads' speed.
 * Then the proxy's own cost: a one-row query one after another (µs per round trip), and a 100,000-row
 * result (its copy to the main thread is the one stall the worker still causes). For the per-statement
 * cost measured with the threads interleaved, in wall and CPU time, see bench/pglite-roundtrip.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type PgliteThread } from '../src/db/connect';
import { buildApp } from '../src/server/app';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { rebuildFacts } from '../src/server/stats/facts/facts.rebuild';
import { generateWithSql } from './generate-sql';
import { benchStatistics } from './statistics';
import { renderThreadsFromEnv, useRenderThreads } from '../src/server/render/render.pool';
import { withTarget } from './target';
import { annualReportJob } from './report-job';

const flag = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const config = { ...loadConfig({}), encryptionKey: Buffer.alloc(32, 3).toString('base64'), adminPassword: 'Bench-Password-2026', logLevel: 'silent', runJobs: false };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

interface Measure {
  setup: string;
  work: string;
  workMs: number;
  maxStallMs: number;
  delayP99Ms: number;
  healthCount: number;
  healthP50Ms: number;
  healthP99Ms: number;
  healthMaxMs: number;
  /** The longest garbage collection pause of this thread during the work (part of the stall, if any). */
  maxGcMs: number;
}

/**
 * Runs `work` while probing /api/health every 20 ms and watching the event loop. A loop that never yields
 * (PGlite on the main thread chains its statements through promises alone) fires no timer at all until the
 * work ends, so the stall is also measured as the longest gap between the ticks of a 10 ms interval, up to
 * a tick after the work; and every health request started during the work counts, answered during or after.
 */
async function underLoad(setup: string, name: string, base: string, work: () => Promise<unknown>): Promise<Measure> {
  const latencies: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const started = performance.now();
      const response = await fetch(`${base}/api/health`);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      await sleep(20);
    }
  })();
  await sleep(200); // the probe's first (cold) request is not counted
  latencies.length = 0;
  let maxGcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) maxGcMs = Math.max(maxGcMs, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let lastTick = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - lastTick);
    lastTick = now;
  }, 10);
  const started = performance.now();
  await work();
  const workMs = performance.now() - started;
  probing = false;
  await sleep(30); // the ticks and samples held back by a blocked loop land now
  clearInterval(ticker);
  histogram.disable();
  gc.disconnect();
  await probe;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    setup,
    work: name,
    workMs,
    maxStallMs: Math.max(histogram.max / 1e6, longestGap - 10),
    delayP99Ms: histogram.count ? histogram.percentile(99) / 1e6 : NaN,
    healthCount: sorted.length,
    healthP50Ms: quantile(sorted, 0.5),
    healthP99Ms: quantile(sorted, 0.99),
    healthMaxMs: sorted.at(-1) ?? NaN,
    maxGcMs,
  };
}

/** The best of `times` runs of `work`, in ms, with nothing else running (no health probe). */
async function alone(times: number, work: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

interface Alone {
  annualMs: number;
  pageMs: number;
}

async function measure(setup: string, database: Database): Promise<{ loop: Measure[]; alone: Alone; roundTripUs: number; pipelinedUs: number; bigResult: Measure }> {
  const registry = await prepareRegistry(config, database);
  const app = await buildApp(registry.deps, { serveWeb: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const statistics = benchStatistics(registry.deps);
    const annual = statistics.find((s) => s.name.startsWith('annual report'))!;
    const page = statistics.filter((s) => s.page);
    await annual.run(); // warm: the first run also fills caches
    // The work's own duration, best of two, with no health probe competing for the main thread: under the
    // probe a main-thread PGlite answers almost no request while a worker answers hundreds.
    const own = { annualMs: await alone(2, annual.run), pageMs: await alone(2, () => Promise.all(page.map((s) => s.run()))) };
    const loop = [
      await underLoad(setup, 'annual report content', base, annual.run),
      await underLoad(setup, 'statistics page (10 requests at once)', base, () => Promise.all(page.map((s) => s.run()))),
    ];
    // The job twice: its file rendered on the server's thread (RETA_RENDER_THREADS=0, as before) and on the
    // render worker thread (the default), one after the other on the same data.
    // The worker's first job also starts the thread (tsx loads the renderers' modules there): measured apart.
    const job = await annualReportJob(registry.deps);
    const where = ["on the server's thread", 'on the render worker thread, its first file (thread starts)', 'on the render worker thread, started'];
    for (const [i, threads] of [0, 1, 1].entries()) {
      if (i < 2) await useRenderThreads(threads);
      loop.push(await underLoad(setup, `annual report job, PDF (figures, snapshot, file), file ${where[i]}`, base, job));
    }
    await useRenderThreads(renderThreadsFromEnv());
    const rounds = 2000;
    let started = performance.now();
    for (let i = 0; i < rounds; i++) await registry.deps.db.execute(sql`select ${i}::int as i`);
    const roundTripUs = ((performance.now() - started) * 1000) / rounds;
    started = performance.now();
    await Promise.all(Array.from({ length: rounds }, (_, i) => registry.deps.db.execute(sql`select ${i}::int as i`)));
    const pipelinedUs = ((performance.now() - started) * 1000) / rounds;
    const bigResult = await underLoad(setup, '100,000-row result', base, () => registry.deps.db.execute(sql`select g as id, md5(g::text) as label, now() as at from generate_series(1, 100000) g`));
    for (const m of [...loop, bigResult]) console.error(`  ${setup} · ${m.work}: ${m.workMs.toFixed(0)} ms, longest stall ${m.maxStallMs.toFixed(0)} ms, health p99 ${m.healthP99Ms.toFixed(1)} ms`);
    console.error(`  ${setup} · one-row query: ${roundTripUs.toFixed(0)} µs one after another, ${pipelinedUs.toFixed(0)} µs each when 2,000 are sent at once`);
    console.error(`  ${setup} · alone: annual report ${own.annualMs.toFixed(0)} ms, statistics page ${own.pageMs.toFixed(0)} ms`);
    return { loop, alone: own, roundTripUs, pipelinedUs, bigResult };
  } finally {
    await app.close();
  }
}

async function populate(database: Database, victims: number) {
  const registry = await prepareRegistry(config, database);
  await generateWithSql(registry.deps.db, victims);
  await rebuildFacts(registry.deps.db, { batch: 5000 });
  await registry.deps.db.execute(sql`vacuum analyze`);
}

async function main() {
  const victims = Number(flag('victims', '20000'));
  const only = flag('only');
  const url = process.env.RETA_BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const results: Array<Awaited<ReturnType<typeof measure>>> = [];
  if (only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'reta-bench-loop-'));
    const dataDir = join(dir, 'data');
    const open = (pgliteThread: PgliteThread) => openDatabase({ dataDir, lockCommand: 'bench', pgliteThread });
    try {
      console.error(`pglite: generating ${victims} victims…`);
      const first = await open('worker');
      await populate(first, victims);
      await first.close();
      for (const thread of ['main', 'worker'] as const) {
        const database = await open(thread);
        try {
          results.push(await measure(`pglite (${thread} thread)`, database));
        } finally {
          await database.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only !== 'pglite' && url) {
    console.error(`postgres: generating ${victims} victims…`);
    results.push(await withTarget('postgres', url, async (database) => {
      await populate(database, victims);
      return measure('postgres', database);
    }, 10));
  }
  const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
  console.log(`\n## Event loop under long work, ${victims.toLocaleString('en')} victims; load average at the end ${load()}\n`);
  console.log('| setup | work | work ms | longest stall ms | loop delay p99 ms | /api/health n | p50 ms | p99 ms | max ms | longest GC pause ms |\n|---|---|---|---|---|---|---|---|---|---|');
  for (const m of results.flatMap((r) => [...r.loop, r.bigResult])) {
    console.log(`| ${m.setup} | ${m.work} | ${ms(m.workMs)} | ${ms(m.maxStallMs)} | ${ms(m.delayP99Ms)} | ${m.healthCount} | ${ms(m.healthP50Ms)} | ${ms(m.healthP99Ms)} | ${ms(m.healthMaxMs)} | ${ms(m.maxGcMs)} |`);
  }
  console.log('\n| setup | annual report alone ms | statistics page alone ms |\n|---|---|---|');
  for (const r of results) console.log(`| ${r.loop[0]!.setup} | ${ms(r.alone.annualMs)} | ${ms(r.alone.pageMs)} |`);
  console.log('\n| setup | one-row query, one after another µs | one-row query, 2,000 at once µs each |\n|---|---|---|');
  for (const r of results) console.log(`| ${r.loop[0]!.setup} | ${r.roundTripUs.toFixed(0)} | ${r.pipelinedUs.toFixed(0)} |`);
}

await main();
