import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { anonymous } from '../../../test/api-client';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

/** Operations endpoints (issue 11): readiness apart from liveness; /metrics only for the operator. */
let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry();
});
afterAll(() => registry.close());

const scrape = (r: TestRegistry, options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  r.app.inject({ method: 'GET', url: '/metrics', remoteAddress: options.remoteAddress ?? '127.0.0.1', headers: options.headers ?? {} });

describe('readiness', () => {
  it('is ready when the database answers and every shipped migration is applied; liveness stays separate', async () => {
    const ready = await anonymous(registry.app).get('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', ready: true, database: true });
    expect(ready.body.migrations.applied).toBe(ready.body.migrations.expected);
    expect((await anonymous(registry.app).get('/api/health')).status).toBe(200);
  });

  it('is not ready (503) when the database lacks a migration of this build, while liveness still answers', async () => {
    const behind = await createTestRegistry();
    try {
      await behind.deps.db.execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
      const response = await anonymous(behind.app).get('/api/ready');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: 'not_ready', ready: false, database: true });
      expect((await anonymous(behind.app).get('/api/health')).status).toBe(200);
    } finally {
      await behind.close();
    }
  });
});

describe('/metrics', () => {
  it('serves Prometheus text to a local scraper: latency by route pattern, event-loop lag, match queue', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const created = await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-02', acts: ['recruitment'], purposes: ['forced_labour'] });
    expect(created.status).toBe(201);
    expect((await registrar.client.get(`/api/v1/cases/${created.body.id}`)).status).toBe(200);
    const response = await scrape(registry);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(/reta_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases\/:id",status_code="200"\} \d+/);
    expect(response.body).toMatch(/reta_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/cases",status_code="201"\} \d+/);
    expect(response.body).toContain('nodejs_eventloop_lag_seconds');
    expect(response.body).toMatch(/reta_match_queue_length \d+/);
    expect(response.body).toMatch(/reta_jobs\{kind="all",status="queued"\} \d+/);
    expect(response.body).toMatch(/reta_jobs\{kind="all",status="running"\} \d+/);
    // Route patterns only: no concrete id ever reaches the metrics.
    expect(response.body).not.toContain(created.body.id);
  });

  it('refuses a remote scraper, also one claiming to be local through X-Forwarded-For', async () => {
    expect((await scrape(registry, { remoteAddress: '203.0.113.5' })).statusCode).toBe(403);
    expect((await scrape(registry, { remoteAddress: '203.0.113.5', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(403);
  });

  it('with RETA_METRICS_TOKEN: only the bearer of that token, from anywhere (and not a local caller without it)', async () => {
    const guarded = await createTestRegistry({ metricsToken: 'scrape-secret-0123456789' });
    try {
      expect((await scrape(guarded)).statusCode).toBe(403);
      expect((await scrape(guarded, { headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(403);
      expect((await scrape(guarded, { headers: { authorization: 'Bearer scrape-secret-012345678X' } })).statusCode).toBe(403);
      const ok = await scrape(guarded, { remoteAddress: '203.0.113.5', headers: { authorization: 'Bearer scrape-secret-0123456789' } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('reta_http_request_duration_seconds');
    } finally {
      await guarded.close();
    }
  });
});
