/**
 * Which step of an annual report file holds the event loop? (issue 11, "a server that never freezes")
 *
 *   npx tsx bench/report-render.ts [--victims 5000]
 *
 * Builds one snapshot on a fresh PGlite directory (bench/generate-sql.ts data, facts rebuilt), then renders
 * its files step by step — the charts (ECharts SVG), the PDF, the workbook, the Word document — on the
 * server's thread (RETA_RENDER_THREADS=0, as before) and on the render worker thread, and for each prints its duration and the longest gap between the ticks of a 5 ms interval on this thread (the
 * stall a request arriving meanwhile would wait). Durations swing with the machine's load; the stall/duration
 * ratio of each step is what to compare (1.0 = the step never lets the loop turn).
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { systemCtx } from '../src/server/context';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { rebuildFacts } from '../src/server/stats/facts/facts.rebuild';
import { reportCharts } from '../src/server/reports/annual.charts';
import { renderAnnualFile } from '../src/server/reports/annual.files';
import { createSnapshotService } from '../src/server/reports/snapshot.service';
import { renderPool, useRenderThreads } from '../src/server/render/render.pool';
import { generateWithSql } from './generate-sql';
import { withTarget } from './target';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const config = { ...loadConfig({}), encryptionKey: Buffer.alloc(32, 3).toString('base64'), adminPassword: 'Bench-Password-2026', logLevel: 'silent', runJobs: false };

/** `work`'s duration and the longest gap between ticks of a 5 ms interval while it ran, in ms. */
async function stallOf(work: () => Promise<unknown> | unknown): Promise<{ ms: number; stallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await new Promise((resolve) => setTimeout(resolve, 20));
  last = performance.now();
  longest = 0;
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 10)); // the tick held back by a blocked loop lands now
  clearInterval(ticker);
  return { ms, stallMs: Math.max(0, longest - 5) };
}

await withTarget('pglite', undefined, async (database) => {
  const registry = await prepareRegistry(config, database);
  const victims = Number(flag('victims', '5000'));
  await generateWithSql(registry.deps.db, victims);
  await rebuildFacts(registry.deps.db, { batch: 5000 });
  await registry.deps.db.execute(sql`vacuum analyze`);
  const ctx = { ...systemCtx('bench'), locale: 'es' as const };
  const snapshots = createSnapshotService(registry.deps);
  const created = await snapshots.create(ctx, { year: 2025, suppress: false });
  const report = await snapshots.get(ctx, created.id);
  const rows: Array<[string, { ms: number; stallMs: number }]> = [];
  for (const round of [1, 2]) {
    // Charts are cached by content hash once drawn; without the hash each call draws them again.
    rows.push([`charts (ECharts SVG) on the server's thread, uncached, round ${round}`, await stallOf(() => reportCharts('es', report.content))]);
    for (const threads of [0, 1]) {
      await useRenderThreads(threads);
      const where = threads ? 'on the render worker thread' : "on the server's thread";
      if (threads) await renderAnnualFile(report, 'xlsx', 'es', false); // the thread's start is not counted
      for (const format of ['pdf', 'xlsx', 'docx'] as const) {
        rows.push([`${format} file ${where}, round ${round}`, await stallOf(() => renderAnnualFile({ ...report, hashVerified: false }, format, 'es', false))]);
      }
    }
  }
  await renderPool().close();
  console.log(`\n${victims} victims; load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}\n`);
  console.log('| step | ms | longest stall ms | stall / duration |\n|---|---|---|---|');
  for (const [name, m] of rows) console.log(`| ${name} | ${m.ms.toFixed(0)} | ${m.stallMs.toFixed(0)} | ${(m.stallMs / m.ms).toFixed(2)} |`);
});
