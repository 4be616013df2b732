/**
 * What the change feed costs and how fast it reads (not a test):
 *   npx tsx bench/change-feed.ts [--victims 5000] [--only pglite|postgres]
 *   RETA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/change-feed.ts
 * Writes: the demo generator (every registry table, in transactions of 2,000 victims) on a fresh database
 * with the change triggers disabled, then on another fresh database with them on; the ratio is the
 * triggers' cost on bulk writes. Reads: the whole feed paged at 1,000 by the system actor (no scope filter)
 * and by a national analyst (the policy's visibility check on every page). Ratios from one run.
 */
import { sql } from 'drizzle-orm';
import { createChangeService } from '../src/server/changes/change.service';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { systemCtx, type Actor } from '../src/server/context';
import { generateDemoData } from '../src/server/demo/generator';
import { permissionsOf } from '../src/core/permissions';
import { decodeCursor } from '../src/core/changes/feed';
import { withTarget } from './target';

const flag = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

const triggers = ['cases', 'persons', 'case_victims', 'case_suspects', 'case_places', 'justice_events', 'referrals', 'hotline_calls', 'operations', 'prevention_activities', 'case_access'];

async function run(kind: 'pglite' | 'postgres', url: string | undefined, victims: number, withTriggers: boolean) {
  return withTarget(kind, url, async (database) => {
    const config = { ...loadConfig({}), encryptionKey: Buffer.alloc(32, 3).toString('base64'), adminPassword: 'Bench-Password-2026', logLevel: 'silent' };
    const registry = await prepareRegistry(config, database);
    const { db } = registry.deps;
    if (!withTriggers) {
      for (const t of triggers) for (const op of t === 'case_access' ? ['insert', 'update'] : ['insert', 'update', 'delete']) await db.execute(sql.raw(`alter table ${t} disable trigger ${t}_change_${op}`));
    }
    const started = performance.now();
    const summary = await generateDemoData(registry.deps, { victims, seed: 1, asOf: new Date('2026-06-30T00:00:00Z') });
    const writeSeconds = (performance.now() - started) / 1000;
    if (!withTriggers) return { writeSeconds, rows: summary.rows, changes: 0, systemSeconds: 0, analystSeconds: 0 };
    const feed = createChangeService(registry.deps);
    const readAll = async (actor: Actor) => {
      const t0 = performance.now();
      let after = decodeCursor(undefined)!;
      let n = 0;
      for (;;) {
        const page = await feed.page(actor, after, 1000);
        n += page.items.length;
        after = decodeCursor(page.nextCursor)!;
        if (!page.hasMore) break;
      }
      return { n, seconds: (performance.now() - t0) / 1000 };
    };
    const system = await readAll(systemCtx('bench').actor);
    const analystActor: Actor = { ...systemCtx('bench').actor, kind: 'user', roles: ['analyst'], permissions: permissionsOf(['analyst']), scope: { national: true, departments: [] } };
    const analyst = await readAll(analystActor);
    return { writeSeconds, rows: summary.rows, changes: system.n, systemSeconds: system.seconds, analystSeconds: analyst.seconds, analystChanges: analyst.n };
  });
}

async function main() {
  const victims = Number(flag('victims', '5000'));
  const only = flag('only');
  const url = process.env.RETA_BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const kinds = [...(only !== 'postgres' ? (['pglite'] as const) : []), ...(only !== 'pglite' && url ? (['postgres'] as const) : [])];
  for (const kind of kinds) {
    const off = await run(kind, url, victims, false);
    const on = await run(kind, url, victims, true);
    console.log(`\n${kind}, ${victims} victims (${Object.values(on.rows).reduce((a, b) => a + b, 0)} rows written):`);
    console.log(`- writes: ${off.writeSeconds.toFixed(1)} s without change triggers, ${on.writeSeconds.toFixed(1)} s with them (× ${(on.writeSeconds / off.writeSeconds).toFixed(2)})`);
    console.log(`- feed: ${on.changes} changes read by the system in ${on.systemSeconds.toFixed(1)} s (${Math.round(on.changes / on.systemSeconds)}/s); by a national analyst ${on.analystChanges} in ${on.analystSeconds.toFixed(1)} s (${Math.round((on.analystChanges ?? 0) / on.analystSeconds)}/s)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
