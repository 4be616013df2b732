import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from './app';
import { anonymous } from '../../test/api-client';
import { createTestRegistry, testDriver, type TestRegistry } from '../../test/registry';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry();
});
afterAll(() => registry.close());

it('reports health with the database kind', async () => {
  const response = await anonymous(registry.app).get('/api/health');
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ status: 'ok', database: testDriver(), version: expect.any(String) });
});

it('serves the OpenAPI document generated from the zod schemas', async () => {
  const response = await anonymous(registry.app).get('/api/docs/json');
  expect(response.status).toBe(200);
  expect(response.body.paths['/api/v1/auth/login'].post.requestBody).toBeDefined();
});

it('answers unknown API paths with a JSON 404', async () => {
  const response = await anonymous(registry.app).get('/api/v1/nothing-here');
  expect(response.status).toBe(401); // deny by default: even unknown paths need a session first
  const open = await anonymous(registry.app).get('/api/nothing');
  expect(open.status).toBe(404);
  expect(open.body.error.code).toBe('not_found');
});

it('authenticates percent-encoded API paths like any other', async () => {
  for (const url of ['/%61pi/v1/institutions', '/api/v1/%69nstitutions', '/%61pi/v1/auth/me']) {
    const response = await anonymous(registry.app).get(url);
    expect(response.status, url).toBe(401);
  }
});

it('never writes a query string (names, document numbers) into the request log', async () => {
  const lines: string[] = [];
  const app = await buildApp(registry.deps, { serveWeb: false, logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
  await app.inject({ method: 'GET', url: '/api/v1/persons?name=Maria%20Quispe&documentNumber=45678912' });
  await app.close();
  const log = lines.join('\n');
  expect(log).toContain('"method":"GET"');
  expect(log).not.toMatch(/Quispe|45678912/);
});

it('refuses NUL characters (which PostgreSQL cannot store) with a field-level 400 on any route', async () => {
  const response = await anonymous(registry.app).post('/api/v1/auth/login', { username: 'ad\u0000min', password: 'x' });
  expect(response.status).toBe(400);
  expect(response.body.error.fields).toHaveProperty('username');
});
