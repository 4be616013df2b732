/**
 * The case list and detail over a large PostgreSQL database that must not be written (`reta_bench_1m`):
 * through the case service (the code the HTTP route calls, minus HTTP and authentication) on connections
 * opened read-only (`default_transaction_read_only`), as a national analyst and as a police unit user; then
 * EXPLAIN ANALYZE of the list's statements. bench/case-list.ts measures the same through the real server on a
 * copy.
 *
 *   npx tsx bench/case-list-readonly.ts postgres://postgres@127.0.0.1:5432/reta_bench_1m [--explain]
 */
import { loadavg } from 'node:os';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { caseListQuery } from '../src/contracts/cases';
import { permissionsOf } from '../src/core/permissions';
import * as schema from '../src/db/schema';
import type { Db } from '../src/db/connect';
import { createCaseService } from '../src/server/cases/case.service';
import type { Actor, Ctx } from '../src/server/context';
import type { Deps } from '../src/server/deps';
import { benchScopes, rawCaseDetail, recordStatements, timed } from './case-list.shared';

const url = process.argv[2]!;
const requests = 60;

const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c default_transaction_read_only=on' });
const { sent, stop } = recordStatements();
const db = drizzle(pool, { schema }) as unknown as Db;
const service = createCaseService({ db, readDb: db, cipher: null, config: {} } as unknown as Deps);
const loadBefore = loadavg().map((v) => v.toFixed(1)).join(' ');

const { busiest, national } = await benchScopes(db);
const actor = (roles: string[], institutionId: string, unitId: string | null, scope: Actor['scope']): Ctx => ({
  actor: { kind: 'user', userId: '00000000-0000-0000-0000-0000000000aa', username: 'bench', displayName: 'bench', institutionId, institutionKind: 'police', unitId, roles, permissions: permissionsOf(roles), scope },
  requestId: 'bench', locale: 'es',
});
const actors = [
  { name: 'analyst, national scope', ctx: actor(['analyst'], national.id, null, { national: true, departments: [] }) },
  { name: `police unit user (its unit: ${busiest.n.toLocaleString('en')} cases)`, ctx: actor(['investigator'], busiest.institution_id, busiest.unit_id, { national: false, departments: [busiest.department_code] }) },
];
const lines: string[] = [];
const explained: string[] = [];
for (const { name, ctx } of actors) {
  for (const raw of [{ limit: '25' }, { page: '1', pageSize: '25' }] as Record<string, string>[]) {
    const query = caseListQuery.parse(raw);
    const label = new URLSearchParams(raw).toString();
    await service.list(ctx, query);
    sent.length = 0;
    const page = await service.list(ctx, query);
    const statements = [...sent];
    for (const c of process.argv.includes("--quick") ? [1] : [1, 8]) {
      const r = await timed(requests, c, () => service.list(ctx, query));
      lines.push(`| ${name} | \`?${label}\` | ${c} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${page.total}${page.totalCapped ? '+' : ''} |`);
      console.error(lines.at(-1));
    }
    if (label === 'limit=25') {
      for (const s of statements) {
        const t = performance.now();
        const plan = await pool.query({ text: `explain (analyze, buffers) ${s.text}`, values: s.values });
        explained.push(`-- ${name} (${(performance.now() - t).toFixed(1)} ms)\n${s.text}\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
      }
    }
  }
  const id = (await service.list(ctx, caseListQuery.parse({ limit: '1' }))).items[0]!.id;
  const api = await timed(requests, 1, () => service.get(ctx, id));
  const raw = await timed(requests, 1, () => rawCaseDetail(db, id));
  lines.push(`| ${name} | detail (service \`get\`; raw queries ${raw.p50.toFixed(1)} / ${raw.p99.toFixed(1)}) | 1 | ${api.p50.toFixed(1)} | ${api.p99.toFixed(1)} | ×${(api.p50 / raw.p50).toFixed(1)} of raw |`);
  console.error(lines.at(-1));
}
console.log(`\nload average before ${loadBefore}, after ${loadavg().map((v) => v.toFixed(1)).join(' ')}\n`);
console.log('| user | request | concurrency | p50 ms | p99 ms | total |\n|---|---|---|---|---|---|');
console.log(lines.join('\n'));
if (process.argv.includes('--explain')) console.log(`\n${explained.join('\n\n')}`);
stop();
await pool.end();
