import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, cases } from '../../db/schema';
import { callInput } from '../hotline/hotline.test-helpers';

/** Issue 8, items 9 and 16: no-store, reason codes, bounds the database can hold, router errors in our shape. */
let registry: TestRegistry;
let registrar: MadeUser;
let prosecutor: MadeUser;
let worker: MadeUser;
let operator: MadeUser;
let caseId: string;
let personId: string;
let caseVersion: number;

const MISSING = '00000000-0000-4000-8000-000000000001';
const caseCount = async () => Number((await registry.deps.db.select({ n: count() }).from(cases))[0]!.n);

beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
  prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
  worker = await makeUser(registry, { roles: ['social_worker'] });
  operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
  const created = await registrar.client.post('/api/v1/cases', {
    source: 'complaint', reportedOn: '2026-02-01', narrative: 'relato reservado',
    victims: [{ person: { sex: 'female', identity: { givenNames: 'Rosa', familyNames: 'Quispe', birthDate: '1990-04-01' } } }],
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  caseVersion = created.body.version;
  personId = created.body.victims[0].personId;
});
afterAll(() => registry.close());

/** The documented error shape, a 4xx, never Fastify's own body. */
function expectErrorShape(response: { status: number; body: any }, status: number, code: string) {
  const body = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
  expect(response.status).toBe(status);
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(body.error.message).not.toMatch(/FST_|fastify/i);
}

async function raw(method: 'GET' | 'POST', url: string, user: MadeUser | null, payload?: string, contentType = 'application/json') {
  const auth = user ? (user.client as unknown as { auth: { cookie: string; csrfToken: string } }).auth : undefined;
  const headers: Record<string, string> = { 'accept-language': 'en', ...(payload === undefined ? {} : { 'content-type': contentType }) };
  if (auth) Object.assign(headers, { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken });
  const response = await registry.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  return { status: response.statusCode, body: response.body, headers: response.headers };
}

describe('router-level errors use the documented shape and a 4xx', () => {
  it('bad URL encoding, over-long parameters, unknown routes, wrong methods', async () => {
    expectErrorShape(await registrar.client.get('/api/v1/cases/%E0%A4%A'), 400, 'request.bad_url');
    expectErrorShape(await raw('GET', '/api/v1/cases/%E0%A4%A', null), 400, 'request.bad_url');
    expectErrorShape(await registrar.client.get(`/api/v1/cases/${'a'.repeat(5000)}`), 414, 'request.url_too_long');
    expectErrorShape(await registrar.client.get('/api/v1/cases/not-a-uuid'), 400, 'validation.failed');
    expectErrorShape(await registrar.client.get('/api/v1/no-such-route'), 404, 'not_found');
    expectErrorShape(await registrar.client.put('/api/v1/cases', {}), 404, 'not_found');
  });

  it('bad JSON, wrong content type, empty and over-large bodies', async () => {
    const before = await caseCount();
    expectErrorShape(await raw('POST', '/api/v1/cases', registrar, '{"source": '), 400, 'request.invalid_json');
    expectErrorShape(await raw('POST', '/api/v1/cases', registrar, '<case/>', 'application/xml'), 415, 'request.unsupported_media_type');
    expectErrorShape(await raw('POST', '/api/v1/cases', registrar, ''), 400, 'request.empty_body');
    expectErrorShape(await raw('POST', '/api/v1/cases', registrar, `"${'a'.repeat(6 * 1024 * 1024)}"`), 413, 'payload_too_large');
    expect(await caseCount()).toBe(before);
  });
});

describe('what the contracts accept, the database accepts', () => {
  it('versions beyond int4 are refused by the contract, not by PostgreSQL', async () => {
    for (const version of [2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
      const patch = await registrar.client.patch(`/api/v1/cases/${caseId}`, { version, purposes: ['forced_labour'] });
      expect(patch.status).toBe(400);
      expect(patch.body.error.fields.version).toBeDefined();
    }
    const del = await registrar.client.delete(`/api/v1/cases/${caseId}/victims/${MISSING}?version=${2 ** 40}`);
    expect(del.status).toBe(400);
    const person = await registrar.client.withReason('data_correction').patch(`/api/v1/persons/${personId}`, { version: 2 ** 31, sex: 'male' });
    expect(person.status).toBe(400);
    expect((await registrar.client.get(`/api/v1/cases/${caseId}`)).body.version).toBe(caseVersion);
  });

  it('impossible years: 0000, beyond 2100, before 1900; birth dates up to today', async () => {
    const before = await caseCount();
    const post = (extra: Record<string, unknown>) => registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01', ...extra });
    for (const [field, value] of [['reportedOn', '0000-01-01'], ['reportedOn', '9999-12-31'], ['reportedOn', '1899-12-31'], ['factsDateFrom', '0000'], ['factsDateFrom', '0000-02'], ['factsDateTo', '2101']] as const) {
      const response = await post({ [field]: value });
      expect(response.status, `${field}=${value}`).toBe(400);
      expect(response.body.error.fields[field], `${field}=${value}`).toBe('Write a date between 1900 and 2100.');
    }
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const birthDate of ['0000-01-01', '1899-12-31', tomorrow]) {
      const response = await post({ victims: [{ person: { sex: 'female', identity: { birthDate } } }] });
      expect(response.status, birthDate).toBe(400);
      expect(response.body.error.fields['victims.0.person.identity.birthDate']).toBe('Write a date of birth between 1900 and today.');
    }
    expect(await caseCount()).toBe(before);
    const call = await operator.client.post('/api/v1/hotline/calls', callInput({ receivedAt: '0000-01-01T00:00:00Z' }));
    expect(call.status).toBe(400);
    expect(call.body.error.fields.receivedAt).toBeDefined();
    const event = await prosecutor.client.post(`/api/v1/cases/${caseId}/suspects/${MISSING}/events`, { type: 'arrest', occurredOn: '0000-06-01' });
    expect(event.status).toBe(400);
    expect(event.body.error.fields.occurredOn).toBeDefined();
  });

  it('unknown country and currency codes are refused against the ISO lists', async () => {
    const call = await operator.client.post('/api/v1/hotline/calls', callInput({ country: 'ZZZ' }));
    expect(call.status).toBe(400);
    expect(call.body.error.fields.country).toBe('Write a 3-letter ISO country code (e.g. PER, BOL).');
    const fine = await prosecutor.client.post(`/api/v1/cases/${caseId}/suspects/${MISSING}/events`, { type: 'sentence', occurredOn: '2026-01-10', sentence: { years: 8, months: 0, effective: true }, fineAmount: 10, currency: 'XXX' });
    expect(fine.status).toBe(400);
    expect(fine.body.error.fields.currency).toBe('Write a 3-letter ISO 4217 currency code (e.g. PEN, USD).');
    const victimId = (await registrar.client.get(`/api/v1/cases/${caseId}`)).body.victims[0].id;
    const reparation = await worker.client.post(`/api/v1/victims/${victimId}/reparations`, { kind: 'court_ordered', orderedAmount: 100, currency: 'ZZZ' });
    expect(reparation.status).toBe(400);
    expect(reparation.body.error.fields.currency).toBeDefined();
    const repatriation = await worker.client.post(`/api/v1/victims/${victimId}/repatriations`, { fromCountry: 'PER', toCountry: 'XXX', repatriatedOn: '2026-01-01' });
    expect(repatriation.status).toBe(400);
    expect(repatriation.body.error.fields.toCountry).toBeDefined();
    const person = await registrar.client.patch(`/api/v1/persons/${personId}`, { version: 1, nationalities: ['PER', 'QQQ'] });
    expect(person.status).toBe(400);
    expect(person.body.error.fields['nationalities.1']).toBeDefined();
  });

  it('over-long strings and over-long arrays are refused with field messages', async () => {
    const long = await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01', initialLegalQualification: 'x'.repeat(100_000) });
    expect(long.status).toBe(400);
    const many = await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01', countries: Array(10_000).fill('PER') });
    expect(many.status).toBe(400);
    expect(many.body.error.fields.countries).toBe('Choose at most 50.');
    const sort = await registrar.client.get(`/api/v1/cases?sort=${'-code'.repeat(200)}`);
    expect(sort.status).toBe(400);
  });
});

describe('access reasons are codes from a list (X-Access-Reason)', () => {
  const reasonsOf = async (entityId: string) =>
    (await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, 'identity.read')))).map((r) => r.reason);

  it('refuses free text, unknown codes and `other` without a description, with 400 and no identity', async () => {
    for (const value of ['abc', 'case follow-up', 'estadística', encodeURIComponent('por si acaso'), 'other', 'other:  ', `prosecution: ${'a'.repeat(501)}`]) {
      const response = await registrar.client.withHeaders({ 'x-access-reason': value }).get(`/api/v1/cases/${caseId}`);
      expect(response.status, value).toBe(400);
      expect(response.body.error.code).toBe('access_reason.invalid');
      expect(JSON.stringify(response.body)).not.toContain('Quispe');
    }
  });

  it('accepts a listed code with optional text, and records code + text in the audit log', async () => {
    const plain = await registrar.client.withHeaders({ 'x-access-reason': 'case_follow_up' }).get(`/api/v1/cases/${caseId}`);
    expect(plain.status).toBe(200);
    expect(JSON.stringify(plain.body)).toContain('Quispe');
    const described = await registrar.client.withHeaders({ 'x-access-reason': encodeURIComponent('prosecution: citación del 12 de mayo') }).get(`/api/v1/cases/${caseId}`);
    expect(described.status).toBe(200);
    const other = await registrar.client.withHeaders({ 'x-access-reason': 'other: llamada de la victima' }).get(`/api/v1/cases/${caseId}`);
    expect(other.status).toBe(200);
    const reasons = await reasonsOf(caseId);
    expect(reasons).toEqual(expect.arrayContaining(['case_follow_up', 'prosecution: citación del 12 de mayo', 'other: llamada de la victima']));
  });

  it('an anonymous request with a bad reason still learns only 401', async () => {
    const response = await raw('GET', `/api/v1/cases/${caseId}`, null);
    expect(response.status).toBe(401);
    const withReason = await registry.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: { 'x-access-reason': 'nonsense' } });
    expect(withReason.statusCode).toBe(401);
  });
});

describe('Cache-Control: no-store', () => {
  it('marks identity reads, restricted texts, searches, errors and the login answer', async () => {
    const call = await operator.client.post('/api/v1/hotline/calls', callInput({ summary: 'denunciante anónimo', classification: 'information_request' }));
    const responses = [
      await registrar.client.withReason('case_follow_up').get(`/api/v1/cases/${caseId}`),
      await registrar.client.withReason('case_follow_up').get(`/api/v1/persons/${personId}`),
      await registrar.client.withReason('case_follow_up').get('/api/v1/persons?documentType=dni&documentNumber=12345678'),
      await operator.client.withReason('case_follow_up').get(`/api/v1/hotline/calls/${call.body.id}`),
      await registrar.client.get('/api/v1/cases'),
      await registrar.client.get('/api/v1/auth/me'),
      await registrar.client.get(`/api/v1/cases/${MISSING}`),
      await registrar.client.get('/api/v1/cases/%E0%A4%A'),
      await raw('GET', '/api/v1/cases', null),
    ];
    for (const response of responses) expect(response.headers['cache-control']).toBe('no-store');
    const login = await registry.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: registrar.username, password: 'wrong-password-x' } });
    expect(login.headers['cache-control']).toBe('no-store');
  });
});
