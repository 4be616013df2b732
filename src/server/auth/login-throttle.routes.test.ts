import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/api-client';
import { makeUser, TEST_PASSWORD } from '../../../test/factories';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../../../test/registry';
import type { App } from '../http/types';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ loginMaxFailures: 5, loginSourceMaxFailures: 6 });
});
afterAll(() => registry.close());

let nextAddress = 1;
/** Each attacker request from its own address unless one is given: the per-source limits stay out of the way. */
const freshAddress = () => `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

async function signIn(app: App, username: string, password: string, ip = freshAddress()) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip, headers: { 'accept-language': 'en' } });
  const body = JSON.parse(response.body);
  return { status: response.statusCode, code: body.error?.code as string | undefined, message: body.error?.message as string | undefined, body };
}

describe('sign-in throttling per account', () => {
  it('checks at most the allowed number of passwords when 25 wrong ones arrive at once', async () => {
    const user = await makeUser(registry, { roles: ['registrar'] });
    const results = await Promise.all(Array.from({ length: 25 }, () => signIn(registry.app, user.username, 'Wrong-Password-123')));
    expect(results.every((r) => r.status === 401)).toBe(true);
    // Only the first four are answered "wrong password"; the fifth locks; the other twenty are never checked.
    expect(results.filter((r) => r.code === 'auth.invalid_credentials')).toHaveLength(4);
    expect(results.filter((r) => r.code === 'auth.locked')).toHaveLength(21);
    const rightPassword = await signIn(registry.app, user.username, TEST_PASSWORD);
    expect(rightPassword.code).toBe('auth.locked');
  });

  it('answers an unknown, a disabled and a locked account with the same status and words as a real one', async () => {
    const admin = await loginAs(registry.app, 'admin', TEST_ADMIN_PASSWORD);
    const real = await makeUser(registry, { roles: ['registrar'] });
    const disabled = await makeUser(registry, { roles: ['registrar'] });
    const current = await admin.get(`/api/v1/users/${disabled.id}`);
    expect((await admin.patch(`/api/v1/users/${disabled.id}`, { disabled: true, version: current.body.version })).status).toBe(200);

    const wrong = await signIn(registry.app, real.username, 'Wrong-Password-123');
    const unknown = await signIn(registry.app, 'nobody-by-this-name', 'Wrong-Password-123');
    const disabledRight = await signIn(registry.app, disabled.username, TEST_PASSWORD);
    for (const answer of [unknown, disabledRight]) {
      expect(answer.status).toBe(wrong.status);
      expect(answer.code).toBe('auth.invalid_credentials');
      expect(answer.message).toBe(wrong.message);
    }

    // An unknown name is counted like a real account: both lock after the same number of failures.
    const ghost = `ghost-${Date.now()}`;
    const ghostAnswers = [];
    const realAnswers = [];
    for (let i = 0; i < 6; i++) {
      ghostAnswers.push((await signIn(registry.app, ghost, 'Wrong-Password-123')).code);
      realAnswers.push((await signIn(registry.app, real.username, 'Wrong-Password-123')).code);
    }
    // The real account already had one failure above, so it locks one attempt earlier.
    expect(realAnswers).toEqual(['auth.invalid_credentials', 'auth.invalid_credentials', 'auth.invalid_credentials', 'auth.locked', 'auth.locked', 'auth.locked']);
    expect(ghostAnswers).toEqual(['auth.invalid_credentials', 'auth.invalid_credentials', 'auth.invalid_credentials', 'auth.invalid_credentials', 'auth.locked', 'auth.locked']);
  });

  it('forgets the failures when the right password is given', async () => {
    const user = await makeUser(registry, { roles: ['analyst'] });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await signIn(registry.app, user.username, 'Wrong-Password-123')).code).toBe('auth.invalid_credentials');
      expect((await signIn(registry.app, user.username, TEST_PASSWORD)).status).toBe(200);
    }
  });

  it('audits every refusal with its reason, and never the password', async () => {
    const admin = await loginAs(registry.app, 'admin', TEST_ADMIN_PASSWORD);
    await signIn(registry.app, 'audited-unknown-name', 'Secret-Guess-4242');
    const log = await admin.get('/api/v1/audit?action=auth.login_failed&pageSize=100');
    const entry = log.body.items.find((e: { actorName: string }) => e.actorName === 'audited-unknown-name');
    expect(entry.details.reason).toBe('unknown_user');
    expect(JSON.stringify(log.body)).not.toContain('Secret-Guess-4242');
  });
});

describe('sign-in throttling per source address', () => {
  it('refuses a source that failed too often, without locking the accounts it goes on guessing', async () => {
    const attacker = '203.0.113.77';
    const targets = await Promise.all([0, 1, 2].map(() => makeUser(registry, { roles: ['registrar'] })));
    // Six failures spread over accounts (two each, below the account limit of five)…
    for (const target of targets) for (let i = 0; i < 2; i++) expect((await signIn(registry.app, target.username, 'Wrong-Password-123', attacker)).status).toBe(401);
    // …then the source is held back, whatever account it names.
    const victim = await makeUser(registry, { roles: ['registrar'] });
    for (let i = 0; i < 8; i++) {
      const held = await signIn(registry.app, victim.username, 'Wrong-Password-123', attacker);
      expect(held.status).toBe(429);
      expect(held.code).toBe('auth.too_many_attempts');
    }
    // Nothing of that reached the victim's account: the owner signs in from elsewhere at once.
    expect((await signIn(registry.app, victim.username, TEST_PASSWORD, '192.0.2.10')).status).toBe(200);
    // And a correct password from the held source is refused too: it is not even checked.
    expect((await signIn(registry.app, victim.username, TEST_PASSWORD, attacker)).status).toBe(429);
  });

  it('does not count a colleague\'s successful sign-ins from the same office address as failures', async () => {
    const office = '192.0.2.200';
    const colleagues = await Promise.all([0, 1, 2, 3].map(() => makeUser(registry, { roles: ['registrar'] })));
    for (let round = 0; round < 3; round++) {
      for (const colleague of colleagues) expect((await signIn(registry.app, colleague.username, TEST_PASSWORD, office)).status).toBe(200);
    }
    expect((await signIn(registry.app, colleagues[0]!.username, 'Typo-Password-1', office)).code).toBe('auth.invalid_credentials');
  });
});
