import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { makeInstitution, makeUnit, makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, caseAccess, cases, justiceEvents } from '../../db/schema';
import { grantCaseAccess } from '../policy';

let registry: TestRegistry;
let registrar: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

const minimal = (extra: Record<string, unknown> = {}) => ({ source: 'complaint', reportedOn: '2026-02-01', ...extra });
const auditCount = async () => Number((await registry.deps.db.select({ n: count() }).from(auditLog))[0]!.n);

describe('registering cases', () => {
  it('gives each case of a year the next code, also under concurrency', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => registrar.client.post('/api/v1/cases', minimal())));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const codes = results.map((r) => r.body.code as string);
    expect(new Set(codes).size).toBe(6);
    const numbers = codes.map((c) => Number(c.split('-')[2])).sort((a, b) => a - b);
    expect(numbers[5]! - numbers[0]!).toBe(5);
  });

  it('is idempotent on externalId per institution: the same create again returns the same case with 200, different data 409', async () => {
    const first = await registrar.client.post('/api/v1/cases', minimal({ externalId: 'PNP-2026-77' }));
    const again = await registrar.client.post('/api/v1/cases', minimal({ externalId: 'PNP-2026-77' }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const changed = await registrar.client.post('/api/v1/cases', minimal({ externalId: 'PNP-2026-77', purposes: ['forced_labour'] }));
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency.mismatch');
    const other = await makeUser(registry, { roles: ['registrar'] });
    const theirs = await other.client.post('/api/v1/cases', minimal({ externalId: 'PNP-2026-77' }));
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('checks places against the reference and countries against ISO 3166', async () => {
    const before = await auditCount();
    const bad = await registrar.client.post('/api/v1/cases', minimal({
      places: [{ kind: 'exploitation', ubigeo: '159999' }, { kind: 'transit', country: 'XXX' }, { kind: 'recruitment' }],
      countries: ['ZZZ'],
    }));
    expect(bad.status).toBe(400);
    // Unknown ISO codes are refused by the contract itself, together with the other field errors.
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['countries.0', 'places.1.country', 'places.2.ubigeo']);
    const codes = await registrar.client.post('/api/v1/cases', minimal({ places: [{ kind: 'exploitation', ubigeo: '159999' }, { kind: 'transit', country: 'XXX' }], countries: ['ZZZ'] }));
    expect(codes.status).toBe(400);
    expect(Object.keys(codes.body.error.fields).sort()).toEqual(['countries.0', 'places.1.country']);
    const semantic = await registrar.client.post('/api/v1/cases', minimal({ places: [{ kind: 'exploitation', ubigeo: '159999' }, { kind: 'transit', country: 'BOL' }], countries: ['BOL'] }));
    expect(semantic.status).toBe(400);
    expect(Object.keys(semantic.body.error.fields).sort()).toEqual(['places.0.ubigeo']);
    expect(await auditCount()).toBe(before);
    const good = await registrar.client.post('/api/v1/cases', minimal({ places: [{ kind: 'exploitation', ubigeo: '17' }, { kind: 'transit', country: 'BOL' }, { kind: 'residence', country: 'PER' }] }));
    expect(good.status).toBe(201);
    expect(good.body.places.map((p: any) => [p.kind, p.ubigeo, p.country, p.departmentCode])).toEqual([
      ['exploitation', '17', 'PER', '17'], ['residence', null, 'PER', null], ['transit', null, 'BOL', null],
    ]);
  });

  it('reuses a person sent again under the same external id, and refuses a unit of another institution', async () => {
    const person = { externalId: 'PER-EXT-1', sex: 'male' };
    const first = await registrar.client.post('/api/v1/cases', minimal({ suspects: [{ person }] }));
    const second = await registrar.client.post('/api/v1/cases', minimal({ suspects: [{ person }] }));
    expect(second.status).toBe(201);
    expect(second.body.suspects[0].personId).toBe(first.body.suspects[0].personId);
    const stranger = await makeUser(registry, { roles: ['registrar'] });
    const foreignUnit = await registrar.client.post('/api/v1/cases', minimal({ unitId: stranger.unitId }));
    expect(foreignUnit.status).toBe(400);
    expect(foreignUnit.body.error.fields.unitId).toBeDefined();
  });

  it('refuses future report dates and reversed facts ranges', async () => {
    const response = await registrar.client.post('/api/v1/cases', minimal({ reportedOn: '2099-01-01', factsDateFrom: '2020-05', factsDateTo: '2019' }));
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual(['factsDateTo', 'reportedOn']);
  });

  it('stores partial facts dates with their bounds', async () => {
    const response = await registrar.client.post('/api/v1/cases', minimal({ factsDateFrom: '2016', factsDateTo: '2017-02' }));
    expect(response.body).toMatchObject({ factsDateFrom: '2016', factsDateTo: '2017-02', factsStart: '2016-01-01', factsEnd: '2017-02-28' });
  });

  it('reuses an existing visible person, and refuses one it cannot see', async () => {
    const first = await registrar.client.post('/api/v1/cases', minimal({ victims: [{ person: { sex: 'female' }, ageYears: 30, ageVerified: true }] }));
    const personId = first.body.victims[0].personId;
    const second = await registrar.client.post('/api/v1/cases', minimal({ victims: [{ personId, ageYears: 31, ageVerified: true }] }));
    expect(second.status).toBe(201);
    expect(second.body.victims[0].personId).toBe(personId);
    const stranger = await makeUser(registry, { roles: ['registrar'] });
    const refused = await stranger.client.post('/api/v1/cases', minimal({ victims: [{ personId }] }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields['victims.0.personId']).toBeDefined();
    const both = await registrar.client.post('/api/v1/cases', minimal({ victims: [{ personId, person: { sex: 'male' } }] }));
    expect(both.status).toBe(400);
  });
});

describe('updating cases', () => {
  it('answers 409 to a stale version and changes nothing', async () => {
    const created = await registrar.client.post('/api/v1/cases', minimal({ purposes: ['forced_labour'] }));
    const ok = await registrar.client.patch(`/api/v1/cases/${created.body.id}`, { version: 1, acts: ['recruitment'], means: ['deception'] });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    expect(ok.body.palermo.isTrafficking).toBe(true);
    const before = await auditCount();
    const stale = await registrar.client.patch(`/api/v1/cases/${created.body.id}`, { version: 1, purposes: ['sexual_exploitation'] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('record.stale_version');
    const [row] = await registry.deps.db.select().from(cases).where(eq(cases.id, created.body.id));
    expect(row!.purposes).toEqual(['forced_labour']);
    expect(row!.version).toBe(2);
    expect(await auditCount()).toBe(before);
  });

  it('closes and reopens a case, recording the status change in its history', async () => {
    const created = await registrar.client.post('/api/v1/cases', minimal());
    const closed = await registrar.client.patch(`/api/v1/cases/${created.body.id}`, { version: 1, status: 'closed' });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    const reopened = await registrar.client.patch(`/api/v1/cases/${created.body.id}`, { version: 2, status: 'open' });
    expect(reopened.body.closedAt).toBeNull();
    const history = await registrar.client.get(`/api/v1/cases/${created.body.id}/history`);
    expect(history.body.items.map((e: any) => e.type)).toEqual(['registration', 'status_change', 'status_change']);
  });

  it('lets only the owning institution write; a granted institution reads but gets 403 on writes', async () => {
    const created = await registrar.client.post('/api/v1/cases', minimal());
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    expect((await prosecutor.client.get(`/api/v1/cases/${created.body.id}`)).status).toBe(404);
    await grantCaseAccess(registry.deps.db, { caseId: created.body.id, institutionId: prosecutor.institutionId, basis: 'police_report', grantedBy: null });
    const seen = await prosecutor.client.get(`/api/v1/cases/${created.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.accessLevel).toBe('granted');
    const write = await prosecutor.client.patch(`/api/v1/cases/${created.body.id}`, { version: 1, acts: ['receipt'] });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('case.not_owner');
  });
});

describe('victims, suspects and places as sub-resources', () => {
  it('adds, edits and removes a victim with versions', async () => {
    const created = await registrar.client.post('/api/v1/cases', minimal({ acts: ['receipt'], purposes: ['forced_begging'] }));
    expect(created.body.palermo.missing).toEqual(['means']);
    const added = await registrar.client.post(`/api/v1/cases/${created.body.id}/victims`, { person: { sex: 'male' }, ageYears: 12, ageVerified: true });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ageGroup: 'child', isChild: true });
    const reread = await registrar.client.get(`/api/v1/cases/${created.body.id}`);
    expect(reread.body.palermo.isTrafficking).toBe(true);
    const edited = await registrar.client.patch(`/api/v1/cases/${created.body.id}/victims/${added.body.id}`, { version: 1, ageYears: 25 });
    expect(edited.body).toMatchObject({ version: 2, ageGroup: 'adult', isChild: false });
    expect((await registrar.client.patch(`/api/v1/cases/${created.body.id}/victims/${added.body.id}`, { version: 1, ageYears: 3 })).status).toBe(409);
    expect((await registrar.client.delete(`/api/v1/cases/${created.body.id}/victims/${added.body.id}?version=1`)).status).toBe(409);
    expect((await registrar.client.delete(`/api/v1/cases/${created.body.id}/victims/${added.body.id}?version=2`)).status).toBe(204);
    expect((await registrar.client.get(`/api/v1/cases/${created.body.id}`)).body.victims).toEqual([]);
  });

  it('adds and removes suspects and places', async () => {
    const created = await registrar.client.post('/api/v1/cases', minimal());
    const suspect = await registrar.client.post(`/api/v1/cases/${created.body.id}/suspects`, { person: { sex: 'male' }, roles: ['exploiter'], isPublicOfficial: true });
    expect(suspect.status).toBe(201);
    const duplicate = await registrar.client.post(`/api/v1/cases/${created.body.id}/suspects`, { personId: suspect.body.personId });
    expect(duplicate.status).toBe(409);
    const edited = await registrar.client.patch(`/api/v1/cases/${created.body.id}/suspects/${suspect.body.id}`, { version: 1, organisedGroupMember: true });
    expect(edited.body.organisedGroupMember).toBe(true);
    const place = await registrar.client.post(`/api/v1/cases/${created.body.id}/places`, { kind: 'exploitation', ubigeo: '21' });
    expect(place.status).toBe(201);
    expect((await registrar.client.delete(`/api/v1/cases/${created.body.id}/places/${place.body.id}`)).status).toBe(204);
    expect((await registrar.client.delete(`/api/v1/cases/${created.body.id}/suspects/${suspect.body.id}?version=2`)).status).toBe(204);
    const after = await registrar.client.get(`/api/v1/cases/${created.body.id}`);
    expect(after.body.suspects).toEqual([]);
    expect(after.body.places).toEqual([]);
  });
});

describe('removing people other records point at', () => {
  it('refuses (409) to remove a suspect with a justice event, and leaves everything as it was', async () => {
    const made = await makeCase(registry.deps, registrar, { suspects: [{}] });
    const suspect = made.suspects[0]!;
    await registry.deps.db.insert(justiceEvents).values({ caseId: made.case.id, suspectId: suspect.id, type: 'arrest', stage: 'police', occurredOn: '2026-01-03', institutionId: registrar.institutionId });
    const before = await auditCount();
    const refused = await registrar.client.delete(`/api/v1/cases/${made.case.id}/suspects/${suspect.id}?version=1`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('case.suspect_in_use');
    expect(await auditCount()).toBe(before);
    expect((await registrar.client.get(`/api/v1/cases/${made.case.id}`)).body.suspects).toHaveLength(1);
  });
});

describe('transfer between units', () => {
  it('moves a case to another police institution, keeps history and read access for the sender', async () => {
    const created = await registrar.client.post('/api/v1/cases', minimal());
    const otherPolice = await makeInstitution(registry.deps, 'police');
    const target = await makeUnit(registry.deps, otherPolice.id, '08');
    const moved = await registrar.client.post(`/api/v1/cases/${created.body.id}/transfer`, { unitId: target.id, version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ unitId: target.id, institutionId: otherPolice.id, departmentCode: '08', accessLevel: 'granted' });
    const history = await registrar.client.get(`/api/v1/cases/${created.body.id}/history`);
    expect(history.body.items.map((e: any) => e.type)).toEqual(['registration', 'transfer']);
    expect(history.body.items[1].details).toMatchObject({ toUnitId: target.id, fromUnitId: registrar.unitId });
    expect((await registrar.client.patch(`/api/v1/cases/${created.body.id}`, { version: 2, acts: ['receipt'] })).status).toBe(403);
    const receiver = await makeUser(registry, { roles: ['registrar'], institutionId: otherPolice.id, unitId: target.id, departments: ['08'] });
    expect((await receiver.client.get(`/api/v1/cases/${created.body.id}`)).body.accessLevel).toBe('owner');
  });

  it('refuses a transfer to a non-police institution', async () => {
    const created = await registrar.client.post('/api/v1/cases', minimal());
    const ngo = await makeInstitution(registry.deps, 'ngo');
    const unit = await makeUnit(registry.deps, ngo.id, '15');
    const refused = await registrar.client.post(`/api/v1/cases/${created.body.id}/transfer`, { unitId: unit.id, version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('case.transfer_not_allowed');
  });
});

describe('referral-only access', () => {
  it('shows a provider only the referred victims and no suspects', async () => {
    const made = await makeCase(registry.deps, registrar, { victims: [{ ageYears: 15 }, { ageYears: 30 }], suspects: [{}] });
    const worker = await makeUser(registry, { roles: ['social_worker'] });
    await grantCaseAccess(registry.deps.db, { caseId: made.case.id, institutionId: worker.institutionId, basis: 'referral', victimIds: [made.victims[1]!.id], grantedBy: null });
    const seen = await worker.client.withReason('atención').get(`/api/v1/cases/${made.case.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.accessLevel).toBe('referral');
    expect(seen.body.victims.map((v: any) => v.id)).toEqual([made.victims[1]!.id]);
    expect(seen.body.suspects).toEqual([]);
    expect(seen.body).not.toHaveProperty('narrative');
    expect(seen.body.palermo.hasChildVictim).toBe(true);
    const listed = await worker.client.get('/api/v1/cases');
    expect(listed.body.items.find((i: any) => i.id === made.case.id)).toMatchObject({ victimCount: 1, suspectCount: 0, accessLevel: 'referral' });
    const [grant] = await registry.deps.db.select().from(caseAccess).where(and(eq(caseAccess.caseId, made.case.id), eq(caseAccess.institutionId, worker.institutionId)));
    expect(grant!.victimIds).toHaveLength(1);
  });
});

describe('listing cases', () => {
  it('filters by period, department, purpose, status, unit and code, sorts and pages', async () => {
    const owner = await makeUser(registry, { roles: ['registrar'], departments: ['15', '17'], national: true });
    const a = await makeCase(registry.deps, owner, { registeredAt: new Date('2025-03-10T12:00:00Z'), purposes: ['forced_labour'], places: [{ kind: 'exploitation', ubigeo: '17' }] });
    const b = await makeCase(registry.deps, owner, { registeredAt: new Date('2025-06-10T12:00:00Z'), purposes: ['sexual_exploitation'] });
    const c = await makeCase(registry.deps, owner, { registeredAt: new Date('2025-09-10T12:00:00Z'), purposes: ['sexual_exploitation'] });
    const ids = (r: any) => r.body.items.map((i: any) => i.id);
    const get = (q: string) => owner.client.get(`/api/v1/cases?${q}`);
    expect(ids(await get('from=2025-06-01&to=2025-12-31&sort=registeredAt'))).toEqual([b.case.id, c.case.id]);
    expect(ids(await get('department=17'))).toEqual([a.case.id]);
    expect(ids(await get('purpose=sexual_exploitation&sort=-registeredAt'))).toEqual([c.case.id, b.case.id]);
    expect(ids(await get(`q=${a.case.code.slice(-6)}`))).toEqual([a.case.id]);
    expect(ids(await get(`unitId=${owner.unitId}&status=open&sort=registeredAt`))).toEqual([a.case.id, b.case.id, c.case.id]);
    const paged = await get('pageSize=2&page=2&sort=registeredAt');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(paged)).toEqual([c.case.id]);
    expect((await get('sort=narrative')).status).toBe(400);
    expect(paged.body.items[0]).toMatchObject({ victimCount: 1, suspectCount: 0, palermo: { isTrafficking: true } });
  });

  it('keeps a regional user to their departments', async () => {
    const lima = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
    const cuscoUnit = await makeUnit(registry.deps, lima.institutionId, '08');
    const inCusco = await makeCase(registry.deps, { institutionId: lima.institutionId, unitId: cuscoUnit.id });
    expect((await lima.client.get(`/api/v1/cases/${inCusco.case.id}`)).status).toBe(404);
  });
});
