import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/api-client';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../../../test/registry';
import { demoResetSettled } from './demo.job';
import { generateDemoData, type DemoSummary } from './generator';
import { resetDemoData } from './reset';

const rowsOf = async <T>(registry: TestRegistry, query: ReturnType<typeof sql>) => ((await registry.deps.db.execute(query)) as unknown as { rows: T[] }).rows;
const codes = async (registry: TestRegistry) => new Set((await rowsOf<{ code: string }>(registry, sql`select code from cases`)).map((r) => r.code));
const minimalCase = (extra: Record<string, unknown> = {}) => ({ source: 'complaint', reportedOn: new Date().toISOString().slice(0, 10), purposes: ['sexual_exploitation'], ...extra });

async function waitForReset(client: ApiClient) {
  for (let i = 0; i < 600; i++) {
    const status = await client.get('/api/v1/admin/demo');
    if (status.body.reset.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the reset did not finish');
}

describe('registering on a freshly generated demo database', () => {
  let demo: TestRegistry;
  let summary: DemoSummary;
  beforeAll(async () => {
    demo = await createTestRegistry({ demoMode: true });
    // History up to today: this year's cases are numbered RETA-<this year>-000001… like live registrations.
    summary = await generateDemoData(demo.deps, { victims: 250, seed: 1 });
  });
  afterAll(() => demo.close());

  it('answers 201 to registrars and inspectors at once, with codes the generator did not use', async () => {
    const generated = await codes(demo);
    const year = new Date().getUTCFullYear();
    expect(generated.has(`RETA-${year}-000001`)).toBe(true);
    const registrar = await loginAs(demo.app, 'demo-registrar', summary.password);
    const inspector = await loginAs(demo.app, 'demo-labour-inspector', summary.password);
    const made = await Promise.all([
      registrar.post('/api/v1/cases', minimalCase()),
      registrar.post('/api/v1/cases', minimalCase({ purposes: ['forced_labour'] })),
      inspector.post('/api/v1/cases', minimalCase({ source: 'labour_inspection', purposes: ['forced_labour'] })),
    ]);
    expect(made.map((r) => r.status), JSON.stringify(made.map((r) => r.body))).toEqual([201, 201, 201]);
    const newCodes = made.map((r) => r.body.code as string);
    expect(new Set(newCodes).size).toBe(3);
    for (const code of newCodes) {
      expect(code).toMatch(new RegExp(`^RETA-${year}-\\d{6}$`));
      expect(generated.has(code), code).toBe(false);
    }
    const opened = await registrar.get(`/api/v1/cases/${made[0]!.body.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.code).toBe(newCodes[0]);
  });

  it('recovers when the sequence is behind the codes in use (a demo made by the old generator): 201, the next free code', async () => {
    // The state the old generator left: cases numbered, sequences never advanced.
    await demo.deps.db.execute(sql`delete from case_code_sequences`);
    const year = new Date().getUTCFullYear();
    const highest = Math.max(...[...(await codes(demo))].filter((c) => c.startsWith(`RETA-${year}-`)).map((c) => Number(c.slice(-6))));
    const registrar = await loginAs(demo.app, 'demo-registrar', summary.password);
    const made = await registrar.post('/api/v1/cases', minimalCase());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.code).toBe(`RETA-${year}-${String(highest + 1).padStart(6, '0')}`);
    const again = await registrar.post('/api/v1/cases', minimalCase());
    expect(again.body.code).toBe(`RETA-${year}-${String(highest + 2).padStart(6, '0')}`);
  });
});

describe('resetting the training data from the web app', () => {
  let demo: TestRegistry;
  let summary: DemoSummary;
  let admin: ApiClient;
  let registrar: ApiClient;
  beforeAll(async () => {
    demo = await createTestRegistry({ demoMode: true });
    summary = await generateDemoData(demo.deps, { victims: 150, seed: 4, asOf: new Date('2026-06-30T00:00:00Z') });
    admin = await loginAs(demo.app, 'demo-administrator', summary.password);
    registrar = await loginAs(demo.app, 'demo-registrar', summary.password);
  });
  afterAll(() => demo.close());

  it('is refused to roles other than administrators', async () => {
    for (const client of [registrar, await loginAs(demo.app, 'demo-analyst', summary.password), await loginAs(demo.app, 'demo-supervisor', summary.password)]) {
      expect((await client.post('/api/v1/admin/demo/reset')).status).toBe(403);
      expect((await client.get('/api/v1/admin/demo')).status).toBe(403);
    }
  });

  it('regenerates the same data with the same options, keeps accounts, passwords and sessions, and is audited', async () => {
    const before = await codes(demo);
    const trainee = await registrar.post('/api/v1/cases', minimalCase());
    expect(trainee.status).toBe(201);
    const status = await admin.get('/api/v1/admin/demo');
    expect(status.body).toMatchObject({ demoDatabase: true, generation: 'complete', seed: 4, victims: 150, asOf: '2026-06-30', asOfFixed: true });

    const started = await admin.post('/api/v1/admin/demo/reset');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.reset.state).toBe('running');
    const done = await waitForReset(admin);
    expect(done.body.reset).toMatchObject({ state: 'succeeded', victimsDone: 150, victimsTotal: 150 });
    expect(done.body.reset.rows.case_victims).toBe(150);
    expect(done.body.generation).toBe('complete');

    // The trainee's case is gone; the generated codes are the same as before (same seed, same day).
    expect((await registrar.get(`/api/v1/cases/${trainee.body.id}`)).status).toBe(404);
    expect(await codes(demo)).toEqual(before);
    // Nobody was signed out, and the printed password still opens every account.
    expect((await registrar.get('/api/v1/auth/me')).status).toBe(200);
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
    await loginAs(demo.app, 'demo-prosecutor', summary.password);
    await loginAs(demo.app, 'admin', TEST_ADMIN_PASSWORD);
    // Registration goes on after a reset, with a code the generator did not use.
    const after = await registrar.post('/api/v1/cases', minimalCase());
    expect(after.status).toBe(201);
    expect(before.has(after.body.code)).toBe(false);

    const audit = await rowsOf<{ action: string; actor_name: string; details: Record<string, unknown> }>(demo, sql`select action, actor_name, details from audit_log where action in ('demo.reset', 'demo.generate') order by id`);
    expect(audit.map((a) => a.action)).toEqual(['demo.generate', 'demo.reset', 'demo.generate']);
    expect(audit[1]).toMatchObject({ actor_name: 'demo-administrator', details: { seed: 4, victims: 150, asOf: '2026-06-30' } });
  });

  it('puts right a generation interrupted part-way, from the web app and from the command line', async () => {
    const broken = await createTestRegistry({ demoMode: true });
    try {
      const stop = new Error('killed');
      await expect(generateDemoData(broken.deps, { victims: 300, seed: 2, batchVictims: 100, password: 'Broken-Demo-Password-1', onProgress: (done) => { if (done >= 100) throw stop; } })).rejects.toBe(stop);
      const brokenAdmin = await loginAs(broken.app, 'demo-administrator', 'Broken-Demo-Password-1');
      expect((await brokenAdmin.get('/api/v1/admin/demo')).body).toMatchObject({ demoDatabase: true, generation: 'generating' });
      expect((await brokenAdmin.post('/api/v1/admin/demo/reset')).status).toBe(202);
      const done = await waitForReset(brokenAdmin);
      expect(done.body).toMatchObject({ generation: 'complete', reset: { state: 'succeeded' } });
      expect(done.body.reset.rows.case_victims).toBe(300);
      // The command line's reset accepts it too (it used to answer "not marked as demo").
      await generateDemoData(broken.deps, { victims: 300, seed: 2, batchVictims: 100, onProgress: () => { throw stop; } }).catch(() => undefined);
      await resetDemoData(broken.deps);
    } finally {
      await demoResetSettled(broken.deps);
      await broken.close();
    }
  });

  it('is refused on a database that is not a demo database, and changes nothing', async () => {
    const real = await createTestRegistry();
    try {
      const owner = await makeUser(real, { roles: ['registrar'] });
      const kept = await owner.client.post('/api/v1/cases', minimalCase());
      expect(kept.status).toBe(201);
      const realAdmin = await loginAs(real.app, 'admin', TEST_ADMIN_PASSWORD);
      expect((await realAdmin.get('/api/v1/admin/demo')).body).toMatchObject({ demoDatabase: false, generation: null });
      const refused = await realAdmin.post('/api/v1/admin/demo/reset');
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('demo.not_demo_database');
      expect((await owner.client.get(`/api/v1/cases/${kept.body.id}`)).status).toBe(200);
    } finally {
      await real.close();
    }
  });
});
