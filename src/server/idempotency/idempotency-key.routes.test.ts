import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { cases, caseSuspects, caseVictims, hotlineCalls, justiceEvents } from '../../db/schema';
import { callInput } from '../hotline/hotline.test-helpers';

/** Issue 10, "Saves are idempotent": a create retried with its Idempotency-Key after a lost answer is the same record. */
let registry: TestRegistry;
let registrar: MadeUser;
let colleague: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
  colleague = await makeUser(registry, { roles: ['registrar'], institutionId: registrar.institutionId, unitId: registrar.unitId });
});
afterAll(() => registry.close());

const keyed = (user: MadeUser, key: string) => user.client.withHeaders({ 'idempotency-key': key });
const minimal = (extra: Record<string, unknown> = {}) => ({ source: 'complaint', reportedOn: '2026-02-01', ...extra });
const countWhere = async (table: typeof cases | typeof caseVictims | typeof caseSuspects | typeof hotlineCalls | typeof justiceEvents, where: ReturnType<typeof eq>) =>
  Number((await registry.deps.db.select({ n: count() }).from(table as typeof cases).where(where))[0]!.n);
const casesRegisteredBy = (user: MadeUser) => countWhere(cases, eq(cases.registeredBy, user.id));

describe('Idempotency-Key on POST /api/v1/cases', () => {
  it('the same key twice is one case (201, then 200 with the same id); the same key with other data is 409 and writes nothing', async () => {
    const key = randomUUID();
    const before = await casesRegisteredBy(registrar);
    const body = minimal({ purposes: ['forced_labour'], narrative: 'relato', victims: [{ ageYears: 15, person: { sex: 'female', identity: { givenNames: 'Rosa', familyNames: 'Quispe' } } }] });
    const first = await keyed(registrar, key).post('/api/v1/cases', body);
    expect(first.status).toBe(201);
    const retry = await keyed(registrar, key).post('/api/v1/cases', body);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.code).toBe(first.body.code);
    expect(await casesRegisteredBy(registrar)).toBe(before + 1);
    expect(await countWhere(caseVictims, eq(caseVictims.caseId, first.body.id))).toBe(1);

    for (const changed of [{ narrative: 'otro relato' }, { purposes: ['sexual_exploitation'] }, { victims: [] }]) {
      const response = await keyed(registrar, key).post('/api/v1/cases', { ...body, ...changed });
      expect(response.status, JSON.stringify(changed)).toBe(409);
      expect(response.body.error.code).toBe('idempotency.mismatch');
    }
    expect(await casesRegisteredBy(registrar)).toBe(before + 1);
  });

  it('without a key every request is a new case (the key is what makes a retry safe)', async () => {
    const before = await casesRegisteredBy(registrar);
    expect((await registrar.client.post('/api/v1/cases', minimal())).status).toBe(201);
    expect((await registrar.client.post('/api/v1/cases', minimal())).status).toBe(201);
    expect(await casesRegisteredBy(registrar)).toBe(before + 2);
  });

  it('concurrent requests with one key make one case; the others answer with it', async () => {
    const key = randomUUID();
    const before = await casesRegisteredBy(registrar);
    const answers = await Promise.all(Array.from({ length: 4 }, () => keyed(registrar, key).post('/api/v1/cases', minimal({ acts: ['recruitment'] }))));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect(await casesRegisteredBy(registrar)).toBe(before + 1);
  });

  it('a key is the user’s own: another user with the same key makes her own case; a malformed key is 400', async () => {
    const key = randomUUID();
    const mine = await keyed(registrar, key).post('/api/v1/cases', minimal());
    const hers = await keyed(colleague, key).post('/api/v1/cases', minimal());
    expect([mine.status, hers.status]).toEqual([201, 201]);
    expect(hers.body.id).not.toBe(mine.body.id);
    for (const bad of ['short', 'x'.repeat(129), "'; drop table cases; --", 'clé-ñandú-12345']) {
      const response = await keyed(registrar, bad).post('/api/v1/cases', minimal());
      expect(response.status, bad).toBe(400);
      expect(response.body.error.code).toBe('idempotency.key_invalid');
    }
  });

  it('the key and an externalId together: a retry under both is still one case', async () => {
    const key = randomUUID();
    const body = minimal({ externalId: `SIDPOL-KEY-${key.slice(0, 8)}` });
    const first = await keyed(registrar, key).post('/api/v1/cases', body);
    const second = await keyed(registrar, key).post('/api/v1/cases', body);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
  });
});

describe('Idempotency-Key on the other creates', () => {
  it('adding a victim or a suspect: a retry is the same link; the key on another case or part is 409', async () => {
    const a = (await registrar.client.post('/api/v1/cases', minimal())).body.id as string;
    const b = (await registrar.client.post('/api/v1/cases', minimal())).body.id as string;
    const key = randomUUID();
    const victim = { ageYears: 30, person: { sex: 'male' } };
    const first = await keyed(registrar, key).post(`/api/v1/cases/${a}/victims`, victim);
    const retry = await keyed(registrar, key).post(`/api/v1/cases/${a}/victims`, victim);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.id).toBe(first.body.id);
    expect(await countWhere(caseVictims, eq(caseVictims.caseId, a))).toBe(1);
    const elsewhere = await keyed(registrar, key).post(`/api/v1/cases/${b}/victims`, victim);
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.code).toBe('idempotency.mismatch');
    expect((await keyed(registrar, key).post(`/api/v1/cases/${a}/suspects`, { person: { sex: 'male' } })).status).toBe(409);
    expect(await countWhere(caseVictims, eq(caseVictims.caseId, b))).toBe(0);
    expect(await countWhere(caseSuspects, eq(caseSuspects.caseId, a))).toBe(0);

    const suspectKey = randomUUID();
    const s1 = await keyed(registrar, suspectKey).post(`/api/v1/cases/${a}/suspects`, { roles: ['recruiter'], person: { sex: 'male' } });
    const s2 = await keyed(registrar, suspectKey).post(`/api/v1/cases/${a}/suspects`, { roles: ['recruiter'], person: { sex: 'male' } });
    expect([s1.status, s2.status]).toEqual([201, 200]);
    expect(s2.body.id).toBe(s1.body.id);
    expect(await countWhere(caseSuspects, eq(caseSuspects.caseId, a))).toBe(1);
  });

  it('a hotline call: a retry is the same call', async () => {
    const operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    const key = randomUUID();
    const body = callInput({ classification: 'information_request' });
    const first = await keyed(operator, key).post('/api/v1/hotline/calls', body);
    const retry = await keyed(operator, key).post('/api/v1/hotline/calls', body);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.id).toBe(first.body.id);
    expect(await countWhere(hotlineCalls, eq(hotlineCalls.registeredBy, operator.id))).toBe(1);
    expect((await keyed(operator, key).post('/api/v1/hotline/calls', { ...body, channel: 'whatsapp' })).status).toBe(409);
  });

  it('a justice event: a retry is the same event; the key on another defendant is 409', async () => {
    const made = await registrar.client.post('/api/v1/cases', minimal({ suspects: [{ person: { sex: 'male' } }, { person: { sex: 'female' } }] }));
    const [first, second] = made.body.suspects.map((s: { id: string }) => s.id);
    const url = (suspectId: string) => `/api/v1/cases/${made.body.id}/suspects/${suspectId}/events`;
    const key = randomUUID();
    const arrest = { type: 'arrest', occurredOn: '2026-02-01' };
    const one = await keyed(registrar, key).post(url(first), arrest);
    const again = await keyed(registrar, key).post(url(first), arrest);
    expect([one.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(one.body.id);
    expect((await keyed(registrar, key).post(url(second), arrest)).status).toBe(409);
    expect(await countWhere(justiceEvents, eq(justiceEvents.caseId, made.body.id))).toBe(1);
  });
});

describe('prosecutors: complaints made to them, and the parties of the cases they hold (chain owner rule)', () => {
  it('a prosecutor registers a complaint received directly; the case is her institution’s', async () => {
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const complaint = await prosecutor.client.post('/api/v1/cases', minimal({ source: 'complaint', victims: [{ person: { sex: 'female' } }] }));
    expect(complaint.status).toBe(201);
    expect(complaint.body.institutionId).toBe(prosecutor.institutionId);
  });

  it('the prosecution office holding the case (police report received) adds victims and co-defendants; others may not', async () => {
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const otherProsecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const clerk = await makeUser(registry, { roles: ['court_clerk'] });
    const made = await registrar.client.post('/api/v1/cases', minimal({ suspects: [{ person: { sex: 'male' } }] }));
    const caseId = made.body.id as string;
    const suspectId = made.body.suspects[0].id as string;
    const victims = `/api/v1/cases/${caseId}/victims`;

    // Before the police report the case is not the prosecution's: it does not even exist for it.
    expect((await prosecutor.client.post(victims, { person: { sex: 'female' } })).status).toBe(404);
    const report = await registrar.client.post(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, { type: 'police_report_sent', occurredOn: '2026-02-10', receivingInstitutionId: prosecutor.institutionId });
    expect(report.status).toBe(201);

    expect((await prosecutor.client.get(`/api/v1/cases/${caseId}`)).body).toMatchObject({ accessLevel: 'granted', mayAddParties: true });
    expect((await registrar.client.get(`/api/v1/cases/${caseId}`)).body.mayAddParties).toBe(true);
    const victim = await prosecutor.client.post(victims, { ageYears: 17, person: { sex: 'female', identity: { givenNames: 'Luz' } } });
    expect(victim.status).toBe(201);
    const codefendant = await prosecutor.client.post(`/api/v1/cases/${caseId}/suspects`, { roles: ['exploiter'], person: { sex: 'male' } });
    expect(codefendant.status).toBe(201);
    expect(await countWhere(caseVictims, eq(caseVictims.caseId, caseId))).toBe(1);
    expect(await countWhere(caseSuspects, and(eq(caseSuspects.caseId, caseId))!)).toBe(2);

    // Editing the case itself stays with the owner; another office and a court cannot add parties.
    const read = await registrar.client.get(`/api/v1/cases/${caseId}`);
    const edit = await prosecutor.client.patch(`/api/v1/cases/${caseId}`, { version: read.body.version, narrative: 'x' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe('case.not_owner');
    expect((await otherProsecutor.client.post(victims, { person: { sex: 'female' } })).status).toBe(404);
    expect([403, 404]).toContain((await clerk.client.post(victims, { person: { sex: 'female' } })).status);
    // The owner (police) still adds parties too.
    expect((await registrar.client.post(victims, { person: { sex: 'male' } })).status).toBe(201);
  });
});
