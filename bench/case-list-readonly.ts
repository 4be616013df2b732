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
import { asc, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { caseListQuery } from '../src/contracts/cases';
import { permissionsOf } from '../src/core/permissions';
import * as schema from '../src/db/schema';
import { casePlaces, cases, caseSuspects, caseVictims, persons } from '../src/db/schema';
import type { Db } from '../src/db/connect';
import { createCaseService } from '../src/server/cases/case.service';
import type { Actor, Ctx } from '../src/server/context';
import type { Deps } from '../src/server/deps';

const url = process.argv[2]!;
const requests = 60;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
async function timed(n: number, concurrency: number, job: () => Promise<unknown>) {
  const times: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < n) {
      const t = performance.now();
      await job();
      times.push(performance.now() - t);
    }
  }));
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c default_transaction_read_only=on' });
const sent: { text: string; values: unknown[] }[] = [];
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text: string; values?: unknown[] };
  if (sent.length < 10_000) sent.push(typeof first === 'string' ? { text: first, values: (args[1] as unknown[]) ?? [] } : { text: first.text, values: first.values ?? (args[1] as unknown[]) ?? [] });
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;
const db = drizzle(pool, { schema }) as unknown as Db;
const service = createCaseService({ db, readDb: db, cipher: null, config: {} } as unknown as Deps);
const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const loadBefore = loadavg().map((v) => v.toFixed(1)).join(' ');

const [busiest] = await rows<{ unit_id: string; institution_id: string; department_code: string; n: number }>(sql`select c.unit_id, c.institution_id, u.department_code, count(*)::int as n
  from cases c join units u on u.id = c.unit_id join institutions i on i.id = c.institution_id where i.kind = 'police' group by 1, 2, 3 order by n desc limit 1`);
const [national] = await rows<{ id: string }>(sql`select id from institutions order by (kind = 'other') desc limit 1`);
const actor = (roles: string[], institutionId: string, unitId: string | null, scope: Actor['scope']): Ctx => ({
  actor: { kind: 'user', userId: '00000000-0000-0000-0000-0000000000aa', username: 'bench', displayName: 'bench', institutionId, institutionKind: 'police', unitId, roles, permissions: permissionsOf(roles), scope },
  requestId: 'bench', locale: 'es',
});
const actors = [
  { name: 'analyst, national scope', ctx: actor(['analyst'], national!.id, null, { national: true, departments: [] }) },
  { name: `police unit user (its unit: ${busiest!.n.toLocaleString('en')} cases)`, ctx: actor(['investigator'], busiest!.institution_id, busiest!.unit_id, { national: false, departments: [busiest!.department_code] }) },
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
  const raw = await timed(requests, 1, async () => {
    await db.select().from(cases).where(eq(cases.id, id));
    await db.select().from(caseVictims).innerJoin(persons, eq(persons.id, caseVictims.personId)).where(eq(caseVictims.caseId, id)).orderBy(asc(caseVictims.createdAt));
    await db.select().from(caseSuspects).innerJoin(persons, eq(persons.id, caseSuspects.personId)).where(eq(caseSuspects.caseId, id)).orderBy(asc(caseSuspects.createdAt));
    await db.select().from(casePlaces).where(eq(casePlaces.caseId, id));
  });
  lines.push(`| ${name} | detail (service \`get\`; raw queries ${raw.p50.toFixed(1)} / ${raw.p99.toFixed(1)}) | 1 | ${api.p50.toFixed(1)} | ${api.p99.toFixed(1)} | ×${(api.p50 / raw.p50).toFixed(1)} of raw |`);
  console.error(lines.at(-1));
}
console.log(`\nload average before ${loadBefore}, after ${loadavg().map((v) => v.toFixed(1)).join(' ')}\n`);
console.log('| user | request | concurrency | p50 ms | p99 ms | total |\n|---|---|---|---|---|---|');
console.log(lines.join('\n'));
if (process.argv.includes('--explain')) console.log(`\n${explained.join('\n\n')}`);
pg.Client.prototype.query = original;
await pool.end();
