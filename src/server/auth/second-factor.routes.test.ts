import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, ApiClient, loginAs } from '../../../test/api-client';
import { makeUser, TEST_PASSWORD } from '../../../test/factories';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../../../test/registry';
import { recoveryCodes, userSecondFactors } from '../../db/schema';
import type { App } from '../http/types';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ twoFactorRoles: ['administrator', 'supervisor'], loginMaxFailures: 4 });
});
afterAll(() => registry.close());

/** The code an authenticator app shows, `offsetSteps` 30-second steps from now. */
const codeOf = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

let nextAddress = 1;
const address = () => `198.18.0.${nextAddress++}`;

async function passwordStep(app: App, username: string, password = TEST_PASSWORD) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: address() });
  return { status: response.statusCode, body: JSON.parse(response.body), cookie: response.headers['set-cookie'] };
}

async function codeStep(app: App, challengeToken: string, proof: { code?: string; recoveryCode?: string }) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login/second-factor', payload: { challengeToken, ...proof }, remoteAddress: address() });
  const body = JSON.parse(response.body);
  const setCookie = response.headers['set-cookie'];
  const cookie = setCookie ? String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0] : undefined;
  return { status: response.statusCode, body, client: cookie ? new ApiClient(app, { cookie, csrfToken: body.csrfToken }) : undefined };
}

/** Enrols through the API as the web page does; returns the secret and the recovery codes. */
async function enrol(client: ApiClient) {
  const started = await client.post('/api/v1/auth/second-factor/enrolment', {});
  expect(started.status).toBe(200);
  const confirmed = await client.post('/api/v1/auth/second-factor/enrolment/confirm', { code: codeOf(started.body.secret) });
  expect(confirmed.status).toBe(200);
  return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[], started: started.body };
}

async function signInWithCode(app: App, username: string, secret: string, offsetSteps: number, password = TEST_PASSWORD) {
  const first = await passwordStep(app, username, password);
  expect(first.body.secondFactorRequired).toBe(true);
  return codeStep(app, first.body.challengeToken, { code: codeOf(secret, offsetSteps) });
}

describe('two-factor enrolment', () => {
  it('forces a supervisor without a second factor to enrol before anything else', async () => {
    const supervisor = await makeUser(registry, { roles: ['supervisor'] });
    const me = await supervisor.client.get('/api/v1/auth/me');
    expect(me.body.user.mustEnrolSecondFactor).toBe(true);
    const blocked = await supervisor.client.get('/api/v1/cases');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('auth.second_factor_required');
    expect((await supervisor.client.get('/api/v1/auth/second-factor')).body).toMatchObject({ enrolled: false, required: true });

    const started = await supervisor.client.post('/api/v1/auth/second-factor/enrolment', {});
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secret}`);
    expect(started.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(started.headers['cache-control']).toBe('no-store');
    const wrong = await supervisor.client.post('/api/v1/auth/second-factor/enrolment/confirm', { code: codeOf(started.body.secret, 10) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('auth.code_invalid');
    const malformed = await supervisor.client.post('/api/v1/auth/second-factor/enrolment/confirm', { code: '12ab56' });
    expect(malformed.status).toBe(400);
    const confirmed = await supervisor.client.post('/api/v1/auth/second-factor/enrolment/confirm', { code: codeOf(started.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);

    expect((await supervisor.client.get('/api/v1/cases')).status).toBe(200);
    expect((await supervisor.client.get('/api/v1/auth/me')).body.user.mustEnrolSecondFactor).toBe(false);
    expect((await supervisor.client.get('/api/v1/auth/second-factor')).body).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });

    // At rest: the secret only encrypted, the recovery codes only as keyed hashes.
    const [stored] = await registry.deps.db.select().from(userSecondFactors).where(eq(userSecondFactors.userId, supervisor.id));
    expect(stored!.secretEncrypted).not.toContain(started.body.secret);
    const hashes = (await registry.deps.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, supervisor.id))).map((r) => r.codeHash);
    for (const code of confirmed.body.recoveryCodes as string[]) {
      expect(hashes).not.toContain(code);
      expect(hashes).not.toContain(createHash('sha256').update(code.replace(/-/g, '')).digest('hex'));
    }
  });

  it('does not force roles outside RETA_2FA_ROLES, but lets them enrol', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    expect((await registrar.client.get('/api/v1/auth/me')).body.user.mustEnrolSecondFactor).toBe(false);
    expect((await registrar.client.get('/api/v1/cases')).status).toBe(200);
    const { secret } = await enrol(registrar.client);
    expect((await signInWithCode(registry.app, registrar.username, secret, 1)).status).toBe(200);
  });

  it('asks for the current password to replace a working factor', async () => {
    const user = await makeUser(registry, { roles: ['analyst'] });
    await enrol(user.client);
    const without = await user.client.post('/api/v1/auth/second-factor/enrolment', {});
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe('auth.wrong_current_password');
    expect((await user.client.post('/api/v1/auth/second-factor/enrolment', { currentPassword: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('two-step sign-in', () => {
  it('gives no session for the password alone, then one for a fresh code; a replayed code is refused', async () => {
    const supervisor = await makeUser(registry, { roles: ['supervisor'] });
    const { secret } = await enrol(supervisor.client);
    const first = await passwordStep(registry.app, supervisor.username);
    expect(first.status).toBe(200);
    expect(first.cookie).toBeUndefined();
    expect(first.body.user).toBeUndefined();
    // The enrolment used the current step: the same code cannot sign in.
    const replay = await codeStep(registry.app, first.body.challengeToken, { code: codeOf(secret) });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('auth.code_invalid');
    const fresh = await codeStep(registry.app, first.body.challengeToken, { code: codeOf(secret, 1) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.user.username).toBe(supervisor.username);
    expect((await fresh.client!.get('/api/v1/cases')).status).toBe(200);
    // The challenge is spent once it succeeded.
    expect((await codeStep(registry.app, first.body.challengeToken, { code: codeOf(secret, 1) })).body.error.code).toBe('auth.challenge_invalid');
  });

  it('accepts one code once even when it is sent on many challenges at the same time', async () => {
    const user = await makeUser(registry, { roles: ['supervisor'] });
    const { secret } = await enrol(user.client);
    const challenges = [];
    for (let i = 0; i < 6; i++) challenges.push(await passwordStep(registry.app, user.username));
    const code = codeOf(secret, 1);
    const results = await Promise.all(challenges.map((c) => codeStep(registry.app, c.body.challengeToken, { code })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('takes each recovery code once', async () => {
    const user = await makeUser(registry, { roles: ['supervisor'] });
    const { recoveryCodes: codes } = await enrol(user.client);
    const first = await passwordStep(registry.app, user.username);
    const used = await codeStep(registry.app, first.body.challengeToken, { recoveryCode: codes[3]!.toLowerCase() });
    expect(used.status).toBe(200);
    expect(used.body.user.username).toBe(user.username);
    const again = await passwordStep(registry.app, user.username);
    const reuse = await codeStep(registry.app, again.body.challengeToken, { recoveryCode: codes[3]! });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('auth.code_invalid');
    expect((await used.client!.get('/api/v1/auth/second-factor')).body.recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes against the account like wrong passwords', async () => {
    const user = await makeUser(registry, { roles: ['supervisor'] });
    const { secret } = await enrol(user.client);
    const challenge = (await passwordStep(registry.app, user.username)).body.challengeToken;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await codeStep(registry.app, challenge, { code: codeOf(secret, 20 + i) })).body.error.code);
    expect(answers).toEqual(['auth.code_invalid', 'auth.code_invalid', 'auth.code_invalid', 'auth.locked']);
    // Locked: neither the password step nor a right code gets through now.
    expect((await passwordStep(registry.app, user.username)).body.error.code).toBe('auth.locked');
  });

  it('refuses an invented challenge and a body with both or neither proof', async () => {
    const invented = await codeStep(registry.app, 'x'.repeat(43), { code: '123456' });
    expect(invented.status).toBe(401);
    expect(invented.body.error.code).toBe('auth.challenge_invalid');
    expect((await codeStep(registry.app, 'x'.repeat(43), {})).status).toBe(400);
    expect((await codeStep(registry.app, 'x'.repeat(43), { code: '123456', recoveryCode: 'AAAA-BBBB-CCCC-DDDD' })).status).toBe(400);
  });
});

describe('administrator reset', () => {
  let admin: ApiClient;
  beforeAll(async () => {
    const forced = await loginAs(registry.app, 'admin', TEST_ADMIN_PASSWORD);
    const { secret } = await enrol(forced);
    const done = await signInWithCode(registry.app, 'admin', secret, 1, TEST_ADMIN_PASSWORD);
    admin = done.client!;
  });

  it('removes the factor, ends the user\'s sessions, is audited, and the user must enrol again', async () => {
    const supervisor = await makeUser(registry, { roles: ['supervisor'] });
    const { secret } = await enrol(supervisor.client);
    const session = (await signInWithCode(registry.app, supervisor.username, secret, 1)).client!;
    expect((await admin.get(`/api/v1/users/${supervisor.id}/second-factor`)).body).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });

    expect((await session.delete(`/api/v1/users/${supervisor.id}/second-factor`)).status).toBe(403);
    expect((await admin.delete(`/api/v1/users/${supervisor.id}/second-factor`)).status).toBe(204);
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    expect((await admin.get(`/api/v1/users/${supervisor.id}/second-factor`)).body).toMatchObject({ enrolled: false, required: true });
    const log = await admin.get(`/api/v1/audit?action=user.second_factor_reset&entityId=${supervisor.id}`);
    expect(log.body.items).toHaveLength(1);

    const again = await passwordStep(registry.app, supervisor.username);
    expect(again.body.user.mustEnrolSecondFactor).toBe(true);
    expect((await admin.delete('/api/v1/users/00000000-0000-4000-8000-000000000000/second-factor')).status).toBe(404);
  });

  it('is refused to anyone without the right to manage users', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    expect((await registrar.client.delete(`/api/v1/users/${registrar.id}/second-factor`)).status).toBe(403);
    expect((await anonymous(registry.app).delete(`/api/v1/users/${registrar.id}/second-factor`)).status).toBe(401);
  });
});

describe('training databases', () => {
  it('let demo accounts skip the second factor', async () => {
    const demo = await createTestRegistry({ twoFactorRoles: ['supervisor'], demoMode: true });
    try {
      const supervisor = await makeUser(demo, { roles: ['supervisor'] });
      expect((await supervisor.client.get('/api/v1/auth/me')).body.user.mustEnrolSecondFactor).toBe(false);
      expect((await supervisor.client.get('/api/v1/cases')).status).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
