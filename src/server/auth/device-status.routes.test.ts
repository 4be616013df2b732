import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, loginAs } from '../../../test/api-client';
import { makeUser, TEST_PASSWORD, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

/** The offline device grant: released only to a signed-in user; the status tells a device when to wipe. */
let registry: TestRegistry;
let admin: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  admin = await makeUser(registry, { roles: ['administrator'], national: true });
});
afterAll(() => registry.close());

async function signIn(user: MadeUser) {
  const answer = await registry.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
  return JSON.parse(answer.body).device as { secret: string; token: string; offlineDays: number };
}
const status = async (token: string) => (await anonymous(registry.app).post('/api/v1/auth/device-status', { token })).body.wipe as boolean;

describe('offline device grant', () => {
  it('gives each user their own secret, the same on every sign-in, and the configured offline days', async () => {
    const one = await makeUser(registry, { roles: ['registrar'] });
    const two = await makeUser(registry, { roles: ['registrar'] });
    const a = await signIn(one);
    const again = await signIn(one);
    expect(a.secret).toBe(again.secret);
    expect(a.secret).not.toBe((await signIn(two)).secret);
    expect(a.offlineDays).toBe(registry.deps.config.offlineDays);
    const me = await (await loginAs(registry.app, one.username, TEST_PASSWORD)).get('/api/v1/auth/me');
    expect(me.body.device.secret).toBe(a.secret);
    expect((await anonymous(registry.app).get('/api/v1/auth/me')).status).toBe(401);
  });

  it('keeps the data of an active user, wipes after the account is disabled, and wipes for a forged token', async () => {
    const user = await makeUser(registry, { roles: ['registrar'] });
    const grant = await signIn(user);
    expect(await status(grant.token)).toBe(false);
    const [payload, mac] = grant.token.split('.');
    const other = Buffer.from(JSON.stringify({ u: admin.id, t: Date.now() })).toString('base64url');
    expect(await status(`${other}.${mac}`)).toBe(true);
    expect(await status(`${payload}.${'0'.repeat(64)}`)).toBe(true);
    const current = (await admin.client.get(`/api/v1/users/${user.id}`)).body;
    expect((await admin.client.patch(`/api/v1/users/${user.id}`, { disabled: true, version: current.version })).status).toBe(200);
    expect(await status(grant.token)).toBe(true);
  });

  it('wipes a device signed in before an administrator reset the password (every session ended)', async () => {
    const user = await makeUser(registry, { roles: ['registrar'] });
    const grant = await signIn(user);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await admin.client.post(`/api/v1/users/${user.id}/password`, { password: 'Another-Long-Passphrase-42' })).status).toBeLessThan(300);
    expect(await status(grant.token)).toBe(true);
  });
});
