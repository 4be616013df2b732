import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { cases, persons } from '../../db/schema';
import { grantCaseAccess } from '../policy';

/** Findings of the security review of cases and people, each pinned by an API test. */
let registry: TestRegistry;
let registrarA: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrarA = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

const minimal = (extra: Record<string, unknown> = {}) => ({ source: 'complaint', reportedOn: '2026-02-01', ...extra });
const victimWith = (document: string, givenNames = 'Rosa') => ({
  person: { sex: 'female', identity: { givenNames, familyNames: 'Quispe Mamani', document: { type: 'dni', number: document } } },
  ageYears: 17,
});

describe('analyst-wide reading is without identity, whatever other roles the actor holds', () => {
  it('shows an analyst+supervisor no identity or narrative of another institution, and no search hit', async () => {
    const created = await registrarA.client.post('/api/v1/cases', minimal({ narrative: 'Relato reservado', victims: [victimWith('70112233')] }));
    expect(created.status).toBe(201);
    const mixed = await makeUser(registry, { roles: ['analyst', 'supervisor'] });

    const read = await mixed.client.withReason('supervisión').get(`/api/v1/cases/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.accessLevel).toBe('all_institutions');
    expect(read.body.victims).toHaveLength(1);
    expect(read.body.victims[0].person).not.toHaveProperty('identity');
    expect(read.body).not.toHaveProperty('narrative');
    expect(JSON.stringify(read.body)).not.toMatch(/Rosa|Quispe|70112233|Relato/);

    const search = await mixed.client.withReason('supervisión').get('/api/v1/persons?documentType=dni&documentNumber=70112233');
    expect(search.status).toBe(200);
    expect(search.body).toMatchObject({ items: [], total: 0 });
    expect((await mixed.client.withReason('supervisión').get(`/api/v1/persons/${created.body.victims[0].personId}`)).status).toBe(404);
  });

  it('still shows an analyst+supervisor the identity of their own institution’s cases, with a reason', async () => {
    const mixed = await makeUser(registry, { roles: ['analyst', 'supervisor'] });
    const colleague = await makeUser(registry, { roles: ['registrar'], institutionId: mixed.institutionId, unitId: mixed.unitId });
    const created = await colleague.client.post('/api/v1/cases', minimal({ narrative: 'Relato propio', victims: [victimWith('70445566', 'Lucía')] }));
    const read = await mixed.client.withReason('supervisión').get(`/api/v1/cases/${created.body.id}`);
    expect(read.body.accessLevel).toBe('owner');
    expect(read.body.victims[0].person.identity).toMatchObject({ givenNames: 'Lucía' });
    expect(read.body.narrative).toBe('Relato propio');
    const search = await mixed.client.get('/api/v1/persons?documentType=dni&documentNumber=70445566');
    expect(search.body.total).toBe(1);
  });
});

describe("a person's case links reveal only what the actor may see of each case", () => {
  async function victimAlsoSuspectElsewhere() {
    const first = await registrarA.client.post('/api/v1/cases', minimal({ victims: [victimWith(`7${Math.floor(Math.random() * 1e7)}`)] }));
    const personId = first.body.victims[0].personId as string;
    const second = await registrarA.client.post('/api/v1/cases', minimal({ victims: [{ person: { sex: 'male' } }], suspects: [{ personId }] }));
    expect(second.status).toBe(201);
    return { first: first.body, second: second.body, personId };
  }

  for (const roles of [['social_worker'], ['social_worker', 'analyst']] as const) {
    it(`shows a referred victim's shelter (${roles.join('+')}) the referred link, never the suspect link`, async () => {
      const { first, second, personId } = await victimAlsoSuspectElsewhere();
      const shelter = await makeUser(registry, { roles: [...roles] });
      await grantCaseAccess(registry.deps.db, { caseId: first.id, institutionId: shelter.institutionId, basis: 'referral', victimIds: [first.victims[0].id], grantedBy: null });
      await grantCaseAccess(registry.deps.db, { caseId: second.id, institutionId: shelter.institutionId, basis: 'referral', victimIds: [second.victims[0].id], grantedBy: null });
      const seen = await shelter.client.get(`/api/v1/persons/${personId}`);
      expect(seen.status).toBe(200);
      expect(seen.body.cases).toEqual([{ caseId: first.id, caseCode: first.code, role: 'victim', linkId: first.victims[0].id }]);
      expect(JSON.stringify(seen.body)).not.toContain(second.code);
    });
  }

  it('shows the owner both links', async () => {
    const { first, second, personId } = await victimAlsoSuspectElsewhere();
    const seen = await registrarA.client.get(`/api/v1/persons/${personId}`);
    expect(seen.body.cases.map((l: any) => [l.caseId, l.role]).sort()).toEqual([[first.id, 'victim'], [second.id, 'suspect']].sort());
  });
});

describe('victim identification is recorded by the protection endpoint only', () => {
  it('refuses identificationStatus and identifiedByInstitutionId on a victim update; other fields still change', async () => {
    const created = await registrarA.client.post('/api/v1/cases', minimal({ victims: [{ person: { sex: 'female' }, identificationStatus: 'possible_victim' }] }));
    const victim = created.body.victims[0];
    const url = `/api/v1/cases/${created.body.id}/victims/${victim.id}`;
    const status = await registrarA.client.patch(url, { version: victim.version, identificationStatus: 'confirmed_victim' });
    expect(status.status).toBe(400);
    const by = await registrarA.client.patch(url, { version: victim.version, identifiedByInstitutionId: registrarA.institutionId });
    expect(by.status).toBe(400);
    const ok = await registrarA.client.patch(url, { version: victim.version, ageYears: 15 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ageYears: 15, identificationStatus: 'possible_victim', identifiedByInstitutionId: null });
  });
});

describe('external ids stay keyed on the registering institution across transfers', () => {
  it('transfers a case to an institution that already used the same external id, without a 500', async () => {
    const sender = await makeUser(registry, { roles: ['registrar'] });
    const receiver = await makeUser(registry, { roles: ['registrar'] });
    const theirs = await receiver.client.post('/api/v1/cases', minimal({ externalId: 'EXP-2026-001' }));
    const ours = await sender.client.post('/api/v1/cases', minimal({ externalId: 'EXP-2026-001' }));
    expect([theirs.status, ours.status]).toEqual([201, 201]);
    const moved = await sender.client.post(`/api/v1/cases/${ours.body.id}/transfer`, { unitId: receiver.unitId, version: ours.body.version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ institutionId: receiver.institutionId, externalId: 'EXP-2026-001' });
    // The receiver's own number still answers with the receiver's own case.
    const receiverReplay = await receiver.client.post('/api/v1/cases', minimal({ externalId: 'EXP-2026-001' }));
    expect(receiverReplay.status).toBe(200);
    expect(receiverReplay.body.id).toBe(theirs.body.id);
  });

  it("answers the sender's replay after a transfer with the transferred case, not a duplicate", async () => {
    const sender = await makeUser(registry, { roles: ['registrar'] });
    const receiver = await makeUser(registry, { roles: ['registrar'] });
    const ours = await sender.client.post('/api/v1/cases', minimal({ externalId: 'EXP-2026-002' }));
    const moved = await sender.client.post(`/api/v1/cases/${ours.body.id}/transfer`, { unitId: receiver.unitId, version: ours.body.version });
    expect(moved.status).toBe(200);
    const replay = await sender.client.post('/api/v1/cases', minimal({ externalId: 'EXP-2026-002' }));
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(ours.body.id);
    const [{ n }] = await registry.deps.db.select({ n: sql<number>`count(*)::int` }).from(cases).where(eq(cases.externalId, 'EXP-2026-002'));
    expect(n).toBe(1);
  });
});

describe('concurrent registrations of the same person external id', () => {
  // On PostgreSQL the inserts really race (on PGlite they serialise); the loser used to hit persons_external_idx (500).
  it('adds the same new person to two cases at once: both succeed with one person', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const [one, two] = await Promise.all([registrar.client.post('/api/v1/cases', minimal()), registrar.client.post('/api/v1/cases', minimal())]);
    const pairs = await Promise.all(Array.from({ length: 4 }, async (_, i) => {
      const person = { externalId: `RACE-V-${i}`, sex: 'female' };
      return Promise.all([
        registrar.client.post(`/api/v1/cases/${one.body.id}/victims`, { person }),
        registrar.client.post(`/api/v1/cases/${two.body.id}/victims`, { person }),
      ]);
    }));
    for (const [a, b] of pairs) {
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.personId).toBe(b.body.personId);
    }
  });

  it('registers two cases with the same new person at once: both succeed with one person', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const person = { externalId: 'RACE-C-1', sex: 'male' };
    const results = await Promise.all([
      registrar.client.post('/api/v1/cases', minimal({ suspects: [{ person }] })),
      registrar.client.post('/api/v1/cases', minimal({ suspects: [{ person }] })),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results[0]!.body.suspects[0].personId).toBe(results[1]!.body.suspects[0].personId);
    const [{ n }] = await registry.deps.db.select({ n: sql<number>`count(*)::int` }).from(persons)
      .where(and(eq(persons.createdByInstitutionId, registrar.institutionId), eq(persons.externalId, 'RACE-C-1')));
    expect(n).toBe(1);
  });
});
