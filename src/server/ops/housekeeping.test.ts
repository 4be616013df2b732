import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/api-client';
import { makeUser, TEST_PASSWORD, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { createAuthService } from '../auth/auth.service';
import { idempotencyRetentionMs, runHousekeeping } from './housekeeping';

let registry: TestRegistry;
let registrar: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

const HOUR = 3_600_000;
// A fresh sign-in each time: housekeeping far in the future also ends the sessions.
const registerWithKey = async (key: string) =>
  (await loginAs(registry.app, registrar.username, TEST_PASSWORD)).withHeaders({ 'idempotency-key': key }).post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01', purposes: ['forced_labour'] });

describe('housekeeping', () => {
  it('keeps an idempotency key through the offline window and forgets it after', async () => {
    const key = randomUUID();
    const first = await registerWithKey(key);
    expect(first.status).toBe(201);
    const auth = createAuthService(registry.deps);
    const retention = idempotencyRetentionMs(registry.deps);

    await runHousekeeping(registry.deps, auth, new Date(Date.now() + retention - HOUR));
    const retried = await registerWithKey(key);
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(first.body.id);

    await runHousekeeping(registry.deps, auth, new Date(Date.now() + retention + HOUR));
    const late = await registerWithKey(key);
    expect(late.status).toBe(201);
    expect(late.body.id).not.toBe(first.body.id);
  });

  it('ends sessions past their absolute expiry and keeps live ones', async () => {
    const session = await loginAs(registry.app, registrar.username, TEST_PASSWORD);
    expect((await session.get('/api/v1/auth/me')).status).toBe(200);
    const auth = createAuthService(registry.deps);

    await runHousekeeping(registry.deps, auth, new Date(Date.now() + HOUR));
    expect((await session.get('/api/v1/auth/me')).status).toBe(200);

    await runHousekeeping(registry.deps, auth, new Date(Date.now() + (registry.deps.config.sessionAbsoluteHours + 1) * HOUR));
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
  });
});
