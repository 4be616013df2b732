import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, loginAs } from '../../../test/api-client';
import { makeUser, TEST_PASSWORD } from '../../../test/factories';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ loginMaxFailures: 3 });
});
afterAll(() => registry.close());

describe('sign-in and sessions', () => {
  it('logs the first administrator in and returns a CSRF token', async () => {
    const admin = await loginAs(registry.app, 'admin', TEST_ADMIN_PASSWORD);
    const me = await admin.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.roles).toEqual(['administrator']);
    expect(me.body.csrfToken).toEqual(expect.any(String));
  });

  it('answers 401 without a session and refuses writes without the CSRF header', async () => {
    expect((await anonymous(registry.app).get('/api/v1/auth/me')).status).toBe(401);
    const user = await makeUser(registry, { roles: ['registrar'] });
    const cookieOnly = await registry.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Another-Strong-Pass-1' },
      headers: { cookie: (user.client as any).auth.cookie },
    });
    expect(cookieOnly.statusCode).toBe(403);
    expect(JSON.parse(cookieOnly.body).error.code).toBe('auth.csrf_invalid');
  });

  it('sets an HttpOnly SameSite=Strict cookie', async () => {
    const response = await registry.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const user = await makeUser(registry, { roles: ['registrar'] });
    for (let i = 0; i < 3; i++) {
      const failed = await anonymous(registry.app).post('/api/v1/auth/login', { username: user.username, password: 'wrong-password' });
      expect(failed.status).toBe(401);
    }
    const locked = await anonymous(registry.app).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(locked.status).toBe(401);
    expect(locked.body.error.code).toBe('auth.locked');
  });

  it('ends the session at logout', async () => {
    const user = await makeUser(registry, { roles: ['analyst'] });
    expect((await user.client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await user.client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('enforces the password policy with a field message', async () => {
    const user = await makeUser(registry, { roles: ['analyst'] });
    const weak = await user.client.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.newPassword).toMatch(/12 characters/);
    const ok = await user.client.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'A-much-Better-Passw0rd' });
    expect(ok.status).toBe(204);
  });

  it('rejects malformed bodies with 400, never 500', async () => {
    const response = await registry.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{not json', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    const missing = await anonymous(registry.app).post('/api/v1/auth/login', { username: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.password).toBeDefined();
  });
});
