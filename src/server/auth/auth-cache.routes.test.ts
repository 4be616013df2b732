import { afterAll, beforeAll, expect, it } from 'vitest';
import { withBearer } from '../../../test/api-client';
import { makeUser, TEST_PASSWORD, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

/**
 * Token and user lookups are cached for a few seconds (issue 11), and every change made through the server
 * takes effect on the very next request: a revoked token, a disabled account, a role taken away.
 */
let registry: TestRegistry;
let admin: MadeUser;

beforeAll(async () => {
  registry = await createTestRegistry();
  admin = await makeUser(registry, { roles: ['administrator'], national: true });
});
afterAll(() => registry.close());

async function serviceAccountToken(roles: string[]) {
  const registrar = await makeUser(registry, { roles: ['registrar'] });
  const created = await admin.client.post('/api/v1/users', {
    username: `svc-${Math.random().toString(36).slice(2, 10)}`, displayName: 'Integration', institutionId: registrar.institutionId, unitId: registrar.unitId,
    roles, scope: { national: true, departments: [] }, password: TEST_PASSWORD, isServiceAccount: true,
  });
  expect(created.status).toBe(201);
  const token = await admin.client.post('/api/v1/tokens', { userId: created.body.id, name: 'sync' });
  expect(token.status).toBe(201);
  return { user: created.body, tokenId: token.body.id as string, client: withBearer(registry.app, token.body.token) };
}

it('refuses a revoked token on the next request', async () => {
  const { tokenId, client } = await serviceAccountToken(['registrar']);
  expect((await client.get('/api/v1/cases')).status).toBe(200);
  expect((await client.get('/api/v1/cases')).status).toBe(200); // now cached
  expect((await admin.client.delete(`/api/v1/tokens/${tokenId}`)).status).toBe(204);
  expect((await client.get('/api/v1/cases')).status).toBe(401);
});

it('refuses the token of a disabled account on the next request', async () => {
  const { user, client } = await serviceAccountToken(['registrar']);
  expect((await client.get('/api/v1/cases')).status).toBe(200);
  expect((await admin.client.patch(`/api/v1/users/${user.id}`, { version: user.version, disabled: true })).status).toBe(200);
  expect((await client.get('/api/v1/cases')).status).toBe(401);
});

it('applies a role change to an open session on the next request', async () => {
  const registrar = await makeUser(registry, { roles: ['registrar'] });
  expect((await registrar.client.get('/api/v1/cases')).status).toBe(200);
  const current = (await admin.client.get(`/api/v1/users/${registrar.id}`)).body;
  expect((await admin.client.patch(`/api/v1/users/${registrar.id}`, { version: current.version, roles: ['hotline_operator'] })).status).toBe(200);
  expect((await registrar.client.get('/api/v1/cases')).status).toBe(403);
});

it('ends an open session of a disabled account on the next request', async () => {
  const registrar = await makeUser(registry, { roles: ['registrar'] });
  expect((await registrar.client.get('/api/v1/cases')).status).toBe(200);
  const current = (await admin.client.get(`/api/v1/users/${registrar.id}`)).body;
  expect((await admin.client.patch(`/api/v1/users/${registrar.id}`, { version: current.version, disabled: true })).status).toBe(200);
  expect((await registrar.client.get('/api/v1/cases')).status).toBe(401);
});
