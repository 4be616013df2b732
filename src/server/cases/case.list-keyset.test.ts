import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/api-client';
import { makeInstitution, makeUnit, makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { grantCaseAccess } from '../policy';

/**
 * The case list by key (issue 11): paging with `limit`/`cursor` returns every visible case exactly once and
 * nothing out of scope, for several roles across two institutions and two regions, in every sort; the total
 * matches; a forged or foreign cursor is refused, not obeyed.
 */
let registry: TestRegistry;
const expected = new Map<string, Set<string>>();
const clients = new Map<string, ApiClient>();
let arequipaUnitId: string;
let arequipaCases: Set<string>;

const caseBody = (reportedOn: string, ubigeo: string) => ({
  source: 'complaint', reportedOn, acts: ['recruitment'], purposes: ['forced_labour'], places: [{ kind: 'exploitation', ubigeo }],
  victims: [{ person: { sex: 'female' }, ageYears: 19 }],
});

async function register(user: MadeUser, n: number, ubigeo: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    // Few distinct dates: many ties on reportedOn, so the id tie-break is exercised.
    const created = await user.client.post('/api/v1/cases', caseBody(`2026-0${1 + (i % 2)}-10`, ubigeo));
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  return ids;
}

beforeAll(async () => {
  registry = await createTestRegistry();
  const { deps } = registry;
  const policeA = await makeInstitution(deps);
  const limaA = await makeUnit(deps, policeA.id, '15');
  const arequipaA = await makeUnit(deps, policeA.id, '04');
  const registrarLimaA = await makeUser(registry, { roles: ['registrar'], institutionId: policeA.id, unitId: limaA.id, departments: ['15'] });
  const registrarArequipaA = await makeUser(registry, { roles: ['registrar'], institutionId: policeA.id, unitId: arequipaA.id, departments: ['04'] });
  const supervisorA = await makeUser(registry, { roles: ['supervisor'], institutionId: policeA.id, unitId: limaA.id, national: true });
  const registrarB = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
  const analystLima = await makeUser(registry, { roles: ['analyst'], departments: ['15'] });
  const prosecutor = await makeUser(registry, { roles: ['prosecutor'], departments: ['15'] });
  const socialWorker = await makeUser(registry, { roles: ['social_worker'], departments: ['15'] });

  const limaOfA = await register(registrarLimaA, 7, '15');
  const arequipaOfA = await register(registrarArequipaA, 5, '04');
  arequipaUnitId = arequipaA.id;
  arequipaCases = new Set(arequipaOfA);
  const ofB = await register(registrarB, 6, '15');
  // Workflow grants: a police report for three of A's cases (one outside the prosecutor's region: a grant
  // is not limited by geography), a referral of one victim of one of B's cases.
  const reported = [limaOfA[0]!, limaOfA[3]!, arequipaOfA[1]!];
  for (const caseId of reported) await grantCaseAccess(deps.db, { caseId, institutionId: prosecutor.institutionId, basis: 'police_report', grantedBy: null });
  const referredCase = (await registrarB.client.get(`/api/v1/cases/${ofB[2]}`)).body;
  await grantCaseAccess(deps.db, { caseId: ofB[2]!, institutionId: socialWorker.institutionId, basis: 'referral', victimIds: [referredCase.victims[0].id], grantedBy: null });

  const users: Record<string, [MadeUser, string[]]> = {
    registrarLimaA: [registrarLimaA, limaOfA],
    registrarArequipaA: [registrarArequipaA, arequipaOfA],
    supervisorA: [supervisorA, [...limaOfA, ...arequipaOfA]],
    registrarB: [registrarB, ofB],
    analystLima: [analystLima, [...limaOfA, ...ofB]],
    prosecutor: [prosecutor, reported],
    socialWorker: [socialWorker, [ofB[2]!]],
  };
  for (const [name, [user, ids]] of Object.entries(users)) {
    clients.set(name, user.client);
    expected.set(name, new Set(ids));
  }
}, 120_000);
afterAll(() => registry.close());

const list = (client: ApiClient, query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return client.get(`/api/v1/cases?${params}`);
};

async function walk(client: ApiClient, sort: string, limit: number, filters: Record<string, string> = {}) {
  const seen: string[] = [];
  let cursor: string | undefined;
  let total: number | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await list(client, { ...filters, sort, limit, cursor });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    total ??= page.body.total;
    seen.push(...page.body.items.map((c: { id: string }) => c.id));
    if (!page.body.nextCursor) return { seen, total: total! };
    cursor = page.body.nextCursor;
  }
  throw new Error('the cursor never ended');
}

describe('keyset paging of the case list', () => {
  for (const sort of ['-registeredAt', 'registeredAt', 'reportedOn', '-reportedOn', 'code', '-code']) {
    it(`returns every visible case exactly once, nothing else, sorted by ${sort}`, async () => {
      for (const [name, client] of clients) {
        const want = expected.get(name)!;
        const { seen, total } = await walk(client, sort, 2);
        expect(new Set(seen).size, `${name}: no case twice`).toBe(seen.length);
        expect(new Set(seen), name).toEqual(want);
        expect(total, name).toBe(want.size);
        // The same cases, in the same order, as the page-numbered list.
        const paged = await list(client, { sort, page: 1, pageSize: 200 });
        expect(paged.body.items.map((c: { id: string }) => c.id), name).toEqual(seen);
        expect(paged.body).toMatchObject({ total: want.size, totalCapped: false, page: 1, pageSize: 200 });
      }
    });
  }

  it('keeps filters across pages', async () => {
    const { seen, total } = await walk(clients.get('supervisorA')!, '-registeredAt', 2, { unitId: arequipaUnitId });
    expect(new Set(seen)).toEqual(arequipaCases);
    expect(total).toBe(arequipaCases.size);
  });

  it('refuses a forged, foreign or malformed cursor (400), never widening the scope', async () => {
    const client = clients.get('registrarB')!;
    const first = await list(client, { limit: 1, sort: 'code' });
    const cursor: string = first.body.nextCursor;
    expect(cursor).toBeTruthy();
    // A cursor of another sort.
    expect((await list(client, { limit: 1, sort: '-registeredAt', cursor })).status).toBe(400);
    const forged = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
    for (const bad of [
      'not-a-cursor', forged({ s: 'code', v: "x' or 1=1 --", id: "'; drop table cases; --" }), forged({ s: 'code', v: 1, id: 2 }), forged([1, 2]),
      forged({ s: 'code', v: 'x'.repeat(300), id: '00000000-0000-0000-0000-000000000000' }), 'a'.repeat(501), 'abc$def',
    ]) {
      const response = await list(client, { limit: 1, sort: 'code', cursor: bad });
      expect(response.status, bad).toBe(400);
    }
    // A well-formed cursor whose key is someone else's case only moves the position: still only own cases.
    const foreignId = [...expected.get('registrarLimaA')!][0]!;
    const moved = await list(client, { limit: 50, sort: 'code', cursor: forged({ s: 'code', v: '', id: foreignId }) });
    expect(moved.status).toBe(200);
    for (const item of moved.body.items) expect(expected.get('registrarB')!.has(item.id)).toBe(true);
  });
});
