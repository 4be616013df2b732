import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { anonymous, loginAs, withBearer, type ApiClient } from './api-client';
import { makeCase } from './case-factory';
import type { Role } from '../src/core/permissions';
import { createAdminService } from '../src/server/admin/admin.service';
import { createApiTokenService } from '../src/server/auth/api-token.service';
import { systemCtx } from '../src/server/context';
import { makeInstitution, makeUnit, makeUser, uniqueCode, type MadeUser } from './factories';
import { createTestRegistry, type TestRegistry } from './registry';

/**
 * The authorization matrix over EVERY /api/v1 route that exists (read from the OpenAPI document, which
 * every route with a schema appears in): no credentials → 401; a role without the permission → 403;
 * another institution's or region's record → 404; no identity for roles without identity.read.
 */
type Route = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string };

/** Routes anyone may call, signed in or not: login, system info, and everything under /api/v1/public/. */
const PUBLIC_ROUTES = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/login/second-factor', 'POST /api/v1/auth/device-status', 'GET /api/v1/system/info']);
const isPublic = (r: { method: string; path: string }) => PUBLIC_ROUTES.has(`${r.method} ${r.path}`) || r.path.startsWith('/api/v1/public/');
/** Routes every signed-in user may call whatever the role (own account, pickers, the legal table). */
const ANY_SIGNED_IN = new Set([
  'GET /api/v1/auth/me', 'POST /api/v1/auth/password', 'POST /api/v1/auth/logout', 'GET /api/v1/institutions',
  'GET /api/v1/auth/second-factor', 'POST /api/v1/auth/second-factor/enrolment', 'POST /api/v1/auth/second-factor/enrolment/confirm', 'GET /api/v1/units',
  'GET /api/v1/reference/ubigeo', 'GET /api/v1/reference/countries', 'GET /api/v1/reference/codes', 'GET /api/v1/reference/boundaries',
  'GET /api/v1/legal/regimes', 'GET /api/v1/legal/articles', 'GET /api/v1/legal/articles/{id}', 'GET /api/v1/legal/resolve',
  // The change feed: what each reader learns is decided per record by the policy (src/server/policy/changes.ts).
  'GET /api/v1/changes', 'GET /api/v1/changes/head',
]);

const IDENTITY_STRINGS = /Wilma|Cutipa|Z9988776|Relato confidencial/;

let registry: TestRegistry;
let routes: Route[];
let owner: MadeUser;
let made: Awaited<ReturnType<typeof makeCase>>;
let caseId: string;

beforeAll(async () => {
  registry = await createTestRegistry();
  const doc = registry.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Route['method'], path })));
  owner = await makeUser(registry, { roles: ['registrar'] });
  const created = await owner.client.post('/api/v1/cases', {
    source: 'complaint', reportedOn: '2026-01-02', acts: ['recruitment'], purposes: ['forced_labour'], narrative: 'Relato confidencial',
    victims: [{ person: { sex: 'female', identity: { givenNames: 'Wilma', familyNames: 'Cutipa', document: { type: 'dni', number: 'Z9988776' } } }, ageYears: 15 }],
    suspects: [{ person: { sex: 'male', identity: { givenNames: 'Wilma', familyNames: 'Cutipa' } } }],
    places: [{ kind: 'exploitation', ubigeo: '15' }],
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  made = await makeCase(registry.deps, owner);
});
afterAll(() => registry.close());

const key = (r: Route) => `${r.method} ${r.path}`;
const hasBody = (r: Route) => r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT';
const fill = (path: string, ids: Record<string, string> = {}) => path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? randomUUID());
const call = (client: ApiClient, r: Route, url: string, body: unknown = {}) => client.request(r.method, url, hasBody(r) ? body : undefined);

describe('authorization matrix', () => {
  it('finds the routes (sanity: the case routes are there)', () => {
    expect(routes.map(key)).toEqual(expect.arrayContaining([...ANY_SIGNED_IN, 'POST /api/v1/cases', 'GET /api/v1/cases/{id}', 'POST /api/v1/cases/{id}/suspects/{suspectId}/events', 'POST /api/v1/referrals', 'POST /api/v1/hotline/calls', 'GET /api/v1/search']));
  });

  it('answers 401 without credentials on every non-public route', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      if (isPublic(r)) continue;
      const response = await call(anonymous(registry.app), r, fill(r.path));
      if (response.status !== 401) wrong.push(`${key(r)} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to a role without the permission on every restricted route', async () => {
    // hotline_operator holds only hotline permissions; hotline routes are probed with a labour inspector.
    const hotline = await makeUser(registry, { roles: ['hotline_operator'] });
    const inspector = await makeUser(registry, { roles: ['labour_inspector'] });
    const wrong: string[] = [];
    for (const r of routes) {
      if (isPublic(r) || ANY_SIGNED_IN.has(key(r))) continue;
      const probe = r.path.startsWith('/api/v1/hotline') ? inspector : hotline;
      // An empty body: the permission is checked before validation, so the answer is 403, never a 400.
      const response = await call(probe.client, r, fill(r.path));
      if (response.status !== 403) wrong.push(`${key(r)} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 404 for another institution’s case on every case route, reads and writes', async () => {
    const other = await makeUser(registry, { roles: ['registrar', 'prosecutor', 'court_clerk', 'social_worker', 'supervisor'] });
    const victimId = made.victims[0]!.id;
    const suspectId = made.suspects[0]?.id ?? randomUUID();
    const ids = { id: made.case.id, victimId, suspectId, personId: made.victims[0]!.personId, placeId: randomUUID() };
    const bodies: Record<string, unknown> = {
      'PATCH /api/v1/cases/{id}': { version: 1, acts: ['receipt'] },
      'POST /api/v1/cases/{id}/transfer': { version: 1, unitId: other.unitId },
      'POST /api/v1/cases/{id}/victims': { person: { sex: 'female' } },
      'PATCH /api/v1/cases/{id}/victims/{victimId}': { version: 1, ageYears: 3 },
      'POST /api/v1/cases/{id}/suspects': { person: { sex: 'male' } },
      'PATCH /api/v1/cases/{id}/suspects/{suspectId}': { version: 1, roles: ['recruiter'] },
      'POST /api/v1/cases/{id}/places': { kind: 'transit', country: 'BOL' },
      'PATCH /api/v1/persons/{id}': { version: 1, sex: 'unknown' },
    };
    const wrong: string[] = [];
    for (const r of routes) {
      const scoped = r.path.startsWith('/api/v1/cases/{id}') || r.path.startsWith('/api/v1/persons/{id}') || r.path.startsWith('/api/v1/victims/{victimId}');
      if (!scoped) continue;
      if (hasBody(r) && !(key(r) in bodies)) continue; // other features' write bodies are checked in their own matrices
      const routeIds = r.path.startsWith('/api/v1/persons') ? { ...ids, id: ids.personId } : ids;
      const url = fill(r.path, routeIds) + (r.method === 'DELETE' ? '?version=1' : '');
      const response = await call(other.client, r, url, bodies[key(r)]);
      if (response.status !== 404) wrong.push(`${key(r)} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 404 for a case of the same institution in another region', async () => {
    const cusco = await makeUnit(registry.deps, owner.institutionId, '08');
    const inCusco = await makeCase(registry.deps, { institutionId: owner.institutionId, unitId: cusco.id });
    expect((await owner.client.get(`/api/v1/cases/${inCusco.case.id}`)).status).toBe(404);
    expect((await owner.client.patch(`/api/v1/cases/${inCusco.case.id}`, { version: 1, acts: ['receipt'] })).status).toBe(404);
    expect((await owner.client.get(`/api/v1/persons/${inCusco.victims[0]!.personId}`)).status).toBe(404);
  });

  it('never shows identity or narrative to a role without identity.read, on any readable route', async () => {
    const analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    const created = (await owner.client.get(`/api/v1/cases/${caseId}`)).body;
    const ids = { id: caseId, victimId: created.victims[0].id, suspectId: created.suspects[0].id, personId: created.victims[0].personId };
    let readable = 0;
    for (const r of routes) {
      if (r.method !== 'GET') continue;
      const response = await analyst.client.withReason('estadística').request('GET', fill(r.path, ids));
      if (response.status !== 200) continue;
      readable++;
      const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      expect(text, key(r)).not.toMatch(IDENTITY_STRINGS);
      expect(text, key(r)).not.toMatch(/"identity"\s*:|"narrative"\s*:|"identityAvailable"/);
    }
    expect(readable).toBeGreaterThan(3);
    const seen = await analyst.client.withReason('estadística').get(`/api/v1/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.victims[0].person).not.toHaveProperty('identity');
  });

  // ---- issue 8: role combinations, other units, other regions, reserved names ----

  /** A service account with an API token: many actors without running into the login rate limit. */
  async function tokenUser(options: { roles: Role[]; kind?: string; national?: boolean; departments?: string[]; institutionId?: string }): Promise<MadeUser> {
    const { deps } = registry;
    const departments = options.departments ?? ['15'];
    const institutionId = options.institutionId ?? (await makeInstitution(deps, options.kind ?? 'other')).id;
    const unit = await makeUnit(deps, institutionId, departments[0]);
    const username = uniqueCode('svc').toLowerCase();
    const scope = { national: options.national ?? false, departments: options.national ? [] : departments };
    const user = await createAdminService(deps).createUser(systemCtx('test'), { username, displayName: username, institutionId, unitId: unit.id, roles: options.roles, scope, isServiceAccount: true });
    const { token } = await createApiTokenService(deps).create(systemCtx('test'), { userId: user.id, name: 'matrix' });
    return { id: user.id, username, institutionId, unitId: unit.id, client: withBearer(registry.app, token) };
  }

  const combinations: Array<{ roles: Role[]; kind?: string }> = [
    { roles: ['analyst', 'registrar'] },
    { roles: ['analyst', 'social_worker'], kind: 'social_services' },
    { roles: ['analyst', 'prosecutor'], kind: 'prosecution' },
    { roles: ['analyst', 'supervisor'] },
    { roles: ['analyst', 'investigator'] },
  ];

  it('never shows identity or narrative to analyst-wide readers holding a second role with identity.read, on any readable route', async () => {
    const created = (await owner.client.get(`/api/v1/cases/${caseId}`)).body;
    const ids = { id: caseId, victimId: created.victims[0].id, suspectId: created.suspects[0].id, personId: created.victims[0].personId };
    for (const { roles, kind } of combinations) {
      const reader = await tokenUser({ roles, kind, national: true });
      let readable = 0;
      for (const r of routes) {
        if (r.method !== 'GET') continue;
        const response = await reader.client.withReason('estadística').request('GET', fill(r.path, ids));
        if (response.status !== 200) continue;
        readable++;
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        expect(text, `${roles.join('+')} ${key(r)}`).not.toMatch(IDENTITY_STRINGS);
        expect(text, `${roles.join('+')} ${key(r)}`).not.toMatch(/"identity"\s*:|"narrative"\s*:/);
      }
      expect(readable, roles.join('+')).toBeGreaterThan(3);
    }
  });

  it('the search never finds a person by name or document for analyst-wide readers, nor for another institution', async () => {
    const analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    const stranger = await tokenUser({ roles: ['registrar', 'supervisor'] });
    const readers = [analyst, stranger, ...(await Promise.all(combinations.map(({ roles, kind }) => tokenUser({ roles, kind, national: true }))))];
    for (const reader of readers) {
      for (const q of ['Z9988776', 'Wilma Cutipa', 'cutipa']) {
        const response = await reader.client.withReason('case_follow_up').get(`/api/v1/search?q=${encodeURIComponent(q)}`);
        expect(response.status).toBe(200);
        expect(response.body.persons, q).toEqual([]);
        expect(JSON.stringify(response.body)).not.toMatch(IDENTITY_STRINGS);
      }
    }
    const own = await owner.client.withReason('case_follow_up').get('/api/v1/search?q=Z9988776');
    expect(own.body.persons.map((p: { name: string }) => p.name)).toEqual(['Wilma Cutipa']);
  });

  it('refuses every write on another institution’s victim or case to analyst-wide readers holding a writing role', async () => {
    const created = (await owner.client.get(`/api/v1/cases/${caseId}`)).body;
    const victimId = created.victims[0].id;
    const bodies: Record<string, (actor: MadeUser) => unknown> = {
      'PATCH /api/v1/victims/{victimId}/identification': () => ({ identificationStatus: 'not_a_victim', version: 1 }),
      'POST /api/v1/victims/{victimId}/reparations': () => ({ kind: 'reparation', orderedAmount: 500, currency: 'PEN' }),
      'POST /api/v1/victims/{victimId}/repatriations': () => ({ fromCountry: 'PER', toCountry: 'BOL', repatriatedOn: '2026-01-10' }),
      'POST /api/v1/victims/{victimId}/residency-permits': () => ({ permitType: 'humanitarian', grantedOn: '2026-01-10' }),
      'POST /api/v1/referrals': (actor) => ({ victimId, toInstitutionId: actor.institutionId, serviceType: 'shelter', consentGiven: true }),
      'PATCH /api/v1/cases/{id}': () => ({ version: 1, acts: ['receipt'] }),
      'POST /api/v1/cases/{id}/victims': () => ({ person: { sex: 'female' } }),
      'PATCH /api/v1/cases/{id}/victims/{victimId}': () => ({ version: 1, ageYears: 3 }),
      'POST /api/v1/cases/{id}/places': () => ({ kind: 'transit', country: 'BOL' }),
      'POST /api/v1/cases/{id}/suspects/{suspectId}/events': () => ({ type: 'extradition_requested', occurredOn: '2026-01-05', country: 'BOL' }),
    };
    const targets = routes.filter((r) => hasBody(r) && (r.path.startsWith('/api/v1/victims/{victimId}') || key(r) in bodies));
    const unknown = targets.filter((r) => !(key(r) in bodies)).map(key);
    expect(unknown, 'write routes on victims need a valid body here').toEqual([]);
    const ids = { id: caseId, victimId, suspectId: created.suspects[0].id };
    const wrong: string[] = [];
    for (const { roles, kind } of combinations) {
      const writer = await tokenUser({ roles, kind, national: true });
      for (const r of targets) {
        const response = await call(writer.client, r, fill(r.path, ids), bodies[key(r)]!(writer));
        if (![403, 404].includes(response.status)) wrong.push(`${roles.join('+')} ${key(r)} → ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
    const after = (await owner.client.get(`/api/v1/cases/${caseId}`)).body;
    expect(after.version).toBe(created.version);
    expect(after.victims[0].identificationStatus).toBe(created.victims[0].identificationStatus);
  });

  it('scopes by region: analysts and combinations of another department do not see the case', async () => {
    for (const roles of [['analyst'], ['analyst', 'registrar'], ['analyst', 'supervisor']] as Role[][]) {
      const cusco = await tokenUser({ roles, departments: ['08'] });
      expect((await cusco.client.get(`/api/v1/cases/${caseId}`)).status, roles.join('+')).toBe(404);
      expect((await cusco.client.get('/api/v1/cases?pageSize=200')).body.items.map((c: { id: string }) => c.id), roles.join('+')).not.toContain(caseId);
    }
    const lima = await tokenUser({ roles: ['analyst', 'registrar'], departments: ['15'] });
    expect((await lima.client.get(`/api/v1/cases/${caseId}`)).status).toBe(200);
  });

  it('lets another unit of the owning institution in the same region work on the case (ownership is the institution’s)', async () => {
    const colleague = await tokenUser({ roles: ['registrar'], institutionId: owner.institutionId });
    expect(colleague.unitId).not.toBe(owner.unitId);
    const seen = await colleague.client.withReason('seguimiento').get(`/api/v1/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).toMatch(IDENTITY_STRINGS);
  });

  it('refuses reserved user names, and a name never grants power', async () => {
    const admin = await tokenUser({ roles: ['administrator'] });
    const body = (username: string) => ({ username, displayName: username, institutionId: owner.institutionId, roles: ['analyst'], scope: { national: true, departments: [] }, password: 'Correct-Horse-Battery-9' });
    for (const username of ['system', 'root', 'administrator']) expect((await admin.client.post('/api/v1/users', body(username))).status, username).toBe(400);
    // An account that holds the name anyway (made before names were reserved) is an ordinary user.
    const other = await makeUser(registry, { roles: ['registrar', 'prosecutor', 'court_clerk', 'social_worker'] });
    await registry.deps.db.update(users).set({ username: 'system' }).where(eq(users.id, other.id));
    const named = await loginAs(registry.app, 'system', 'Correct-Horse-Battery-9');
    expect(JSON.stringify((await named.get('/api/v1/auth/me')).body)).toContain('"username":"system"');
    const wrong: string[] = [];
    for (const r of routes) {
      const scoped = r.path.startsWith('/api/v1/cases/{id}') || r.path.startsWith('/api/v1/victims/{victimId}');
      if (!scoped || r.method !== 'GET') continue;
      const response = await call(named.withReason('auditoría'), r, fill(r.path, { id: made.case.id, victimId: made.victims[0]!.id }));
      if (response.status !== 404) wrong.push(`${key(r)} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
