import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/api-client';
import { makeInstitution, makeUser, TEST_PASSWORD, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, caseVictims, justiceEvents, users, victimReparations } from '../../db/schema';

/**
 * The access policy through HTTP (issue 8): system power is no name; analyst-wide reading never widens
 * writes whatever other role the analyst holds; onward referrals stay within the recorded consent; the
 * identifying institution of a victim is set by the server.
 */
let registry: TestRegistry;
let owner: MadeUser;
let caseId: string;
let victimIds: string[];
let personIds: string[];
let suspectId: string;

const IDENTITY = /Wilma|Cutipa|Z9988776|Relato confidencial/;

beforeAll(async () => {
  registry = await createTestRegistry();
  owner = await makeUser(registry, { roles: ['registrar'] });
  const created = await owner.client.post('/api/v1/cases', {
    source: 'complaint', reportedOn: '2026-01-02', factsDateFrom: '2025-03', acts: ['recruitment'], purposes: ['forced_labour'], narrative: 'Relato confidencial',
    victims: [
      { person: { sex: 'female', nationalities: ['BOL'], identity: { givenNames: 'Wilma', familyNames: 'Cutipa', document: { type: 'dni', number: 'Z9988776' } } }, ageYears: 15 },
      { person: { sex: 'male', nationalities: ['BOL'] }, ageYears: 17 },
      { person: { sex: 'female' }, ageYears: 16 },
    ],
    suspects: [{ person: { sex: 'male' } }],
    places: [{ kind: 'exploitation', ubigeo: '15' }],
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  victimIds = created.body.victims.map((v: { id: string }) => v.id);
  personIds = created.body.victims.map((v: { personId: string }) => v.personId);
  suspectId = created.body.suspects[0].id;
});
afterAll(() => registry.close());

describe('system power is never a username', () => {
  it('gives an account named "system" (one created before the refusal existed) no power beyond its own roles', async () => {
    // An ordinary registrar of another institution, then renamed as an account from before reserved names
    // were refused would be: the name alone must change nothing.
    const legacy = await makeUser(registry, { roles: ['registrar', 'prosecutor'] });
    await registry.deps.db.update(users).set({ username: 'system' }).where(eq(users.id, legacy.id));
    const client = await loginAs(registry.app, 'system', TEST_PASSWORD);
    expect((await client.withReason('auditoría').get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await client.get('/api/v1/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    expect((await client.patch(`/api/v1/cases/${caseId}`, { version: 1, acts: ['receipt'] })).status).toBe(404);
    expect((await client.post(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, { type: 'extradition_requested', occurredOn: '2025-10-01', country: 'BOL' })).status).toBe(404);
    expect((await client.withReason('auditoría').get(`/api/v1/persons/${personIds[0]}`)).status).toBe(404);
    // Its own work is attributed to it in the audit log.
    const mine = await client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-03', acts: ['recruitment'], purposes: ['forced_labour'], places: [{ kind: 'exploitation', ubigeo: '15' }] });
    expect(mine.status).toBe(201);
    const entries = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, mine.body.id), eq(auditLog.action, 'case.create')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: legacy.id, institutionId: legacy.institutionId });
  });

  it('refuses reserved names at user creation through the admin API (the contract the web app and CLI use)', async () => {
    const admin = await makeUser(registry, { roles: ['administrator'] });
    const before = (await registry.deps.db.select({ id: users.id }).from(users)).length;
    for (const username of ['system', 'root', 'reta']) {
      const refused = await admin.client.post('/api/v1/users', {
        username, displayName: 'X', institutionId: owner.institutionId, roles: ['registrar'], scope: { national: true, departments: [] }, password: TEST_PASSWORD,
      });
      expect(refused.status, username).toBe(400);
      expect(refused.body.error.fields.username).toMatch(/reserved|reservado/);
    }
    expect((await registry.deps.db.select({ id: users.id }).from(users)).length).toBe(before);
    // Ordinary names still work.
    const ok = await admin.client.post('/api/v1/users', {
      username: 'system.ops', displayName: 'Ops', institutionId: owner.institutionId, roles: ['registrar'], scope: { national: false, departments: ['15'] }, password: TEST_PASSWORD,
    });
    expect(ok.status).toBe(201);
  });
});

describe('analyst-wide reading never widens writes, whatever other role the actor holds', () => {
  it('analyst + social worker: reads the victim, writes nothing for it, cannot refer it to its own institution', async () => {
    const both = await makeUser(registry, { roles: ['analyst', 'social_worker'], national: true, kind: 'social_services' });
    const victimId = victimIds[0]!;
    expect((await both.client.get(`/api/v1/victims/${victimId}/protection`)).status).toBe(200);
    const writes = [
      await both.client.patch(`/api/v1/victims/${victimId}/identification`, { identificationStatus: 'not_a_victim', version: 1 }),
      await both.client.post(`/api/v1/victims/${victimId}/reparations`, { kind: 'reparation', orderedAmount: 1000, currency: 'PEN' }),
      await both.client.post(`/api/v1/victims/${victimId}/repatriations`, { fromCountry: 'PER', toCountry: 'BOL', repatriatedOn: '2026-01-10' }),
      await both.client.post(`/api/v1/victims/${victimId}/residency-permits`, { permitType: 'humanitarian', grantedOn: '2026-01-10' }),
      await both.client.post('/api/v1/referrals', { victimId, toInstitutionId: both.institutionId, serviceType: 'shelter', consentGiven: true }),
    ];
    expect(writes.map((w) => w.status)).toEqual([403, 403, 403, 403, 403]);
    expect(writes.every((w) => w.body.error.code === 'protection.victim_read_only')).toBe(true);
    const [victim] = await registry.deps.db.select().from(caseVictims).where(eq(caseVictims.id, victimId));
    expect(victim!.identificationStatus).not.toBe('not_a_victim');
    expect(await registry.deps.db.select().from(victimReparations).where(eq(victimReparations.caseVictimId, victimId))).toHaveLength(0);
    // No referral was made, so a plain registrar of that institution still cannot see the case.
    const colleague = await makeUser(registry, { roles: ['registrar'], institutionId: both.institutionId, national: true });
    expect((await colleague.client.withReason('seguimiento').get(`/api/v1/cases/${caseId}`)).status).toBe(404);
  });

  it('analyst + registrar and analyst + prosecutor: no identity on any case route, no justice step on another institution’s case', async () => {
    const registrar = await makeUser(registry, { roles: ['analyst', 'registrar'], national: true });
    const seen = await registrar.client.withReason('estadística').get(`/api/v1/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).not.toMatch(IDENTITY);
    expect((await registrar.client.withReason('estadística').get(`/api/v1/persons/${seen.body.victims[0].personId}`)).status).toBe(404);
    expect((await registrar.client.patch(`/api/v1/cases/${caseId}`, { version: 1, acts: ['receipt'] })).status).toBe(403);

    const prosecutor = await makeUser(registry, { roles: ['analyst', 'prosecutor'], national: true, kind: 'prosecution' });
    const step = await prosecutor.client.post(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, { type: 'extradition_requested', occurredOn: '2025-10-01', country: 'BOL' });
    expect(step.status).toBe(403);
    expect(await registry.deps.db.select().from(justiceEvents).where(eq(justiceEvents.caseId, caseId))).toHaveLength(0);
  });
});

describe('referral-only providers refer onward within the recorded consent; identification is the server’s', () => {
  it('an onward referral under consent is recorded in the case history the owner reads', async () => {
    const shelter = await makeUser(registry, { roles: ['social_worker'], kind: 'social_services' });
    const clinic = await makeInstitution(registry.deps, 'health');
    const sent = await owner.client.post('/api/v1/referrals', { victimId: victimIds[1], toInstitutionId: shelter.institutionId, serviceType: 'shelter', consentGiven: true });
    expect(sent.status).toBe(201);
    const onward = await shelter.client.post('/api/v1/referrals', { victimId: victimIds[1], toInstitutionId: clinic.id, serviceType: 'medical', consentGiven: true });
    expect(onward.status).toBe(201);
    expect(onward.body.consentSource).toBe('referral');
    const history = await owner.client.get(`/api/v1/cases/${caseId}/history`);
    const event = history.body.items.find((e: { type: string }) => e.type === 'referral_onward');
    expect(event).toMatchObject({ details: { referralId: onward.body.id, victimId: victimIds[1], fromInstitutionId: shelter.institutionId, toInstitutionId: clinic.id, serviceType: 'medical' } });
    // A victim the provider was not referred stays out of its reach.
    expect((await shelter.client.post('/api/v1/referrals', { victimId: victimIds[0], toInstitutionId: clinic.id, serviceType: 'medical', consentGiven: true })).status).toBe(404);
  });

  it('a victim referred without consent (override) cannot be referred onward, even claiming consent', async () => {
    const shelter = await makeUser(registry, { roles: ['social_worker', 'supervisor'], kind: 'social_services' });
    const clinic = await makeInstitution(registry.deps, 'health');
    const supervisor = await makeUser(registry, { roles: ['supervisor', 'registrar'], institutionId: owner.institutionId, unitId: owner.unitId });
    const sent = await supervisor.client.post('/api/v1/referrals', { victimId: victimIds[2], toInstitutionId: shelter.institutionId, serviceType: 'shelter', consentOverrideReason: 'Riesgo inminente para la víctima' });
    expect(sent.status).toBe(201);
    expect(sent.body.consentSource).toBe('override');
    for (const body of [{ consentGiven: true }, {}, { consentOverrideReason: 'Urgencia médica declarada' }]) {
      const refused = await shelter.client.post('/api/v1/referrals', { victimId: victimIds[2], toInstitutionId: clinic.id, serviceType: 'medical', ...body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.code).toBe('referral.onward_outside_consent');
    }
  });

  it('sets the identifying institution itself and refuses one sent by the client', async () => {
    const other = await makeInstitution(registry.deps, 'ngo');
    const base = { source: 'complaint', reportedOn: '2026-01-02', acts: ['recruitment'], purposes: ['forced_labour'], places: [{ kind: 'exploitation', ubigeo: '15' }] };
    const forged = await owner.client.post('/api/v1/cases', { ...base, victims: [{ person: { sex: 'female' }, identificationStatus: 'confirmed_victim', identifiedByInstitutionId: other.id }] });
    expect(forged.status).toBe(400);
    const created = await owner.client.post('/api/v1/cases', { ...base, victims: [{ person: { sex: 'female' }, identificationStatus: 'confirmed_victim' }] });
    expect(created.status).toBe(201);
    expect(created.body.victims[0].identifiedByInstitutionId).toBe(owner.institutionId);
  });
});
