import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { verifyAuditChain } from '../audit/audit.verify';
import { findInputProblem, nestsDeeperThan, refuseUnstorableInput } from './input-guard';

let registry: TestRegistry;
let registrar: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

/** `{"a":{"a":…}}` nested `levels` deep, as raw JSON text (far under the body limit). */
const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const rawPost = (url: string, payload: string, headers: Record<string, string> = {}) =>
  registry.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers }, payload });

describe('invalid Unicode is refused at the edge, like NUL', () => {
  it('a login with a lone-surrogate username answers 400 and leaves the audit chain verifiable', async () => {
    for (const username of ['ana\ud800', 'ana\udc00x', '\ud800']) {
      const response = await anonymous(registry.app).post('/api/v1/auth/login', { username, password: 'x' });
      expect(response.status, JSON.stringify(username)).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation.failed', fields: { username: expect.any(String) } });
    }
    // A well-formed pair (an emoji) is an ordinary character: a plain failed login, audited and verifiable.
    const emoji = await anonymous(registry.app).post('/api/v1/auth/login', { username: 'ana\ud83d\ude00', password: 'x' });
    expect(emoji.status).toBe(401);
    expect(await verifyAuditChain(registry.deps.db)).toMatchObject({ ok: true });
  });

  it('refuses lone surrogates in keys, nested values and path parameters', async () => {
    const key = await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-01', ['x\udfff']: 1 });
    expect(key.status).toBe(400);
    const deep = await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-01', places: [{ description: 'a\ud800' }] });
    expect(deep.status).toBe(400);
    expect(deep.body.error.fields).toHaveProperty(['places.0.description']);
    // In a path parameter (a raw lone surrogate reaches the router): the documented error shape, on the field.
    const param = await registrar.client.get(`/api/v1/cases/${'\udc00'}/history`);
    expect(param.status).toBe(400);
    expect(param.body.error).toMatchObject({ code: 'validation.failed', fields: { id: expect.any(String) } });
    // A surrogate percent-encoded as (invalid) UTF-8 is refused by the router itself.
    expect((await registrar.client.get('/api/v1/cases/%ED%A0%80/history')).status).toBe(400);
  });

  it('checks the query string too (HTTP decoding cannot produce a lone surrogate there, so the hook is called directly)', async () => {
    const request = { body: undefined, params: {}, query: { name: 'ana\ud800' } } as unknown as FastifyRequest;
    await expect(refuseUnstorableInput(request)).rejects.toMatchObject({ status: 400, fields: { name: 'invalid_format' } });
    const nul = { body: undefined, params: {}, query: { tags: ['a', 'b\u0000'] } } as unknown as FastifyRequest;
    await expect(refuseUnstorableInput(nul)).rejects.toMatchObject({ status: 400, fields: { 'tags.1': 'invalid_format' } });
  });
});

describe('deeply nested JSON is refused before anything walks it', () => {
  it('10,000 levels to a public route: 400 with the documented error shape', async () => {
    const response = await rawPost('/api/v1/auth/login', nested(10_000));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'validation.failed', message: expect.any(String), fields: { _: 'The data is nested too deeply.' }, requestId: expect.any(String) },
    });
  });

  it('10,000 levels to an authenticated route, arrays too: 400, and the server keeps answering', async () => {
    const headers = { cookie: registrar.client['auth'].cookie!, 'x-csrf-token': registrar.client['auth'].csrfToken! };
    for (const payload of [nested(10_000), '['.repeat(10_000) + ']'.repeat(10_000), `{"source":"complaint","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`]) {
      const response = await rawPost('/api/v1/cases', payload, headers);
      expect(response.statusCode).toBe(400);
      expect(JSON.parse(response.body).error).toMatchObject({ code: 'validation.failed', fields: { _: expect.any(String) } });
    }
    expect((await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-01' })).status).toBe(201);
  });

  it('brackets inside strings do not count, and the walk is bounded even without the parser', () => {
    expect(nestsDeeperThan(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`, 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    let value: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) value = { a: value };
    expect(findInputProblem(value)).toEqual({ field: '_', reason: 'too_deep' });
  });
});
