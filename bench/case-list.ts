/**
 * Case list and case detail over an existing large PostgreSQL database (issue 11, "Reads"): the real HTTP
 * server over the database named by `--database`, an analyst with national scope and a police unit user,
 * first page p50/p99 (keyset `?limit=25` and paged `?page=1&pageSize=25`), and a case's detail against the
 * hand-written queries it needs; then EXPLAIN ANALYZE of the list's statements as the server sent them.
 * It creates two users and their API tokens in that database (and the detail reads are audited): run it on a
 * copy, never on a database others measure.
 *
 *   createdb -h 127.0.0.1 -U postgres -T reta_bench_1m regspeed_1m
 *   RETA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/case-list.ts --database regspeed_1m
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { users } from '../src/db/schema';
import { createAdminService } from '../src/server/admin/admin.service';
import { buildApp } from '../src/server/app';
import { createApiTokenService } from '../src/server/auth/api-token.service';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { systemCtx } from '../src/server/context';
import { benchScopes, rawCaseDetail, recordStatements, timed } from './case-list.shared';
import { withTarget } from './target';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

const url = process.env.RETA_BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!url || !process.argv.includes('--database')) throw new Error('RETA_BENCH_DATABASE_URL and --database <copy> are required');
const requests = Number(flag('requests', '60'));
const loadBefore = loadavg().map((v) => v.toFixed(1)).join(' ');

await withTarget('postgres', url, async (database) => {
  const config = { ...loadConfig({}), encryptionKey: process.env.RETA_ENCRYPTION_KEY ?? Buffer.alloc(32, 3).toString('base64'), logLevel: 'silent', auditAnchorEveryMinutes: 0 };
  const { deps } = await prepareRegistry(config, database);
  const app = await buildApp(deps, { serveWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Every statement the server sends, to EXPLAIN the list's afterwards.
  const { sent, stop } = recordStatements();
  try {
    const { busiest, national } = await benchScopes(deps.db);
    const admin = createAdminService(deps);
    const ctx = systemCtx('bench');
    const suffix = randomBytes(3).toString('hex');
    async function tokenFor(username: string, input: Record<string, unknown>) {
      const user = await admin.createUser(ctx, { username, displayName: username, password: 'Bench-Password-2026-x', isServiceAccount: true, ...input } as never);
      await deps.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
      return (await createApiTokenService(deps).create(ctx, { userId: user.id, name: 'bench' })).token;
    }
    const actors = [
      { name: 'analyst, national scope', token: await tokenFor(`bench-analyst-${suffix}`, { institutionId: national.id, roles: ['analyst'], scope: { national: true, departments: [] } }) },
      {
        name: `police unit user (its unit holds ${busiest.n.toLocaleString('en')} cases)`,
        token: await tokenFor(`bench-police-${suffix}`, { institutionId: busiest.institution_id, unitId: busiest.unit_id, roles: ['investigator'], scope: { national: false, departments: [busiest.department_code] } }),
      },
    ];
    const lines: string[] = [];
    const explained: string[] = [];
    for (const actor of actors) {
      const headers = { authorization: `Bearer ${actor.token}`, 'x-access-reason': 'case_follow_up' };
      const get = async (path: string) => {
        const response = await fetch(`${base}${path}`, { headers });
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
        return response.json() as Promise<{ items?: { id: string }[]; total?: number; totalCapped?: boolean }>;
      };
      for (const query of ['limit=25', 'page=1&pageSize=25']) {
        await get(`/api/v1/cases?${query}`); // warm
        sent.length = 0;
        const page = await get(`/api/v1/cases?${query}`);
        const statements = sent.filter((s) => !/^(begin|commit)/i.test(s.text));
        for (const c of [1, 8]) {
          const r = await timed(requests, c, async () => void (await get(`/api/v1/cases?${query}`)));
          lines.push(`| ${actor.name} | \`?${query}\` | ${c} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${page.total}${page.totalCapped ? '+' : ''} |`);
          console.error(lines.at(-1));
        }
        if (query === 'limit=25') {
          const client = new pg.Client({ connectionString: database.connectionUrl });
          await client.connect();
          for (const s of statements) {
            const plan = await client.query({ text: `explain (analyze, buffers) ${s.text}`, values: s.values });
            explained.push(`-- ${actor.name}\n${s.text.slice(0, 300)}…\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
          }
          await client.end();
        }
      }
      // Detail of the first case of the page, against the hand-written queries that fetch the same rows.
      const id = (await get('/api/v1/cases?limit=1')).items![0]!.id;
      await get(`/api/v1/cases/${id}`);
      const api = await timed(requests, 1, async () => void (await get(`/api/v1/cases/${id}`)));
      const raw = await timed(requests, 1, () => rawCaseDetail(deps.db, id));
      lines.push(`| ${actor.name} | detail \`/cases/:id\` (raw queries: ${raw.p50.toFixed(1)} / ${raw.p99.toFixed(1)}) | 1 | ${api.p50.toFixed(1)} | ${api.p99.toFixed(1)} | ×${(api.p50 / raw.p50).toFixed(1)} of raw |`);
      console.error(lines.at(-1));
    }
    console.log(`\nload average before ${loadBefore}, after ${loadavg().map((v) => v.toFixed(1)).join(' ')}\n`);
    console.log('| user | request | concurrency | p50 ms | p99 ms | total |\n|---|---|---|---|---|---|');
    console.log(lines.join('\n'));
    if (process.argv.includes('--explain')) console.log(`\n${explained.join('\n\n')}`);
  } finally {
    stop();
    await app.close();
  }
}, 10);
