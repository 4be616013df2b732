/**
 * Registration and case-list benchmark (issue 11): cases registered through the HTTP API at concurrency
 * 1, 8 and 32 against the same rows inserted with one plain transaction per case; then the first page of the
 * case list at concurrency 16 (p50/p99) against its raw query. PGlite, and PostgreSQL when
 * RETA_BENCH_DATABASE_URL (or DATABASE_URL) is set. Not a test: figures go to bench/RESULTS.md.
 *
 *   npm run bench -- --api                       # 500 cases per concurrency level and path
 *   npm run bench -- --api --cases 200 --only pglite
 */
import { loadavg } from 'node:os';
import { desc, eq, sql } from 'drizzle-orm';
import type { CaseCreate } from '../src/contracts/cases';
import { caseEvents, casePlaces, cases, caseSuspects, caseVictims, users } from '../src/db/schema';
import type { Database } from '../src/db/connect';
import { createAdminService } from '../src/server/admin/admin.service';
import { buildApp } from '../src/server/app';
import { createApiTokenService } from '../src/server/auth/api-token.service';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { systemCtx } from '../src/server/context';
import type { Deps } from '../src/server/deps';
import { insertPerson } from '../src/server/people/person.repository';
import { withTarget } from './target';

const LEVELS = [1, 8, 32];
const LIST_CONCURRENCY = 16;

function flag(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** One case as an integration sends it: two victims (one identified), one suspect, two places. */
export function caseBody(i: number): CaseCreate {
  return {
    source: 'complaint', reportedOn: '2026-03-10', factsDateFrom: '2025-11', acts: ['recruitment', 'transportation'], means: ['deception'],
    purposes: ['sexual_exploitation'], narrative: `Relato ${i}`,
    victims: [
      { person: { sex: 'female', birthYear: 2008, nationalities: ['PER'], identity: { givenNames: `Nombre${i}`, familyNames: `Apellido${i}`, document: { type: 'dni', number: String(40_000_000 + i) } } }, ageYears: 17 },
      { person: { sex: 'female', nationalities: ['VEN'] }, ageYears: 22 },
    ],
    suspects: [{ person: { sex: 'male' }, roles: ['recruiter'] }],
    places: [{ kind: 'exploitation', ubigeo: '15' }, { kind: 'recruitment', country: 'VEN' }],
  } as unknown as CaseCreate;
}

/** Runs `total` jobs with `concurrency` workers; returns each job's milliseconds and the wall time. */
export async function pool(total: number, concurrency: number, job: (i: number) => Promise<void>) {
  let next = 0;
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await job(i);
        times.push(performance.now() - t);
      }
    }),
  );
  return { times: times.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

/** CPU time of this process (server and client both run here), in milliseconds. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Samples pg_stat_activity every 100 ms while the API runs: how many of this database's sessions are
 * active and how many of them wait on a lock (a global serialisation point shows as a lock queue).
 */
function sampleLockWaits(deps: Deps) {
  const samples: { lock: number; active: number }[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const result = await deps.db.execute(sql`select count(*) filter (where wait_event_type = 'Lock')::int as lock,
        count(*) filter (where state = 'active' and pid <> pg_backend_pid())::int as active
        from pg_stat_activity where datname = current_database()`);
      const row = ((result as unknown as { rows: { lock: number; active: number }[] }).rows ?? [])[0];
      if (row) samples.push(row);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const mean = (f: (s: { lock: number; active: number }) => number) => samples.reduce((a, s) => a + f(s), 0) / Math.max(1, samples.length);
      return { lockWaiting: mean((s) => s.lock), active: mean((s) => s.active) };
    },
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The same rows the API writes for one case, in one transaction, with no checks, lookups, audit or matching. */
async function rawRegistration(deps: Deps, owner: { institutionId: string; unitId: string; userId: string }, body: CaseCreate, i: number) {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cases)
      .values({
        code: `RAW-${process.pid}-${i}-${Math.random().toString(36).slice(2)}`, institutionId: owner.institutionId, registeredByInstitutionId: owner.institutionId,
        unitId: owner.unitId, departmentCode: '15', registeredBy: owner.userId, source: body.source, reportedOn: body.reportedOn,
        factsDateFrom: body.factsDateFrom ?? null, acts: body.acts ?? [], means: body.means ?? [], purposes: body.purposes ?? [],
        narrativeEnc: deps.cipher.encrypt(body.narrative!), lastActivityAt: new Date(),
      })
      .returning({ id: cases.id });
    const caseId = row!.id;
    const victims = [];
    for (const v of body.victims ?? []) victims.push(await insertPerson(tx, deps.cipher, owner.institutionId, v.person ?? {}));
    const suspect = await insertPerson(tx, deps.cipher, owner.institutionId, body.suspects![0]!.person ?? {});
    await tx.insert(caseVictims).values(victims.map((p, k) => ({ caseId, personId: p.id, ageYears: body.victims![k]!.ageYears ?? null })));
    await tx.insert(caseSuspects).values({ caseId, personId: suspect.id, roles: ['recruiter'] });
    await tx.insert(casePlaces).values([
      { caseId, kind: 'exploitation', ubigeo: '15', country: 'PER', departmentCode: '15' },
      { caseId, kind: 'recruitment', ubigeo: null, country: 'VEN', departmentCode: null },
    ]);
    await tx.insert(caseEvents).values({ caseId, type: 'registration', actorId: owner.userId, unitId: owner.unitId, details: { source: body.source } });
  });
}

/**
 * The real API on a listening port over `database`, with a police unit and a registrar's API token: what
 * every registration bench starts from. `close()` stops the server.
 */
export async function startRegistrationServer(database: Database) {
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
    return { deps, app, base, headers, institution, unit, user, close: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  }
}

async function benchOne(kind: 'pglite' | 'postgres', database: Database, perLevel: number) {
  const { deps, base, headers, institution, unit, user, close } = await startRegistrationServer(database);
  try {
    const owner = { institutionId: institution.id, unitId: unit.id, userId: user.id };
    let n = 0;
    const lines: string[] = [];
    for (const c of LEVELS) {
      const cpuApi = cpuMs();
      const sampler = kind === 'postgres' ? sampleLockWaits(deps) : undefined;
      const api = await pool(perLevel, c, async () => {
        const i = n++;
        const response = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify(caseBody(i)) });
        if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
      });
      const apiCpu = (cpuMs() - cpuApi) / perLevel;
      const waits = await sampler?.stop();
      const cpuRaw = cpuMs();
      const raw = await pool(perLevel, c, async () => rawRegistration(deps, owner, caseBody(n++), n));
      const rawCpu = (cpuMs() - cpuRaw) / perLevel;
      const apiRate = perLevel / api.seconds;
      const rawRate = perLevel / raw.seconds;
      const lockShare = waits ? `${waits.lockWaiting.toFixed(2)} of ${waits.active.toFixed(2)}` : 'n/a';
      lines.push(`| ${kind} | ${c} | ${apiRate.toFixed(1)} | ${rawRate.toFixed(1)} | ${(apiRate / rawRate).toFixed(2)} | ${pct(api.times, 50).toFixed(0)} / ${pct(api.times, 99).toFixed(0)} | ${apiCpu.toFixed(0)} / ${rawCpu.toFixed(0)} | ${lockShare} |`);
      console.error(`  ${kind} c=${c}: api ${apiRate.toFixed(1)}/s, raw ${rawRate.toFixed(1)}/s`);
    }
    await deps.db.execute(sql`analyze`);
    const [{ total } = { total: 0 }] = await deps.db.select({ total: sql<number>`count(*)::int` }).from(cases);
    const requests = Math.max(LIST_CONCURRENCY * 10, 200);
    const listApi = (query: string) =>
      pool(requests, LIST_CONCURRENCY, async () => {
        const response = await fetch(`${base}/api/v1/cases?${query}`, { headers });
        if (response.status !== 200) throw new Error(`list answered ${response.status}`);
        await response.arrayBuffer();
      });
    const keyset = await listApi('limit=25');
    const paged = await listApi('page=1&pageSize=25');
    const raw = await pool(requests, LIST_CONCURRENCY, async () => {
      await deps.db.select().from(cases).where(eq(cases.institutionId, institution.id)).orderBy(desc(cases.registeredAt), desc(cases.id)).limit(25);
    });
    const list = (name: string, r: Awaited<ReturnType<typeof pool>>) =>
      `| ${kind} | ${name} | ${(requests / r.seconds).toFixed(0)} | ${pct(r.times, 50).toFixed(1)} | ${pct(r.times, 99).toFixed(1)} |`;
    return { registration: lines, list: [list('API first page, `?limit=25` (keyset)', keyset), list('API first page, `?page=1&pageSize=25`', paged), list('raw query (same institution, 25 newest)', raw)], total };
  } finally {
    await close();
  }
}

export async function runRegistrationBench(): Promise<void> {
  const perLevel = Number(flag('cases', '500'));
  const only = flag('only');
  const url = process.env.RETA_BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const kinds = [...(only !== 'postgres' ? (['pglite'] as const) : []), ...(only !== 'pglite' && url ? (['postgres'] as const) : [])];
  const registration: string[] = [];
  const list: string[] = [];
  const totals: string[] = [];
  const loadBefore = loadavg().map((v) => v.toFixed(1)).join(' ');
  for (const kind of kinds) {
    const result = await withTarget(kind, kind === 'postgres' ? url : undefined, (database) => benchOne(kind, database, perLevel), 10);
    registration.push(...result.registration);
    list.push(...result.list);
    totals.push(`${kind} ${result.total}`);
  }
  console.log(`\n## API registration and case list (${perLevel} cases per level and path; load average before ${loadBefore}, after ${loadavg().map((v) => v.toFixed(1)).join(' ')})\n`);
  console.log('| database | concurrency | API cases/s | raw cases/s | API ÷ raw | API ms p50 / p99 | Node CPU ms per case, API / raw | sessions waiting on a lock, of active (mean) |\n|---|---|---|---|---|---|---|---|');
  console.log(registration.join('\n'));
  console.log(`\nCase list at concurrency ${LIST_CONCURRENCY} (cases in the database: ${totals.join(', ')}):\n`);
  console.log('| database | request | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|');
  console.log(list.join('\n'));
}
