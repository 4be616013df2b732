import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/api-client';
import { makeUser, TEST_PASSWORD, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { jobStages, type JobView } from '../../contracts/jobs';
import { openDatabase } from '../../db/connect';
import { auditLog, reportSnapshots } from '../../db/schema';
import { createAuthService } from '../auth/auth.service';
import { createDeps, type Deps } from '../deps';
import { generateDemoData } from '../demo/generator';
import { runHousekeeping } from '../ops/housekeeping';
import { createJobHandlers } from './job.handlers';
import { createJobRunner, type JobHandler } from './job.runner';

const asOf = new Date('2026-06-30T00:00:00Z');

let registry: TestRegistry;
let analyst: MadeUser;
let otherAnalyst: MadeUser;
let registrar: MadeUser;

beforeAll(async () => {
  registry = await createTestRegistry();
  await generateDemoData(registry.deps, { victims: 120, seed: 11, asOf });
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  otherAnalyst = await makeUser(registry, { roles: ['analyst'], national: true });
  registrar = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

const cookieOf = (user: MadeUser) => (user.client as unknown as { auth: { cookie: string } }).auth.cookie;
/** A file as the browser downloads it: the raw bytes. */
const download = (user: MadeUser, url: string) => registry.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en', cookie: cookieOf(user) } });

/** The server's handlers, each call seen by `around` (which may act through the API in the middle of a job). */
function observed(deps: Deps, around: (kind: string, jobId: string, run: () => Promise<unknown>) => Promise<unknown>): Record<string, JobHandler> {
  const handlers = createJobHandlers(deps);
  return Object.fromEntries(Object.entries(handlers).map(([kind, handler]) => [kind, ((job, control) => around(kind, job.id, () => handler(job, control))) as JobHandler]));
}

/** The handlers with every progress report watched: `onProgress` runs after the step is stored (and before the runner's own stop check). */
function watchingProgress(deps: Deps, onProgress: (jobId: string, progress: Record<string, unknown>) => Promise<void>): Record<string, JobHandler> {
  const handlers = createJobHandlers(deps);
  return Object.fromEntries(
    Object.entries(handlers).map(([kind, handler]) => [
      kind,
      ((job, control) =>
        handler(job, {
          checkpoint: () => control.checkpoint(),
          async progress(progress) {
            await onProgress(job.id, progress);
            await control.progress(progress);
          },
        })) as JobHandler,
    ]),
  );
}

const start = async (user: MadeUser, body: Record<string, unknown>) => {
  const response = await user.client.post('/api/v1/jobs', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  expect(response.body.status).toBe('queued');
  return response.body as JobView;
};
const view = async (user: MadeUser, id: string) => (await user.client.get(`/api/v1/jobs/${id}`)).body as JobView;

describe('background jobs of reports and exports', () => {
  it('builds the annual report in the background, one step per part of the build, and serves the very bytes its snapshot renders to', async () => {
    const seen: string[] = [];
    const runner = createJobRunner(registry.deps, watchingProgress(registry.deps, async (id) => {
      // What the requester sees while it runs: the step stored just before.
      const now = await view(analyst, id);
      seen.push(`${now.status} ${now.progress.step}/${now.progress.steps} ${now.progress.stage}`);
    }));
    for (const format of ['pdf', 'docx'] as const) {
      const job = await start(analyst, { kind: 'report.annual', year: 2025, format });
      expect(job.progress).toEqual({ step: 0, steps: 8, stage: null });
      seen.length = 0;
      expect(await runner.drain()).toBe(1);
      const stages = jobStages['report.annual'];
      // Each line is what the API showed as the next step began: the one before it, stored.
      expect(seen).toEqual(stages.map((_, i) => (i === 0 ? 'running 0/8 null' : `running ${i}/8 ${stages[i - 1]}`)));
      const done = await view(analyst, job.id);
      expect(done).toMatchObject({ status: 'done', progress: { step: 8, steps: 8, stage: 'file' }, fileName: `reta-annual-report-2025.${format}`, error: null });
      expect(done.expiresAt).not.toBeNull();
      const snapshotId = done.result!.snapshotId as string;

      const file = await download(analyst, `/api/v1/jobs/${job.id}/result`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['cache-control']).toBe('no-store');
      expect(file.headers['content-disposition']).toContain(`reta-annual-report-2025.${format}`);
      expect(file.rawPayload.length).toBe(done.fileBytes);
      const [audit] = await registry.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
      expect(audit).toMatchObject({ action: 'job.download', entityId: job.id });
      // The report is deterministic: the snapshot the job froze, rendered by the synchronous route, is the same file.
      const direct = await download(analyst, `/api/v1/reports/annual/${snapshotId}/report.${format}`);
      expect(direct.statusCode).toBe(200);
      expect(Buffer.compare(file.rawPayload, direct.rawPayload)).toBe(0);
    }
  });

  it('makes an export as the synchronous route does, byte for byte', async () => {
    const job = await start(analyst, { kind: 'export.glotip', year: 2025, format: 'csv' });
    await createJobRunner(registry.deps, createJobHandlers(registry.deps)).drain();
    expect(await view(analyst, job.id)).toMatchObject({ status: 'done', progress: { step: 4, steps: 4 }, fileName: 'reta-glotip-2025.csv' });
    const file = await download(analyst, `/api/v1/jobs/${job.id}/result`);
    const direct = await download(analyst, '/api/v1/exports/glotip.csv?year=2025');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(direct.headers['content-type']);
    expect(Buffer.compare(file.rawPayload, direct.rawPayload)).toBe(0);
  });

  it('stops a running job between two steps when its requester cancels it: nothing frozen, no file', async () => {
    const snapshotsBefore = (await registry.deps.db.select({ id: reportSnapshots.id }).from(reportSnapshots)).length;
    const job = await start(analyst, { kind: 'report.annual', year: 2024, format: 'pdf' });
    const stagesRun: unknown[] = [];
    const runner = createJobRunner(registry.deps, watchingProgress(registry.deps, async (id, progress) => {
      stagesRun.push(progress.stage);
      if (progress.stage !== 'prosecution') return;
      // The requester presses "cancel" while the prosecution figures are about to be computed.
      const cancelled = await analyst.client.post(`/api/v1/jobs/${id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'running', cancelRequested: true });
    }));
    expect(await runner.drain()).toBe(1);
    expect(stagesRun).toEqual(['overview', 'prevention', 'prosecution']);
    const after = await view(analyst, job.id);
    expect(after).toMatchObject({ status: 'cancelled', progress: { step: 3, steps: 8, stage: 'prosecution' }, fileName: null, fileBytes: null });
    expect((await registry.deps.db.select({ id: reportSnapshots.id }).from(reportSnapshots)).length).toBe(snapshotsBefore);
    expect((await analyst.client.get(`/api/v1/jobs/${job.id}/result`)).status).toBe(409);

    // A job cancelled before any runner took it never runs.
    const queued = await start(analyst, { kind: 'export.ctdc', k: 5, format: 'csv' });
    expect((await analyst.client.post(`/api/v1/jobs/${queued.id}/cancel`)).body.status).toBe('cancelled');
    expect(await createJobRunner(registry.deps, createJobHandlers(registry.deps)).drain()).toBe(0);
  });

  it('is its requester’s alone: another analyst cannot see, follow, cancel or download it; a role without exports cannot start one', async () => {
    const job = await start(analyst, { kind: 'export.ctdc', k: 5, format: 'json' });
    await createJobRunner(registry.deps, createJobHandlers(registry.deps)).drain();
    expect((await view(analyst, job.id)).status).toBe('done');
    expect((await otherAnalyst.client.get(`/api/v1/jobs/${job.id}`)).status).toBe(404);
    expect((await otherAnalyst.client.get(`/api/v1/jobs/${job.id}/result`)).status).toBe(404);
    expect((await otherAnalyst.client.post(`/api/v1/jobs/${job.id}/cancel`)).status).toBe(404);
    expect((await otherAnalyst.client.get('/api/v1/jobs')).body.items.map((j: JobView) => j.id)).not.toContain(job.id);
    expect((await analyst.client.get('/api/v1/jobs')).body.items.map((j: JobView) => j.id)).toContain(job.id);
    expect((await registrar.client.post('/api/v1/jobs', { kind: 'export.glotip', year: 2025, format: 'csv' })).status).toBe(403);
    expect((await registrar.client.get(`/api/v1/jobs/${job.id}`)).status).toBe(403);
    // A snapshot the requester cannot read cannot be rendered by a job either; a future year is refused at once.
    expect((await analyst.client.post('/api/v1/jobs', { kind: 'report.annual_file', snapshotId: '00000000-0000-4000-8000-000000000000', format: 'pdf' })).status).toBe(404);
    expect((await analyst.client.post('/api/v1/jobs', { kind: 'report.annual', year: new Date().getUTCFullYear() + 1, format: 'pdf' })).status).toBe(400);
  });

  it('two runners on one database (two instances) never run one job twice', async () => {
    // On PostgreSQL the second runner has its own connection pool, as a second server instance would.
    const second = registry.deps.database.kind === 'postgres'
      ? await openDatabase({ databaseUrl: registry.deps.database.connectionUrl!, poolSize: 2 })
      : undefined;
    const secondDeps = second ? createDeps(registry.deps.config, second, registry.deps.cipher) : registry.deps;
    try {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await start(analyst, { kind: 'export.glotip', year: 2025, format: 'json' })).id);
      for (let i = 0; i < 4; i++) ids.push((await start(analyst, { kind: 'export.table', format: 'csv', query: { indicator: 'victims', by: 'sex' } })).id);
      const runs: Array<{ runner: string; job: string }> = [];
      const runnerOf = (deps: Deps, name: string) =>
        createJobRunner(deps, observed(deps, async (_kind, job, run) => {
          runs.push({ runner: name, job });
          return run();
        }));
      const [a, b] = await Promise.all([runnerOf(registry.deps, 'a').drain(), runnerOf(secondDeps, 'b').drain()]);
      expect(a + b).toBe(ids.length);
      expect(runs.map((r) => r.job).sort()).toEqual([...ids].sort());
      for (const id of ids) expect((await view(analyst, id)).status).toBe('done');
    } finally {
      await second?.close();
    }
  });

  it('housekeeping removes a finished job and its file RETA_JOB_RESULT_DAYS after it ended', async () => {
    const job = await start(analyst, { kind: 'export.glotip', year: 2025, format: 'xlsx' });
    await createJobRunner(registry.deps, createJobHandlers(registry.deps)).drain();
    const done = await view(analyst, job.id);
    const expires = new Date(done.expiresAt!).getTime();
    expect(expires - new Date(done.finishedAt!).getTime()).toBe(registry.deps.config.jobResultDays * 86_400_000);
    const auth = createAuthService(registry.deps);
    await runHousekeeping(registry.deps, auth, new Date(expires - 3_600_000));
    // Far-future housekeeping also ends sessions: sign in again to look.
    const again = await loginAs(registry.app, analyst.username, TEST_PASSWORD);
    expect((await again.get(`/api/v1/jobs/${job.id}/result`)).status).toBe(200);
    await runHousekeeping(registry.deps, auth, new Date(expires + 3_600_000));
    const later = await loginAs(registry.app, analyst.username, TEST_PASSWORD);
    expect((await later.get(`/api/v1/jobs/${job.id}`)).status).toBe(404);
    expect(await registry.deps.db.select().from(auditLog).where(eq(auditLog.entityId, job.id))).not.toHaveLength(0);
  });
});
