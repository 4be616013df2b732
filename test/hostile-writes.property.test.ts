import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../src/core/permissions';
import { ApiClient } from './api-client';
import { makeUser, TEST_PASSWORD, type MadeUser } from './factories';
import { createTestRegistry, type TestRegistry } from './registry';

/**
 * Issue 11, "no 500 for any input" (and issue 8, item 16): every write route of the app's own OpenAPI document
 * (POST, PUT, PATCH, DELETE, sign-in and imports included) gets hostile input of every kind — whole bodies
 * (empty, `null`, an array, a scalar, cut-short JSON, 100,000 levels of nesting, prototype-pollution keys,
 * unknown keys, the wrong content type), path parameters and versions (over-long, bad %-encoding, NUL, int4
 * overflow), and one field at a time made hostile (int4 / 2^53 / 1e308 numbers, year 0000 and impossible
 * dates, lone surrogates, NUL bytes, 100,000-character strings, 20,000-item arrays, the wrong JSON type).
 * The sender holds every role nationally, so requests get past authorisation to validation and the services.
 * Nothing may answer 5xx; a refusal is in the documented error shape and leaves every table's row count as it
 * was; no request pollutes Object.prototype.
 */
type Schema = Record<string, any>;
type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Route { method: Method; path: string; params: Schema[]; body?: Schema; json: boolean }
interface Attack { label: string; url?: string; payload?: string; contentType?: string; noBody?: boolean }

let registry: TestRegistry;
let backupDir: string;
let user: MadeUser;
let routes: Route[] = [];
let components: Record<string, Schema> = {};
/** Ids for the body's fields (the sender's own unit and institution, the case made for the run). */
const ids: Record<string, string> = {};
/** Ids for the administration routes' paths (`/users/{id}`…): records of another user. */
const edits: Record<string, string> = {};
const MISSING = '00000000-0000-4000-8000-0000000000aa';
const statuses = new Map<number, number>();
/** Per route, how many requests got past authorisation (neither 401 nor 403). */
const reached = new Map<string, number>();

beforeAll(async () => {
  // A hostile request to the backup route that succeeds makes a real backup: into a directory of its own.
  backupDir = mkdtempSync(join(tmpdir(), 'reta-hostile-backups-'));
  registry = await createTestRegistry({ backupDir });
  user = await makeUser(registry, { roles: [...roles], national: true, kind: 'police' });
  const made = await user.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-10', victims: [{ person: { sex: 'female' } }], suspects: [{ person: { sex: 'male' } }] });
  expect(made.status).toBe(201);
  // The user, institution and unit the administration routes edit are others: a sample that succeeded on the
  // sender's own account would take its roles away (or change its password) and leave the rest of the run at 403.
  const edited = await makeUser(registry, { roles: ['registrar'] });
  Object.assign(edits, { institutionId: edited.institutionId, unitId: edited.unitId!, userId: edited.id });
  Object.assign(ids, {
    caseId: made.body.id, victimId: made.body.victims[0].id, suspectId: made.body.suspects[0].id, personId: made.body.victims[0].personId,
    institutionId: user.institutionId, unitId: user.unitId!, userId: edited.id,
  });
  // The document as the app serves it, in process.
  const doc = JSON.parse((await registry.app.inject({ method: 'GET', url: '/api/docs/json' })).body);
  components = doc.components?.schemas ?? {};
  for (const [path, operations] of Object.entries<Record<string, any>>(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries<any>(operations)) {
      if (!['post', 'patch', 'put', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      routes.push({ method: method.toUpperCase() as Method, path, params: op.parameters ?? [], body: content['application/json']?.schema, json: !content['multipart/form-data'] });
    }
  }
}, 120_000);
afterAll(async () => {
  await registry?.close();
  rmSync(backupDir, { recursive: true, force: true });
});

const resolve = (s: Schema | undefined): Schema => (s?.$ref ? resolve(components[s.$ref.split('/').pop()!]) : (s ?? {}));

/** A plausible value for a schema: enough for the other fields to pass, so the hostile one is what is tested. */
function sample(raw: Schema | undefined, name = ''): unknown {
  const s = resolve(raw);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return sample(alternatives.find((a: Schema) => resolve(a).type !== 'null') ?? alternatives[0], name);
  if (s.allOf) return sample(s.allOf[0], name);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries<Schema>(s.properties ?? {}).map(([key, value]) => [key, sample(value, key)]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, name));
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(s, name);
    default:
      return null;
  }
}

function sampleString(s: Schema, name: string): string {
  if (s.format === 'uuid') return ids[name] ?? ids[name.replace(/^(to|from|receiving|referred)([A-Z])/, (_m, _p, c: string) => c.toLowerCase())] ?? MISSING;
  if (s.format === 'date-time') return '2026-01-15T10:00:00-05:00';
  const pattern: string = s.pattern ?? '';
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-01-15';
  if (pattern.startsWith('^\\d{4}(')) return '2026';
  if (pattern.includes('\\d{6}') || pattern === '^\\d{2}$' || pattern.includes('\\d{4})$')) return '15';
  if (pattern.includes('[A-Z]{3}')) return name === 'currency' ? 'PEN' : 'PER';
  if (pattern.includes('a-z0-9')) return `u${Math.random().toString(36).slice(2, 10)}`;
  if (/password/i.test(name)) return `Sample-Passw0rd-${Math.random().toString(36).slice(2, 8)}`;
  return 'texto de prueba'.slice(0, Math.max(s.maxLength ?? 15, s.minLength ?? 1));
}

/** Every place in the body a value can be put: properties at any depth and the first item of arrays. */
function leaves(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...(value.length ? leaves(value[0], [...prefix, 0]) : [])];
  if (value && typeof value === 'object') return [...(prefix.length ? [prefix] : []), ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...prefix, k]))];
  return [prefix];
}

function setAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy: any = Array.isArray(body) ? [...body] : { ...(body as object) };
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), value);
  return copy;
}

const getAt = (value: unknown, path: (string | number)[]): unknown => path.reduce<any>((v, k) => (v == null ? undefined : v[k]), value);

const LONE_SURROGATE = 'Rosa \uD800 Quispe';
const WITH_NUL = 'Rosa\u0000Quispe';

/** Hostile values of the same kind as the sample — what a contract most likely lets through to the database. */
function matchedHostile(sampleValue: unknown): unknown[] {
  if (Array.isArray(sampleValue)) return [Array(20_000).fill(sampleValue[0] ?? 'PER')];
  if (typeof sampleValue === 'number') return [2 ** 31, -(2 ** 31) - 1, 1e308];
  if (typeof sampleValue === 'boolean') return ['true'];
  if (typeof sampleValue !== 'string') return [];
  if (/^\d{4}-\d{2}-\d{2}T/.test(sampleValue)) return ['0000-01-01T00:00:00Z', '2026-02-30T10:00:00Z'];
  if (/^\d{4}-\d{2}-\d{2}$/.test(sampleValue)) return ['0000-01-01', '2026-02-30'];
  if (/^\d{4}$/.test(sampleValue)) return ['0000', '9999'];
  if (/^[A-Z]{3}$/.test(sampleValue)) return ['ZZZ'];
  if (/^[0-9a-f-]{36}$/.test(sampleValue)) return [`${MISSING.slice(0, 35)}Z`, MISSING.toUpperCase()];
  return ['a'.repeat(100_000)]; // lone surrogates and NUL: sampled below, refused for every string at once
}

/** Any field: the wrong JSON type, an object with pollution keys, a lone surrogate, a NUL. */
const anyFieldHostile = fc.constantFrom<unknown>(
  {}, [], null, true, '', 12, 'x', { constructor: { prototype: { polluted: 1 } } }, 0.5, -1, 2 ** 53 + 2,
  LONE_SURROGATE, WITH_NUL, '\uDFFF', 'a'.repeat(100_000), Array(20_000).fill('PER'), '2026-13-01', '275760-09-13T00:00:00Z',
);

const hostileParams = ['a'.repeat(500), '%E0%A4%A', '%00', '%ED%A0%80', `${MISSING}${'0'.repeat(300)}`, '..%2F..%2Fetc', String(2 ** 31), '-1'];
const hostileVersions = [String(2 ** 31), String(2 ** 40), '-1', '1e308', 'abc', '', '1.5'];

/** Row counts of every table but sessions (a request may refresh its own session). */
let countQuery: string | undefined;
let tableNames: string[] = [];
async function rowCounts(): Promise<Record<string, number>> {
  if (!countQuery) {
    const result: any = await registry.deps.db.execute(sql.raw("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions' order by 1"));
    tableNames = (result.rows ?? result).map((r: { table_name: string }) => r.table_name);
    countQuery = `select json_build_array(${tableNames.map((n) => `(select count(*) from "${n}")`).join(', ')})::text as c`;
  }
  const counts: any = await registry.deps.db.execute(sql.raw(countQuery));
  const values = JSON.parse((counts.rows ?? counts)[0].c) as number[];
  return Object.fromEntries(tableNames.map((name, i) => [name, values[i]!]));
}

/**
 * A refused sign-in is itself recorded, on purpose: its audit entry and the throttle that slows password
 * guessing. Those are the only rows a refusal may add, and only on the sign-in routes.
 */
const recordedOnRefusal = (route: Route) => (route.path.startsWith('/api/v1/auth/') ? ['audit_log', 'login_throttle'] : []);

function expectNothingWritten(route: Route, before: Record<string, number>, after: Record<string, number>, what: string) {
  const allowed = recordedOnRefusal(route);
  const changed = Object.keys(after).filter((t) => after[t] !== before[t] && !allowed.includes(t)).map((t) => `${t} ${before[t]}→${after[t]}`);
  expect(changed, `${route.method} ${route.path}: ${what} wrote rows`).toEqual([]);
}

function urlFor(route: Route, hostile?: { index: number; value: string }, version = '1'): string {
  let i = 0;
  const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (hostile && i++ === hostile.index) return hostile.value;
    if (name === 'id') {
      const owner = Object.entries({ '/cases/': 'caseId', '/persons/': 'personId', '/institutions/': 'institutionId', '/units/': 'unitId', '/users/': 'userId' }).find(([prefix]) => route.path.startsWith(`/api/v1${prefix}`));
      return owner ? (edits[owner[1]] ?? ids[owner[1]])! : MISSING;
    }
    return ids[name] ?? MISSING;
  });
  return route.params.some((p) => p.in === 'query' && p.name === 'version') ? `${path}?version=${version}` : path;
}

/**
 * Sends as the all-roles user. A request that succeeds may end the user's own sessions (sign-out, a second-factor
 * reset of oneself): the user then signs in again, so the routes after it are still probed past authentication.
 */
async function send(route: Route, attack: Attack) {
  const auth = (user.client as unknown as { auth: { cookie: string; csrfToken: string } }).auth;
  const headers: Record<string, string> = { 'accept-language': 'en', cookie: auth.cookie, 'x-csrf-token': auth.csrfToken };
  if (attack.contentType) headers['content-type'] = attack.contentType;
  const response = await registry.app.inject({
    method: route.method, url: attack.url ?? urlFor(route), headers, remoteAddress: nextAddress(),
    ...(attack.noBody || attack.payload === undefined ? {} : { payload: attack.payload }),
  });
  const status = response.statusCode;
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  if (status !== 401 && status !== 403) reached.set(`${route.method} ${route.path}`, (reached.get(`${route.method} ${route.path}`) ?? 0) + 1);
  const where = `${route.method} ${route.path} [${attack.label}]`;
  expect(status, `${where} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (status >= 400) {
    const body = (() => { try { return JSON.parse(response.body); } catch { return undefined; } })();
    expect(body?.error?.code, `${where}: refusal not in the documented shape: ${response.body.slice(0, 200)}`).toEqual(expect.any(String));
  }
  expect(({} as Record<string, unknown>).polluted, `${where} polluted Object.prototype`).toBeUndefined();
  if (status < 300 && (await user.client.get('/api/v1/auth/me')).status === 401) user = { ...user, client: await signInAgain() };
  return status;
}

/**
 * Each request from its own address: the sign-in routes are rate-limited per address, and hundreds of
 * hostile sign-ins (and the sign-ins again after a sign-out) would otherwise all be 429 from the first few.
 */
let addresses = 0;
const nextAddress = () => `198.51.${Math.floor(addresses / 250) % 250}.${(addresses++ % 250) + 1}`;

async function signInAgain(): Promise<ApiClient> {
  const response = await registry.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: nextAddress(), payload: { username: user.username, password: TEST_PASSWORD } });
  expect(response.statusCode, `signing in again: ${response.body}`).toBe(200);
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;
  return new ApiClient(registry.app, { cookie, csrfToken: JSON.parse(response.body).csrfToken });
}

/**
 * Sends a route's attacks and checks that the refused ones wrote nothing, with as few counts as that takes: a
 * run of refusals is checked by one count before and one after. A success legitimately changes the counts, so
 * the refusals before it are sent again (checked the same way) and the attacks after it form a new run.
 */
async function sendChecked(route: Route, attacks: Attack[]): Promise<void> {
  if (!attacks.length) return;
  const before = await rowCounts();
  const refused: Attack[] = [];
  for (const [i, attack] of attacks.entries()) {
    if ((await send(route, attack)) >= 400) {
      refused.push(attack);
      continue;
    }
    if (refused.length) await sendChecked(route, refused);
    return sendChecked(route, attacks.slice(i + 1));
  }
  if (refused.length) expectNothingWritten(route, before, await rowCounts(), `one of [${refused.map((a) => a.label).join(', ')}]`);
}

const json = (payload: unknown): Pick<Attack, 'payload' | 'contentType'> => ({ payload: JSON.stringify(payload), contentType: 'application/json' });

const NO_BODY_NEEDED = new Set(['empty json body', 'cut-short json', 'nested 100,000 deep', '__proto__ key', 'wrong type (xml)', 'multipart, no boundary', 'multipart, cut short']);

/**
 * Whole-body attacks: the body as a whole is wrong, whatever the route. A route that takes no body (sign-out,
 * a backup, a deletion) ignores a well-formed one and does its work, so it gets only the bodies that cannot
 * even be parsed: each success there would be a backup or a sign-out more, not a finding.
 */
function bodyAttacks(route: Route): Attack[] {
  const base = (route.body ? sample(route.body) : {}) as Record<string, unknown>;
  const baseText = JSON.stringify(base);
  const withKeys = (keys: string) => (baseText === '{}' ? `{${keys}}` : `${baseText.slice(0, -1)},${keys}}`);
  const all: Attack[] = [
    { label: 'no body', noBody: true },
    { label: 'empty json body', payload: '', contentType: 'application/json' },
    { label: 'null', ...json(null) },
    { label: 'array', ...json([base]) },
    { label: 'string', ...json('{}') },
    { label: 'huge integer', payload: '123456789012345678901234567890', contentType: 'application/json' },
    { label: 'cut-short json', payload: baseText.slice(0, Math.max(1, baseText.length - 3)), contentType: 'application/json' },
    { label: 'nested 100,000 deep', payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, contentType: 'application/json' },
    { label: 'objects nested 40 deep', payload: `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`, contentType: 'application/json' },
    { label: '__proto__ key', payload: withKeys('"__proto__":{"polluted":1,"isAdmin":true}'), contentType: 'application/json' },
    { label: 'constructor.prototype key', payload: withKeys('"constructor":{"prototype":{"polluted":1}}'), contentType: 'application/json' },
    { label: 'unknown keys', ...json({ ...base, zzUnknown: 'x', id: MISSING, institutionId: MISSING, createdBy: MISSING, version: 2 ** 31 }) },
    { label: 'wrong type (text/plain)', payload: baseText, contentType: 'text/plain' },
    { label: 'wrong type (form)', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { label: 'wrong type (xml)', payload: '<a>1</a>', contentType: 'application/xml' },
    { label: 'json with a charset and a NUL', payload: JSON.stringify({ ...base, zz: WITH_NUL }), contentType: 'application/json; charset=utf-8' },
    { label: 'multipart, no boundary', payload: '--x\r\n\r\n', contentType: 'multipart/form-data' },
    { label: 'multipart, cut short', payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc', contentType: 'multipart/form-data; boundary=x' },
    { label: 'multipart, 300-character boundary', payload: `--${'b'.repeat(300)}\r\n`, contentType: `multipart/form-data; boundary=${'b'.repeat(300)}` },
    { label: 'multipart, pollution field', payload: '--x\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\n{}\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x' },
  ];
  const fitting = route.body || !route.json ? all : all.filter((a) => NO_BODY_NEEDED.has(a.label));
  // Bodies the parser refuses before any route code runs (wrong content type, unparsable or too deep JSON) are
  // answered the same way on every route: each route gets three of them in turn, so every one is sent to a
  // quarter of the routes; the bodies that reach the route's own validation and service go to every route.
  if (!route.json) return fitting; // an upload route reads multipart bodies itself: all of them, every time
  const turn = routes.indexOf(route);
  const parserOnly = fitting.filter((a) => PARSER_LEVEL.has(a.label));
  return [...fitting.filter((a) => !PARSER_LEVEL.has(a.label)), ...[0, 1, 2].map((k) => parserOnly[(turn * 3 + k) % parserOnly.length]!).filter((a, i, list) => list.indexOf(a) === i)];
}

const PARSER_LEVEL = new Set(['huge integer', 'cut-short json', 'nested 100,000 deep', 'wrong type (text/plain)', 'wrong type (form)', 'wrong type (xml)', 'multipart, no boundary', 'multipart, cut short', 'multipart, 300-character boundary', 'multipart, pollution field']);

describe('hostile input on every write route of the OpenAPI document', () => {
  it('reads the write routes from the document', () => {
    expect(routes.length).toBeGreaterThan(70);
    expect(routes.some((r) => r.path === '/api/v1/cases' && r.method === 'POST')).toBe(true);
    expect(routes.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('whole bodies and content types: empty, null, arrays, scalars, cut-short, deep nesting, pollution keys, unknown keys', async () => {
    for (const route of routes) await sendChecked(route, bodyAttacks(route));
    expect(statuses.get(400) ?? 0).toBeGreaterThan(routes.length * 5);
    expect(statuses.get(415) ?? 0).toBeGreaterThan(routes.length / 2);
  }, 300_000);

  it('path parameters and versions: over-long, bad %-encoding, NUL, surrogates, int4 overflow', async () => {
    for (const route of routes) {
      const count = (route.path.match(/\{/g) ?? []).length;
      const hasVersion = route.params.some((p) => p.in === 'query' && p.name === 'version');
      if (!count && !hasVersion) continue;
      const body = route.json && route.method !== 'DELETE' ? json(route.body ? sample(route.body) : {}) : {};
      const attacks: Attack[] = [];
      for (let index = 0; index < count; index++) for (const value of hostileParams) attacks.push({ label: `param ${index}=${value.slice(0, 20)}`, url: urlFor(route, { index, value }), ...body });
      if (hasVersion) for (const version of hostileVersions) attacks.push({ label: `version=${version}`, url: urlFor(route, undefined, version), ...body });
      await sendChecked(route, attacks);
    }
  }, 300_000);

  it('one field at a time: a hostile value of its own kind, or sampled from every kind (wrong types included)', async () => {
    let sent = 0;
    for (const route of routes) {
      if (!route.body || !route.json) continue;
      const base = sample(route.body);
      const targets = leaves(base);
      const attacks: Attack[] = [];
      for (const path of targets) {
        for (const value of matchedHostile(getAt(base, path))) attacks.push({ label: `${path.join('.')}=${String(value).slice(0, 24)}`, ...json(setAt(base, path, value)) });
      }
      // And from every kind, sampled with a fixed seed per route, so a failure replays.
      const seed = [...route.path].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
      for (const [path, value] of fc.sample(fc.tuple(fc.constantFrom(...targets), anyFieldHostile), { numRuns: 3, seed })) {
        attacks.push({ label: `${path.join('.')}=${JSON.stringify(value)?.slice(0, 24)}`, ...json(setAt(base, path, value)) });
      }
      sent += attacks.length;
      await sendChecked(route, attacks);
    }
    expect(sent).toBeGreaterThan(300);
  }, 300_000);

  it('reached past authorisation on every route, and some attacks were accepted as harmless', () => {
    const blocked = routes.filter((r) => !reached.get(`${r.method} ${r.path}`)).map((r) => `${r.method} ${r.path}`);
    expect(blocked).toEqual([]);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    console.info(`hostile writes: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests to ${routes.length} routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  });
});
