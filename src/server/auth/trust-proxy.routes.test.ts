import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/api-client';
import { makeUser, TEST_PASSWORD } from '../../../test/factories';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../../../test/registry';
import type { App } from '../http/types';

const signIn = (app: App, username: string, remoteAddress: string, forwardedFor: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD }, remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });

async function auditedAddresses(app: App, userId: string): Promise<string[]> {
  const admin = await loginAs(app, 'admin', TEST_ADMIN_PASSWORD);
  const log = await admin.get(`/api/v1/audit?action=auth.login&entityId=${userId}&pageSize=100`);
  return log.body.items.map((entry: { ip: string }) => entry.ip);
}

describe('X-Forwarded-For without RETA_TRUST_PROXY', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await createTestRegistry();
  });
  afterAll(() => registry.close());

  it('changes neither the rate-limit bucket nor the address written to the audit log', async () => {
    const user = await makeUser(registry, { roles: ['registrar'] });
    const client = '192.0.2.33';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await signIn(registry.app, user.username, client, `203.0.113.${i + 1}`)).statusCode);
    // Twenty sign-ins a minute per address: the forged header does not open a fresh bucket.
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
    const addresses = await auditedAddresses(registry.app, user.id);
    expect(addresses.length).toBeGreaterThanOrEqual(20);
    expect(new Set(addresses.filter((ip) => ip !== '127.0.0.1'))).toEqual(new Set([client]));
  });
});

describe('X-Forwarded-For from a configured proxy', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await createTestRegistry({ trustProxy: ['10.0.0.0/8'] });
  });
  afterAll(() => registry.close());

  it('takes the client address from the proxy, and only from it', async () => {
    const user = await makeUser(registry, { roles: ['registrar'] });
    expect((await signIn(registry.app, user.username, '10.1.2.3', '203.0.113.50')).statusCode).toBe(200);
    expect((await signIn(registry.app, user.username, '192.0.2.44', '203.0.113.51')).statusCode).toBe(200);
    const addresses = await auditedAddresses(registry.app, user.id);
    expect(addresses).toContain('203.0.113.50');
    expect(addresses).toContain('192.0.2.44');
    expect(addresses).not.toContain('203.0.113.51');
  });
});
