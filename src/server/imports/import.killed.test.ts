import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDriver, TEST_ADMIN_PASSWORD, TEST_AUDIT_KEY, TEST_ENCRYPTION_KEY } from '../../../test/registry';
import { createDatabaseFromTemplate } from '../../../test/template';

/**
 * Issue 12, "resumable after a crash or SIGKILL", with a real process: `reta serve` runs an import uploaded
 * through the API and is killed with SIGKILL part-way; a new `reta serve` on the same data directory (PGlite)
 * or database (PostgreSQL) resumes the job at once (its worker is known dead: src/server/jobs/job.worker.ts),
 * and every record is there once. Everything is checked through the API, as a user or another system would.
 */
const bin = join(import.meta.dirname, '../../../bin/reta.js');
const N = 300; // cases, and as many victims: batches of 25, 50, 100… leave the kill time to land part-way
const WAIT_MS = 150_000; // never hangs: every wait below has this ceiling, and afterAll kills what is left

interface Server {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  // The whole process group of each server (it was started detached: it leads its own group).
  for (const child of children) if (child.exitCode === null && child.signalCode === null) try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 30_000);

async function until<T>(what: string, probe: () => Promise<T | undefined>, server?: Server, everyMs = 100): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (server && (server.child.exitCode !== null || server.child.signalCode !== null)) throw new Error(`server exited while waiting for ${what}: ${server.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${server ? `: ${server.output().slice(-2000)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A database of its own for the servers: a fresh PGlite directory, or a PostgreSQL database from the migrated template. */
async function database(dir: string): Promise<Record<string, string>> {
  if (testDriver() === 'pglite') return { RETA_DATA_DIR: join(dir, 'data') };
  const copy = await createDatabaseFromTemplate(process.env.RETA_TEST_DATABASE_URL!, 'imports_killed');
  cleanups.push(copy.drop);
  return { DATABASE_URL: copy.url };
}

function serve(dir: string, env: Record<string, string>): Server {
  const { DATABASE_URL: _a, RETA_DATA_DIR: _b, ...inherited } = process.env;
  const child = spawn(process.execPath, [bin, 'serve'], { cwd: dir, env: { ...inherited, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exit, output: () => out };
}

/** A signed-in user of the running server (cookie and CSRF token), over real HTTP. */
class Http {
  constructor(readonly base: string, private cookie = '', private csrf = '') {}
  async login(username: string, password: string) {
    const res = await fetch(`${this.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    this.cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }
  async call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const isForm = body instanceof FormData;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, 'accept-language': 'en', ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }), ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text) as T };
  }
}

interface Change { entity: string; id: string; externalId: string | null; kind: string; committedAt: string }

/** The whole change feed the user may read, page after page. */
async function changes(http: Http): Promise<Change[]> {
  const all: Change[] = [];
  let cursor = '';
  for (;;) {
    const page = await http.call<{ items: Change[]; nextCursor: string; hasMore: boolean }>('GET', `/api/v1/changes?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    all.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (!page.body.hasMore) return all;
  }
}

describe(`a real \`reta serve\` killed with SIGKILL during an import (${testDriver()})`, () => {
  it('resumes the job on restart: every row once, the job done, created and unchanged counted right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reta-import-killed-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const port = 4100 + Math.floor(Math.random() * 800);
    const env = {
      ...(await database(dir)),
      RETA_HOST: '127.0.0.1', RETA_PORT: String(port), RETA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, RETA_AUDIT_KEY: TEST_AUDIT_KEY,
      RETA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, RETA_2FA_ROLES: '', RETA_AUDIT_ANCHOR_EVERY: '0', RETA_WEBHOOK_INTERVAL_SECONDS: '0',
      RETA_BACKUP_EVERY: '0', RETA_LOG_LEVEL: 'info', RETA_KEY_FILE: join(dir, 'reta.key'), RETA_AUDIT_KEY_FILE: join(dir, 'audit.key'),
      RETA_AUDIT_ANCHOR_DIR: join(dir, 'anchors'), RETA_BACKUP_DIR: join(dir, 'backups'),
    };
    const base = `http://127.0.0.1:${port}`;
    const ready = (server: Server) => until('the server to listen', async () => ((await fetch(`${base}/api/ready`)).ok ? true : undefined), server, 200);

    // 1. A server, an institution with a registrar who imports a file of N cases and N victims.
    const first = serve(dir, env);
    await ready(first);
    const admin = await new Http(base).login('admin', TEST_ADMIN_PASSWORD);
    const t = randomBytes(3).toString('hex');
    const institution = await admin.call('POST', '/api/v1/institutions', { code: `KILL-${t}`, name: `Comisaría ${t}`, kind: 'police', ubigeo: '15' });
    expect(institution.status, JSON.stringify(institution.body)).toBe(201);
    const unit = await admin.call('POST', '/api/v1/units', { institutionId: institution.body.id, code: `U-${t}`, name: `Unidad ${t}`, ubigeo: '15' });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const username = `importer-${t}`;
    const made = await admin.call('POST', '/api/v1/users', {
      username, displayName: `Importer ${t}`, institutionId: institution.body.id, unitId: unit.body.id, roles: ['registrar'], scope: { national: false, departments: ['15'] }, password: 'First-Password-2026-x',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const firstLogin = await new Http(base).login(username, 'First-Password-2026-x');
    expect((await firstLogin.call('POST', '/api/v1/auth/password', { currentPassword: 'First-Password-2026-x', newPassword: 'Quipu-Andino-Lucuma-77' })).status).toBe(204);
    const user = await new Http(base).login(username, 'Quipu-Andino-Lucuma-77');

    const lines = [
      ...Array.from({ length: N }, (_, i) => ({ entity: 'cases', id_externo: `K-${t}-${i}`, fuente: 'complaint', fecha_denuncia: '2026-01-15', conductas: 'recruitment', finalidades: 'forced_labour' })),
      ...Array.from({ length: N }, (_, i) => ({ entity: 'victims', id_externo: `KV-${t}-${i}`, id_externo_caso: `K-${t}-${i}`, sexo: 'female', edad: 15 + (i % 20) })),
    ];
    const file = () => {
      const form = new FormData();
      form.append('file', new Blob([lines.map((l) => JSON.stringify(l)).join('\n')], { type: 'application/x-ndjson' }), 'registro.ndjson');
      return form;
    };
    const queued = await user.call('POST', '/api/v1/imports', file());
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const jobId = queued.body.id as string;

    // 2. Killed (the whole process group) once the job has written part of the file: the server logs each
    // progress it stores (on PGlite the API may answer only between the import's transactions).
    const processed = await until('the import to write its first rows', async () => {
      const line = first.output().split('\n').find((l) => l.includes('"job progress"') && l.includes(jobId) && l.includes('"importing"'));
      return line ? Number(JSON.parse(line).progress.processed) : undefined;
    }, first, 10);
    process.kill(-first.child.pid!, 'SIGKILL');
    const killedAt = new Date();
    expect((await first.exit).signal).toBe('SIGKILL');
    expect(processed).toBeGreaterThan(0);

    // 3. A new server on the same database takes the orphaned job over at once and finishes it.
    const second = serve(dir, env);
    await ready(second);
    const again = await new Http(base).login(username, 'Quipu-Andino-Lucuma-77');
    const done = await until('the resumed job to end', async () => {
      const job = (await again.call('GET', `/api/v1/imports/${jobId}`)).body;
      return ['done', 'failed', 'cancelled'].includes(job.status) ? job : undefined;
    }, second, 250);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.attempts, first.output().split('\n').filter((l) => l.includes('job progress')).join('\n')).toBe(2);

    // Every case and every person exactly once, whatever the kill interrupted.
    const feed = await changes(again);
    const idsBy = (entity: string, prefix: string) => {
      const map = new Map<string, Set<string>>();
      for (const c of feed) if (c.entity === entity && c.externalId?.startsWith(prefix)) map.set(c.externalId, (map.get(c.externalId) ?? new Set()).add(c.id));
      return map;
    };
    const caseIds = idsBy('case', `K-${t}-`);
    const personIds = idsBy('person', `KV-${t}-`);
    expect(caseIds.size).toBe(N);
    expect([...caseIds.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(personIds.size).toBe(N);
    expect([...personIds.values()].every((ids) => ids.size === 1)).toBe(true);

    // What the killed run had committed answers `unchanged` in the resumed one; the rest is created.
    const writtenBeforeKill = new Set(feed.filter((c) => c.kind === 'created' && new Date(c.committedAt) <= killedAt && c.externalId?.includes(`-${t}-`)).map((c) => `${c.entity}|${c.externalId}`));
    const before = (entity: string) => [...writtenBeforeKill].filter((k) => k.startsWith(`${entity}|`)).length;
    const casesBefore = before('case');
    expect(casesBefore).toBeGreaterThan(0);
    expect(casesBefore).toBeLessThan(N);
    expect(done.result.entities.cases).toEqual({ created: N - casesBefore, updated: 0, unchanged: casesBefore, conflict: 0, refused: 0 });
    const victimsBefore = before('person');
    expect(done.result.entities.victims).toEqual({ created: N - victimsBefore, updated: 0, unchanged: victimsBefore, conflict: 0, refused: 0 });

    // 4. The same file again: nothing to write.
    const replay = await again.call('POST', '/api/v1/imports', file());
    expect(replay.status).toBe(202);
    const replayed = await until('the replay to end', async () => {
      const job = (await again.call('GET', `/api/v1/imports/${replay.body.id}`)).body;
      return ['done', 'failed', 'cancelled'].includes(job.status) ? job : undefined;
    }, second, 250);
    expect(replayed.result.entities.cases).toEqual({ created: 0, updated: 0, unchanged: N, conflict: 0, refused: 0 });
    expect(replayed.result.entities.victims).toEqual({ created: 0, updated: 0, unchanged: N, conflict: 0, refused: 0 });

    // Stopped cleanly (SIGTERM: the database is closed, the PGlite directory unlocked).
    process.kill(second.child.pid!, 'SIGTERM');
    expect((await second.exit).code).toBe(0);
  }, 2 * WAIT_MS + 60_000);
});
