/**
 * Where the annual report's content spends its time: builds it on an existing benchmark database (made by
 * `bench/run.ts … --database <name> --keep`) and prints every statistics call it makes with its duration,
 * then the whole build, cold and warm. Not a test: a profile for bench/RESULTS.md.
 *
 *   RETA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/annual-profile.ts --database reta_bench_1m [--year 2025]
 */
import { loadavg } from 'node:os';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { buildAnnualContent } from '../src/server/reports/annual.builder';
import { createStatsService } from '../src/server/stats/stats.service';
import { withTarget } from './target';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

async function main() {
  const url = process.env.RETA_BENCH_DATABASE_URL;
  if (!url || !process.argv.includes('--database')) throw new Error('Set RETA_BENCH_DATABASE_URL and --database <an existing benchmark database>');
  const year = Number(flag('year', '2025'));
  await withTarget('postgres', url, async (database) => {
    const config = { ...loadConfig({}), encryptionKey: Buffer.alloc(32, 3).toString('base64'), adminPassword: 'Bench-Password-2026', logLevel: 'silent' };
    const opened = performance.now();
    // A database generated with --skip-facts gets its facts here (start-up computes them once): timed.
    const registry = await prepareRegistry(config, database, { onWait: (m) => console.error(m) });
    console.log(`registry opened in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
    const stats = createStatsService(registry.deps);
    const calls: Array<{ what: string; ms: number; startMs: number }> = [];
    let t0 = 0;
    // Every method of the service, timed (the builder calls nothing else that reads the database).
    const timed = Object.fromEntries(
      Object.entries(stats).map(([name, fn]) => [
        name,
        async (...args: unknown[]) => {
          const started = performance.now();
          try {
            return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
          } finally {
            const q = args.find((a) => a && typeof a === 'object' && ('indicator' in (a as object) || 'limit' in (a as object) || Array.isArray(a))) as Record<string, unknown> | unknown[] | undefined;
            const what = Array.isArray(q) ? `${q.length} totals` : q ? `${String(q.indicator ?? '')} ${JSON.stringify(q.by ?? '')} ${String(q.from ?? '')}` : '';
            calls.push({ what: `${name} ${what}`, ms: performance.now() - started, startMs: started - t0 });
          }
        },
      ]),
    ) as unknown as typeof stats;
    for (const run of ['cold', 'warm', 'warm']) {
      calls.length = 0;
      t0 = performance.now();
      await buildAnnualContent(timed, { year, exact: true, ctx: null, threshold: config.disclosureThreshold });
      const total = performance.now() - t0;
      console.log(`\n${run}: ${total.toFixed(0)} ms (load ${loadavg().map((l) => l.toFixed(1)).join(' / ')})`);
      for (const c of [...calls].sort((a, b) => b.ms - a.ms).slice(0, 40)) console.log(`  ${c.ms.toFixed(0).padStart(6)} ms  (from ${c.startMs.toFixed(0).padStart(5)})  ${c.what}`);
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
