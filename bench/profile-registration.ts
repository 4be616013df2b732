/**
 * Profiling helper for issue 11: registers `--cases` cases through the HTTP API at `--concurrency` on a fresh
 * PostgreSQL database (RETA_BENCH_DATABASE_URL), nothing else, so a CPU profile of this process shows only
 * the registration path (server and client):
 *
 *   RETA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-registration.ts --cases 300
 *   npx tsx bench/profile-summary.ts /tmp/prof/<file>.cpuprofile
 */
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { users } from '../src/db/schema';
import { createAdminService } from '../src/server/admin/admin.service';
import { buildApp } from '../src/server/app';
import { createApiTokenService } from '../src/server/auth/api-token.service';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { systemCtx } from '../src/server/context';
import { caseBody, pool } from './registration';
import { withTarget } from './target';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

const total = Number(flag('cases', '300'));
const concurrency = Number(flag('concurrency', '8'));
const url = process.env.RETA_BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!url) throw new Error('RETA_BENCH_DATABASE_URL is required');

await withTarget('postgres', url, async (database) => {
  const config = { ...loadConfig({}), encryptionKey: Buffer.alloc(32, 3).toString('base64'), adminPassword: 'Bench-Password-2026', logLevel: 'silent', auditAnchorEveryMinutes: 0 };
  const { deps } = await prepareRegistry(config, database);
  const app = await buildApp(deps, { serveWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const admin = createAdminService(deps);
    const ctx = systemCtx('bench');
    const institution = await admin.createInstitution(ctx, { code: 'BENCH-PNP', name: 'Bench police', kind: 'police' } as never);
    const unit = await admin.createUnit(ctx, { institutionId: institution.id, code: 'BENCH-U', name: 'Bench unit', ubigeo: '15' } as never);
    const user = await admin.createUser(ctx, {
      username: 'bench-sync', displayName: 'Bench', institutionId: institution.id, unitId: unit.id, roles: ['registrar'],
      scope: { national: false, departments: ['15'] }, password: 'Bench-Password-2026-x', isServiceAccount: true,
    });
    await deps.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    const { token } = await createApiTokenService(deps).create(ctx, { userId: user.id, name: 'bench' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-access-reason': 'case_follow_up' };
    if (process.argv.includes('--statements')) {
      // Prints the statements of one registration (after a warm-up one).
      const seen: string[] = [];
      const original = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const first = args[0] as string | { text: string };
        seen.push(typeof first === 'string' ? first : first.text);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      for (const i of [900_001, 900_002]) {
        seen.length = 0;
        const response = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify(caseBody(i)) });
        await response.arrayBuffer();
        await new Promise((r) => setTimeout(r, 500));
      }
      console.log(`${seen.length} statements:\n${seen.map((s) => `  ${s.slice(0, 200).replace(/\s+/g, ' ')}`).join('\n')}`);
      pg.Client.prototype.query = original;
    }
    const cpu0 = process.cpuUsage();
    const run = await pool(total, concurrency, async (i) => {
      const response = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify(caseBody(i)) });
      if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    });
    const cpu = process.cpuUsage(cpu0);
    console.log(`${total} cases at ${concurrency}: ${(total / run.seconds).toFixed(1)}/s, Node CPU ${((cpu.user + cpu.system) / 1000 / total).toFixed(1)} ms per case`);
  } finally {
    await app.close();
  }
}, 10);
