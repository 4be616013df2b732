import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, withBearer, type ApiClient } from '../../../test/api-client';
import { makeUser, uniqueCode, type MadeUser } from '../../../test/factories';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../../../test/registry';
import { createWebhookService } from './webhook.service';
import { verifySignature } from './webhook.signature';

/** Webhooks against a local HTTP server made by the test (no external network). */
let registry: TestRegistry;
let admin: ApiClient;
let police: MadeUser;
let other: MadeUser;
let server: Server;
let baseUrl: string;
const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
let answer = 200;

beforeAll(async () => {
  registry = await createTestRegistry({ webhookMaxFailures: 3 });
  admin = await loginAs(registry.app, 'admin', TEST_ADMIN_PASSWORD);
  police = await makeUser(registry, { roles: ['registrar'] });
  other = await makeUser(registry, { roles: ['registrar'] });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await registry.close();
});

/** A service account of the police institution with a token, as an integration would have. */
async function integration() {
  const username = uniqueCode('svc').toLowerCase();
  const user = await admin.post('/api/v1/users', {
    username, displayName: 'Sistema policial', institutionId: police.institutionId, unitId: police.unitId, roles: ['registrar'],
    scope: { national: false, departments: ['15'] }, isServiceAccount: true,
  });
  expect(user.status).toBe(201);
  const token = await admin.post('/api/v1/tokens', { userId: user.body.id, name: 'sync' });
  expect(token.status).toBe(201);
  return token.body as { id: string; token: string };
}

const newCase = (client: ApiClient) => client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01' });

describe('webhooks', () => {
  it('pushes the token\'s own changes, signed, and only those; retries with backoff and is disabled after repeated failure', async () => {
    const token = await integration();
    const created = await admin.post(`/api/v1/tokens/${token.id}/webhooks`, { url: `${baseUrl}/hook` });
    expect(created.status).toBe(201);
    const { secret, id } = created.body;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await admin.get('/api/v1/webhooks')).body.items.find((w: any) => w.id === id)).not.toHaveProperty('secret');

    const service = createWebhookService(registry.deps);
    const mine = await newCase(withBearer(registry.app, token.token));
    const colleague = await newCase(police.client);
    const foreign = await newCase(other.client);
    expect([mine.status, colleague.status, foreign.status]).toEqual([201, 201, 201]);

    const now = Date.now();
    received.length = 0;
    await service.deliverDue(new Date(now));
    expect(received).toHaveLength(1);
    const [{ headers, body }] = received as [{ headers: IncomingMessage['headers']; body: string }];
    expect(verifySignature(secret, Number(headers['x-reta-timestamp']), body, headers['x-reta-signature'] as string)).toBe(true);
    expect(verifySignature(secret, Number(headers['x-reta-timestamp']), body.replace('case', 'cas_'), headers['x-reta-signature'] as string)).toBe(false);
    const payload = JSON.parse(body);
    expect(payload.deliveryId).toBe(headers['x-reta-delivery']);
    const caseIds = payload.items.filter((c: any) => c.entity === 'case').map((c: any) => c.id);
    expect(new Set(caseIds)).toEqual(new Set([mine.body.id, colleague.body.id]));
    expect(body).not.toContain(foreign.body.id);

    // Nothing new: nothing sent. Then the receiver fails: retried only after the backoff, then disabled.
    received.length = 0;
    await service.deliverDue(new Date(now + 1000));
    expect(received).toHaveLength(0);
    await newCase(police.client);
    answer = 500;
    await service.deliverDue(new Date(now + 2000));
    expect(received).toHaveLength(1);
    await service.deliverDue(new Date(now + 2000 + 29_000));
    expect(received).toHaveLength(1);
    await service.deliverDue(new Date(now + 2000 + 31_000));
    expect(received).toHaveLength(2);
    await service.deliverDue(new Date(now + 2000 + 31_000 + 61_000));
    expect(received).toHaveLength(3);
    const hook = (await admin.get('/api/v1/webhooks')).body.items.find((w: any) => w.id === id);
    expect(hook).toMatchObject({ active: false, consecutiveFailures: 3 });
    await service.deliverDue(new Date(now + 10_000_000));
    expect(received).toHaveLength(3);

    // The delivery log: newest first, status codes, never the receiver's body.
    const log = await admin.get(`/api/v1/webhooks/${id}/deliveries`);
    expect(log.body.items.map((d: any) => [d.ok, d.statusCode, d.attempt])).toEqual([[false, 500, 3], [false, 500, 2], [false, 500, 1], [true, 200, 1]]);

    // Re-enabled by an administrator, the same batch arrives again (at least once) and the cursor moves on.
    answer = 204;
    const enabled = await admin.post(`/api/v1/webhooks/${id}/enable`, { version: hook.version });
    expect(enabled.status).toBe(200);
    expect((await admin.post(`/api/v1/webhooks/${id}/enable`, { version: hook.version })).status).toBe(409);
    await service.deliverDue(new Date(now + 10_000_001));
    expect(received).toHaveLength(4);
    expect(JSON.parse(received[3]!.body).items).toEqual(JSON.parse(received[2]!.body).items);
    received.length = 0;
    await service.deliverDue(new Date(now + 10_000_002));
    expect(received).toHaveLength(0);
  });

  it('is managed by administrators only, with field messages for bad URLs', async () => {
    const token = await integration();
    expect((await police.client.post(`/api/v1/tokens/${token.id}/webhooks`, { url: `${baseUrl}/x` })).status).toBe(403);
    expect((await police.client.get('/api/v1/webhooks')).status).toBe(403);
    for (const url of ['ftp://example.org/', 'not a url', 'http://user:pw@example.org/', 'x'.repeat(3000)]) {
      const bad = await admin.post(`/api/v1/tokens/${token.id}/webhooks`, { url });
      expect(bad.status, url).toBe(400);
      expect(Object.keys(bad.body.error.fields)).toEqual(['url']);
    }
    expect((await admin.post('/api/v1/tokens/00000000-0000-4000-8000-000000000000/webhooks', { url: `${baseUrl}/x` })).status).toBe(404);
  });
});
