import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { acts, caseSources, means, purposes } from '../../core/codes';

let registry: TestRegistry;
let registrar: MadeUser;
let caseId: string;
let personId: string;

beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
  const created = await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-01', victims: [{ person: { sex: 'female' } }] });
  caseId = created.body.id;
  personId = created.body.victims[0].personId;
});
afterAll(() => registry.close());

const TABLES = ['cases', 'persons', 'case_victims', 'case_suspects', 'case_places', 'case_events', 'case_code_sequences', 'audit_log'];

/** Row counts and a content fingerprint of the case tables: equal before and after means nothing changed. */
async function snapshot() {
  const parts = TABLES.map((t) => `(select count(*)::int from ${t})`).join(', ');
  const counts = await registry.deps.db.execute(sql.raw(`select json_build_array(${parts}) as c`));
  const versions = await registry.deps.db.execute(sql.raw(`select json_build_array((select coalesce(sum(version), 0)::int from cases), (select coalesce(sum(version), 0)::int from persons), (select coalesce(sum(version), 0)::int from case_victims), (select coalesce(max(last_number), 0)::int from case_code_sequences)) as v`));
  const rows = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[]));
  return JSON.stringify([rows(counts)[0], rows(versions)[0]]);
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("'; drop table cases; --", '\u0000', '<script>alert(1)</script>', '../../etc/passwd', '%00', '💥'.repeat(50), 'RETA-2026-000001', '2026-02-30', '99', '150101'),
  fc.string({ minLength: 190, maxLength: 400 }),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 4 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);
const pick = <T>(values: readonly T[]) => fc.oneof(fc.constantFrom(...values), hostileValue);

const caseBody = fc.record(
  {
    source: pick(caseSources),
    reportedOn: fc.oneof(fc.constantFrom('2026-01-15', '2999-01-01', '2026-13-01'), hostileValue),
    factsDateFrom: fc.oneof(fc.constantFrom('2016', '2016-05', '2016-05-14', '2017-02-29'), hostileValue),
    acts: fc.oneof(fc.subarray([...acts]), hostileValue),
    means: fc.oneof(fc.subarray([...means]), hostileValue),
    purposes: fc.oneof(fc.subarray([...purposes]), hostileValue),
    countries: fc.oneof(fc.constantFrom(['PER'], ['XXX'], ['per']), hostileValue),
    narrative: hostileValue,
    victims: fc.oneof(
      fc.array(fc.record({ person: fc.oneof(fc.record({ sex: pick(['female', 'male']) }), hostileValue), ageYears: fc.oneof(fc.integer({ min: -5, max: 200 }), hostileValue) }, { requiredKeys: [] }), { maxLength: 3 }),
      hostileValue,
    ),
    places: fc.oneof(fc.array(fc.record({ kind: pick(['exploitation', 'transit']), ubigeo: pick(['15', '1501', '999999']), country: pick(['PER', 'BOL', 'XXX']) }, { requiredKeys: [] }), { maxLength: 3 }), hostileValue),
    version: fc.oneof(fc.integer({ min: -1, max: 5 }), hostileValue),
    status: pick(['open', 'closed']),
    [`__proto__`]: hostileValue,
  },
  { requiredKeys: [] },
);

const personBody = fc.record(
  {
    version: fc.oneof(fc.integer({ min: -1, max: 4 }), hostileValue),
    sex: pick(['female', 'male', 'unknown']),
    nationalities: fc.oneof(fc.constantFrom(['PER'], ['ZZZ']), hostileValue),
    originUbigeo: pick(['15', '999999']),
    birthYear: fc.oneof(fc.integer({ min: 1800, max: 2200 }), hostileValue),
    identity: fc.oneof(fc.record({ givenNames: hostileValue, document: fc.oneof(fc.record({ type: pick(['dni']), number: hostileString }), hostileValue) }, { requiredKeys: [] }), hostileValue),
  },
  { requiredKeys: [] },
);

/** Sends the body; a 4xx must leave the database exactly as it was, and nothing may answer 5xx. */
async function probe(method: 'POST' | 'PATCH', url: string, body: unknown, raw = false) {
  const before = await snapshot();
  const response = raw
    ? await registry.app.inject({ method, url, payload: String(body), headers: { 'content-type': 'application/json', cookie: (registrar.client as any).auth.cookie, 'x-csrf-token': (registrar.client as any).auth.csrfToken } })
    : await registrar.client.request(method, url, body);
  const status = 'statusCode' in response ? response.statusCode : response.status;
  expect(status).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(500);
  if (status >= 400) expect(await snapshot()).toBe(before);
  return status;
}

describe('hostile input never breaks the registry', () => {
  it('POST /cases: only 2xx or 4xx, nothing written on 4xx', async () => {
    await fc.assert(fc.asyncProperty(caseBody, async (body) => void (await probe('POST', '/api/v1/cases', body))), { numRuns: 60 });
  });

  it('POST /cases with arbitrary JSON and broken text', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (body) => void (await probe('POST', '/api/v1/cases', body))), { numRuns: 30 });
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 50 }), async (text) => void (await probe('POST', '/api/v1/cases', `{${text}`, true))), { numRuns: 20 });
  });

  it('PATCH /cases/:id and POST /cases/:id/victims', async () => {
    await fc.assert(fc.asyncProperty(caseBody, async (body) => void (await probe('PATCH', `/api/v1/cases/${caseId}`, body))), { numRuns: 50 });
    await fc.assert(fc.asyncProperty(fc.oneof(caseBody, fc.jsonValue()), async (body) => void (await probe('POST', `/api/v1/cases/${caseId}/victims`, body))), { numRuns: 30 });
  });

  it('PATCH /persons/:id', async () => {
    await fc.assert(fc.asyncProperty(personBody, async (body) => void (await probe('PATCH', `/api/v1/persons/${personId}`, body))), { numRuns: 50 });
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const current = (await registrar.client.get(`/api/v1/cases/${caseId}`)).body;
    const before = await snapshot();
    const stale = await registrar.client.patch(`/api/v1/cases/${caseId}`, { version: current.version + 7, purposes: ['organ_removal'] });
    expect(stale.status).toBe(409);
    expect(await snapshot()).toBe(before);
  });
});
