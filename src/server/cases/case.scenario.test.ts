import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/api-client';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../../../test/registry';
import { uniqueCode } from '../../../test/factories';

let registry: TestRegistry;
let admin: ApiClient;
beforeAll(async () => {
  registry = await createTestRegistry();
  admin = await loginAs(registry.app, 'admin', TEST_ADMIN_PASSWORD);
});
afterAll(() => registry.close());

const FIRST_PASSWORD = 'First-Password-For-Now-1';
const OWN_PASSWORD = 'My-Own-Password-Chosen-2';

/** Everything through the API, as an administrator would: institution, unit, user; then the user's first login. */
async function setUp(kind: string, roles: string[], ubigeo = '15') {
  const institution = await admin.post('/api/v1/institutions', { code: uniqueCode('INST'), name: `Institución ${kind}`, kind });
  expect(institution.status).toBe(201);
  const unit = await admin.post('/api/v1/units', { institutionId: institution.body.id, code: uniqueCode('U'), name: 'Unidad', ubigeo });
  expect(unit.status).toBe(201);
  const username = uniqueCode(roles[0]!).toLowerCase();
  const user = await admin.post('/api/v1/users', {
    username, displayName: username, institutionId: institution.body.id, unitId: unit.body.id, roles, scope: { national: false, departments: [ubigeo.slice(0, 2)] }, password: FIRST_PASSWORD,
  });
  expect(user.status).toBe(201);
  const first = await loginAs(registry.app, username, FIRST_PASSWORD);
  expect((await first.post('/api/v1/auth/password', { currentPassword: FIRST_PASSWORD, newPassword: OWN_PASSWORD })).status).toBe(204);
  return { institution: institution.body, unit: unit.body, client: await loginAs(registry.app, username, OWN_PASSWORD) };
}

describe('issue 2 — done when', () => {
  it('registers a case with a child without documents, an adult and a suspect; scope, identity and audit hold', async () => {
    const police = await setUp('police', ['registrar']);
    const other = await setUp('police', ['registrar']);
    const analystSetup = await setUp('other', ['analyst']);

    const created = await police.client.withReason('registering the complaint').post('/api/v1/cases', {
      source: 'complaint',
      reportedOn: '2026-01-10',
      factsDateFrom: '2025-11',
      acts: ['recruitment', 'transportation'],
      means: [],
      purposes: ['sexual_exploitation'],
      narrative: 'Relato reservado del caso',
      victims: [
        { person: { sex: 'female', hasIdentityDocument: 'no', identity: { givenNames: 'Rosa', familyNames: 'Quispe Mamani' } }, ageYears: 16, ageEstimated: true },
        { person: { sex: 'female', nationalities: ['VEN'], identity: { givenNames: 'Ana', familyNames: 'Pérez', document: { type: 'passport', number: 'X1234567' } } }, ageYears: 24, ageVerified: true },
      ],
      suspects: [{ person: { sex: 'male', identity: { givenNames: 'Juan', familyNames: 'Torres' } }, roles: ['recruiter'] }],
      places: [{ kind: 'exploitation', ubigeo: '17' }, { kind: 'recruitment', country: 'VEN' }],
    });
    expect(created.status).toBe(201);
    const c = created.body;
    expect(c.code).toMatch(/^RETA-\d{4}-\d{6}$/);
    expect(c.palermo).toMatchObject({ isTrafficking: true, hasMeans: false, hasChildVictim: true, missing: [] });
    expect(c.victims.map((v: any) => [v.ageGroup, v.isChild])).toEqual([['presumed_child', true], ['adult', false]]);
    expect(c.victims[0].person.identity.givenNames).toBe('Rosa');
    expect(c.narrative).toBe('Relato reservado del caso');
    expect(c.departmentCode).toBe('15');

    // Another institution: the case does not exist for it.
    expect((await other.client.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    expect((await other.client.get('/api/v1/cases')).body.items.map((i: any) => i.id)).not.toContain(c.id);

    // The analyst sees the case, never identity nor narrative (not even the keys).
    const seen = await analystSetup.client.withReason('statistics').get(`/api/v1/cases/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.palermo.isTrafficking).toBe(true);
    expect(seen.body.victims).toHaveLength(2);
    for (const p of [...seen.body.victims, ...seen.body.suspects]) {
      expect(p.person).not.toHaveProperty('identity');
      expect(p.person).not.toHaveProperty('identityAvailable');
    }
    expect(seen.body).not.toHaveProperty('narrative');
    expect(JSON.stringify(seen.body)).not.toMatch(/Rosa|Quispe|X1234567|Relato/);

    // The registrar without a reason: no identity, told it is available.
    const noReason = await police.client.get(`/api/v1/cases/${c.id}`);
    expect(noReason.body.identityAvailable).toBe(true);
    expect(noReason.body.victims[0].person).not.toHaveProperty('identity');
    expect(noReason.body.victims[0].person.identityAvailable).toBe(true);

    // With a reason: identity, and the read is in the audit log with its reason.
    const withReason = await police.client.withReason('seguimiento del caso').get(`/api/v1/cases/${c.id}`);
    expect(withReason.body.victims[1].person.identity.document).toEqual({ type: 'passport', number: 'X1234567' });
    const audit = await admin.get(`/api/v1/audit?action=identity.read&entityId=${c.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: any) => e.reason)).toContain('other: seguimiento del caso');
    const entry = audit.body.items.find((e: any) => e.reason === 'other: seguimiento del caso');
    expect(entry.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(audit.body)).not.toMatch(/Rosa|Quispe|X1234567/);

    // The case history starts with its registration.
    const history = await police.client.get(`/api/v1/cases/${c.id}/history`);
    expect(history.body.items.map((e: any) => e.type)).toEqual(['registration']);
  });
});
