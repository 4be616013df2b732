import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, withBearer, type ApiClient } from '../../../test/api-client';
import { uniqueCode } from '../../../test/factories';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
let admin: ApiClient;
beforeAll(async () => {
  registry = await createTestRegistry();
  admin = await loginAs(registry.app, 'admin', TEST_ADMIN_PASSWORD);
});
afterAll(() => registry.close());

async function makeInstitutionAndUnit(kind = 'police') {
  const institution = await admin.post('/api/v1/institutions', { code: uniqueCode('PNP'), name: 'Policía Nacional', kind });
  expect(institution.status).toBe(201);
  const unit = await admin.post('/api/v1/units', { institutionId: institution.body.id, code: uniqueCode('DIRC'), name: 'División', ubigeo: '17' });
  expect(unit.status).toBe(201);
  return { institution: institution.body, unit: unit.body };
}

describe('administration', () => {
  it('creates institutions, units and users; new users must change their first password', async () => {
    const { institution, unit } = await makeInstitutionAndUnit();
    expect(unit.departmentCode).toBe('17');
    const username = uniqueCode('reg').toLowerCase();
    const user = await admin.post('/api/v1/users', {
      username, displayName: 'Registradora', institutionId: institution.id, unitId: unit.id, roles: ['registrar'],
      scope: { national: false, departments: ['17'] }, password: 'First-Password-2026',
    });
    expect(user.status).toBe(201);
    const client = await loginAs(registry.app, username, 'First-Password-2026');
    const blocked = await client.get('/api/v1/institutions');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('auth.password_change_required');
    expect((await client.post('/api/v1/auth/password', { currentPassword: 'First-Password-2026', newPassword: 'Second-Password-2026' })).status).toBe(204);
    expect((await client.get('/api/v1/institutions')).status).toBe(200);
  });

  it('refuses unknown UBIGEO codes, duplicate codes and stale versions with clear errors', async () => {
    const { institution } = await makeInstitutionAndUnit();
    const unknown = await admin.post('/api/v1/units', { institutionId: institution.id, code: uniqueCode('U'), name: 'X', ubigeo: '99' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.ubigeo).toMatch(/UBIGEO/);
    const duplicate = await admin.post('/api/v1/institutions', { code: institution.code, name: 'Again', kind: 'police' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('institution.code_taken');
    const first = await admin.patch(`/api/v1/institutions/${institution.id}`, { name: 'Renamed', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.patch(`/api/v1/institutions/${institution.id}`, { name: 'Lost update', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('record.stale_version');
    const list = await admin.get('/api/v1/institutions');
    expect(list.body.items.find((i: { id: string }) => i.id === institution.id).name).toBe('Renamed');
  });

  it('issues API tokens to service accounts only, and revocation takes effect at once', async () => {
    const { institution } = await makeInstitutionAndUnit('prosecution');
    const person = await admin.post('/api/v1/users', {
      username: uniqueCode('p').toLowerCase(), displayName: 'P', institutionId: institution.id, roles: ['prosecutor'],
      scope: { national: true, departments: [] }, password: 'Some-Password-2026',
    });
    expect((await admin.post('/api/v1/tokens', { userId: person.body.id, name: 'x' })).status).toBe(422);
    const service = await admin.post('/api/v1/users', {
      username: uniqueCode('sgf').toLowerCase(), displayName: 'SGF', institutionId: institution.id, roles: ['prosecutor'],
      scope: { national: true, departments: [] }, isServiceAccount: true,
    });
    expect(service.status).toBe(201);
    const token = await admin.post('/api/v1/tokens', { userId: service.body.id, name: 'SGF sync' });
    expect(token.status).toBe(201);
    const integration = withBearer(registry.app, token.body.token);
    const me = await integration.get('/api/v1/auth/me');
    expect(me.body.user.username).toBe(service.body.username);
    expect((await integration.post('/api/v1/institutions', { code: uniqueCode('X'), name: 'X', kind: 'ngo' })).status).toBe(403);
    expect((await admin.delete(`/api/v1/tokens/${token.body.id}`)).status).toBe(204);
    expect((await integration.get('/api/v1/auth/me')).status).toBe(401);
    const listed = await admin.get('/api/v1/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(token.body.token);
  });

  it('audits logins, failed logins and permission changes, filterable by action', async () => {
    const { institution } = await makeInstitutionAndUnit();
    const created = await admin.post('/api/v1/users', {
      username: uniqueCode('sup').toLowerCase(), displayName: 'S', institutionId: institution.id, roles: ['registrar'],
      scope: { national: true, departments: [] }, password: 'Some-Password-2026',
    });
    await registry.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: created.body.username, password: 'nope' } });
    const change = await admin.patch(`/api/v1/users/${created.body.id}`, { roles: ['supervisor'], version: created.body.version });
    expect(change.status).toBe(200);
    const failed = await admin.get(`/api/v1/audit?action=auth.login_failed&entityId=${created.body.id}`);
    expect(failed.body.total).toBe(1);
    const permissions = await admin.get(`/api/v1/audit?action=user.permissions_change&entityId=${created.body.id}`);
    expect(permissions.body.items[0].details.roles).toEqual(['supervisor']);
    expect(permissions.body.items[0].actorName).toBe('admin');
  });
});
