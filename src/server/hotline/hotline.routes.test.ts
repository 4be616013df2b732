import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeInstitution, makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog } from '../../db/schema';
import { addUbigeos, callInput, makeSeatedUnit } from './hotline.test-helpers';

let registry: TestRegistry;
let operator: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  await addUbigeos(registry.deps, ['1601', '160101', '1602', '160201', '1603', '160301', '0801', '080101']);
  operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
});
afterAll(() => registry.close());

const post = (body: Record<string, unknown>) => operator.client.post('/api/v1/hotline/calls', callInput(body));

describe('referral to the nearest police unit', () => {
  it('falls back district → province → department → national, and takes a manual override', async () => {
    // Loreto (16): one institution's posts at several levels; Tacna (23) has none.
    const pnp = await makeInstitution(registry.deps, 'police');
    const district = await makeSeatedUnit(registry.deps, pnp.id, '160101');
    const province = await makeSeatedUnit(registry.deps, pnp.id, '1602');
    const department = await makeSeatedUnit(registry.deps, pnp.id, '16');
    const national = await makeSeatedUnit(registry.deps, pnp.id, null);

    const referral = async (ubigeo: string | null, country?: string) => (await post({ ubigeo, country })).body.referral;
    expect(await referral('160101')).toMatchObject({ unitId: district.id, level: 'district', mode: 'nearest' });
    expect(await referral('160201')).toMatchObject({ unitId: province.id, level: 'province' });
    expect(await referral('160301')).toMatchObject({ unitId: department.id, level: 'department' });
    expect(await referral('23')).toMatchObject({ unitId: national.id, level: 'national' });
    expect(await referral(null, 'BOL')).toMatchObject({ unitId: national.id, level: 'national' });

    const byUnit = await operator.client.get(`/api/v1/hotline/calls?referredUnitId=${district.id}`);
    expect(byUnit.body.total).toBe(1);
    const call = (await post({ ubigeo: '160301' })).body;
    const moved = await operator.client.post(`/api/v1/hotline/calls/${call.id}/referral`, { unitId: district.id, version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body.referral).toMatchObject({ unitId: district.id, mode: 'manual', level: null });
    const audit = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, call.id), eq(auditLog.action, 'hotline_call.refer')));
    expect(audit).toHaveLength(1);

    const ngo = await makeInstitution(registry.deps, 'ngo');
    const ngoUnit = await makeSeatedUnit(registry.deps, ngo.id, '16');
    const notPolice = await operator.client.post(`/api/v1/hotline/calls/${call.id}/referral`, { unitId: ngoUnit.id, version: 2 });
    expect(notPolice.status).toBe(400);
    expect(notPolice.body.error.fields.unitId).toMatch(/police/);
    const atCreation = await post({ ubigeo: '160101', referredUnitId: department.id });
    expect(atCreation.body.referral).toMatchObject({ unitId: department.id, mode: 'manual' });
  });

  it('records other classifications without referral, and refers a call reclassified as actionable', async () => {
    const nuisance = await post({ classification: 'nuisance', ubigeo: '0801' });
    expect(nuisance.status).toBe(201);
    expect(nuisance.body).toMatchObject({ status: 'recorded', outcome: 'not_actionable', referral: null });
    const refuse = await operator.client.post(`/api/v1/hotline/calls/${nuisance.body.id}/referral`, { version: 1 });
    expect(refuse.status).toBe(422);
    expect(refuse.body.error.code).toBe('hotline.not_actionable');

    const pnp = await makeInstitution(registry.deps, 'police');
    const cusco = await makeSeatedUnit(registry.deps, pnp.id, '080101');
    const reclassified = await operator.client.patch(`/api/v1/hotline/calls/${nuisance.body.id}`, { classification: 'tip_report_action_required', ubigeo: '080101', version: 1 });
    expect(reclassified.status).toBe(200);
    expect(reclassified.body).toMatchObject({ status: 'referred', referral: { unitId: cusco.id, level: 'district' }, version: 2 });
    const stale = await operator.client.patch(`/api/v1/hotline/calls/${nuisance.body.id}`, { channel: 'web', version: 1 });
    expect(stale.status).toBe(409);
    const staleReferral = await operator.client.post(`/api/v1/hotline/calls/${nuisance.body.id}/referral`, { version: 1 });
    expect(staleReferral.status).toBe(409);
  });
});

describe('hotline intake validation', () => {
  it('refuses unknown places, a UBIGEO abroad and future times; creates idempotently on externalId', async () => {
    const unknown = await post({ ubigeo: '169999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.ubigeo).toBeDefined();
    const conflict = await post({ ubigeo: '16', country: 'BOL' });
    expect(conflict.status).toBe(400);
    expect(conflict.body.error.fields.country).toBeDefined();
    const future = await post({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.receivedAt).toBeDefined();
    const badChannel = await post({ channel: 'pigeon', classification: 'maybe' });
    expect(badChannel.status).toBe(400);
    expect(Object.keys(badChannel.body.error.fields).sort()).toEqual(['channel', 'classification']);

    const first = await post({ externalId: 'LINEA-1818-0001', classification: 'information_request' });
    const again = await post({ externalId: 'LINEA-1818-0001', classification: 'information_request' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const changed = await post({ externalId: 'LINEA-1818-0001', classification: 'nuisance' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency.mismatch');
  });

  it('lists with filters and pagination', async () => {
    const own = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    for (const classification of ['nuisance', 'nuisance', 'information_request']) {
      await own.client.post('/api/v1/hotline/calls', callInput({ classification, receivedAt: '2025-06-10T10:00:00Z' }));
    }
    await own.client.post('/api/v1/hotline/calls', callInput({ classification: 'nuisance', receivedAt: '2025-08-10T10:00:00Z' }));
    const page = await own.client.get('/api/v1/hotline/calls?classification=nuisance&from=2025-06-01&to=2025-06-30&pageSize=1&page=2');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].summary).toBeNull();
    const recorded = await own.client.get('/api/v1/hotline/calls?status=recorded&sort=receivedAt');
    expect(recorded.body.total).toBe(4);
    expect(recorded.body.items[0].receivedAt).toBe('2025-06-10T10:00:00.000Z');
    expect((await own.client.get('/api/v1/hotline/calls?sort=secret')).status).toBe(400);
  });

  it('counts calls per month in Lima time, by classification and outcome', async () => {
    const own = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    // 03:00 UTC on 1 March is still 28 February in Lima.
    await own.client.post('/api/v1/hotline/calls', callInput({ classification: 'nuisance', receivedAt: '2024-03-01T03:00:00Z' }));
    await own.client.post('/api/v1/hotline/calls', callInput({ classification: 'information_request', receivedAt: '2024-03-15T12:00:00Z' }));
    await own.client.post('/api/v1/hotline/calls', callInput({ classification: 'tip_report_action_required', receivedAt: '2024-03-20T12:00:00Z' }));
    const stats = await own.client.get('/api/v1/hotline/stats/monthly?year=2024');
    expect(stats.status).toBe(200);
    expect(stats.body.months).toHaveLength(12);
    expect(stats.body.months[1]).toMatchObject({ month: 2, total: 1, byClassification: { nuisance: 1 } });
    expect(stats.body.months[2]).toMatchObject({ month: 3, total: 2, byClassification: { information_request: 1, tip_report_action_required: 1 } });
    expect(stats.body.months[2].byOutcome).toMatchObject({ not_actionable: 1, pending: 1 });
    expect((await own.client.get('/api/v1/hotline/stats/monthly')).status).toBe(400);
  });
});

describe('hotline authorization', () => {
  const routes = (id: string) => [
    ['GET', '/api/v1/hotline/calls'],
    ['POST', '/api/v1/hotline/calls'],
    ['GET', `/api/v1/hotline/calls/${id}`],
    ['PATCH', `/api/v1/hotline/calls/${id}`],
    ['POST', `/api/v1/hotline/calls/${id}/referral`],
    ['POST', `/api/v1/hotline/calls/${id}/case-link`],
    ['POST', `/api/v1/hotline/calls/${id}/outcome`],
    ['GET', '/api/v1/hotline/follow-up'],
    ['GET', '/api/v1/hotline/stats/monthly?year=2026'],
  ] as const;

  it('answers 401 without a session on every route', async () => {
    const anon = anonymous(registry.app);
    for (const [method, url] of routes('00000000-0000-4000-8000-000000000001')) {
      expect((await anon.request(method, url, method === 'GET' ? undefined : {})).status, `${method} ${url}`).toBe(401);
    }
  });

  it('answers 403 to roles without the hotline permissions', async () => {
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const call = (await post({ classification: 'nuisance' })).body;
    for (const [method, url] of routes(call.id)) {
      const body = method === 'GET' ? undefined : url === '/api/v1/hotline/calls' ? callInput() : { version: 1, caseId: call.id, arrests: 1 };
      expect((await prosecutor.client.request(method, url, body)).status, `${method} ${url}`).toBe(403);
    }
    const analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    expect((await analyst.client.post('/api/v1/hotline/calls', callInput())).status).toBe(403);
    expect((await analyst.client.patch(`/api/v1/hotline/calls/${call.id}`, { version: 1 })).status).toBe(403);
    expect((await analyst.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { arrests: 1, version: 1 })).status).toBe(403);
  });

  it('hides calls from other institutions (404) and shares a referred call with its police institution only', async () => {
    const pnp = await makeInstitution(registry.deps, 'police');
    const unit = await makeSeatedUnit(registry.deps, pnp.id, '160101');
    const referred = await makeUser(registry, { roles: ['investigator'], institutionId: pnp.id, unitId: unit.id, departments: ['16'] });
    const call = (await post({ ubigeo: '160101', summary: 'Detalle reservado', referredUnitId: unit.id })).body;
    const otherOperator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    const otherPolice = await makeUser(registry, { roles: ['investigator'], national: true });
    for (const user of [otherOperator, otherPolice]) {
      expect((await user.client.get(`/api/v1/hotline/calls/${call.id}`)).status).toBe(404);
      expect((await user.client.get('/api/v1/hotline/calls')).body.items.map((c: { id: string }) => c.id)).not.toContain(call.id);
    }
    expect((await otherOperator.client.patch(`/api/v1/hotline/calls/${call.id}`, { channel: 'web', version: 1 })).status).toBe(404);
    expect((await otherOperator.client.post(`/api/v1/hotline/calls/${call.id}/referral`, { version: 1 })).status).toBe(404);
    expect((await otherPolice.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { arrests: 1, version: 1 })).status).toBe(404);
    expect((await otherPolice.client.post(`/api/v1/hotline/calls/${call.id}/case-link`, { caseId: call.id, version: 1 })).status).toBe(404);

    // The referred police see the call (in any region) but may not edit the hotline's record.
    expect((await referred.client.get(`/api/v1/hotline/calls/${call.id}`)).status).toBe(200);
    expect((await referred.client.get('/api/v1/hotline/calls')).body.items.map((c: { id: string }) => c.id)).toContain(call.id);
    const registrar = await makeUser(registry, { roles: ['registrar'], institutionId: pnp.id, unitId: unit.id, departments: ['16'] });
    expect((await registrar.client.patch(`/api/v1/hotline/calls/${call.id}`, { version: 1 })).status).toBe(403);
    const missing = '00000000-0000-4000-8000-0000000000ff';
    expect((await operator.client.get(`/api/v1/hotline/calls/${missing}`)).status).toBe(404);
    expect((await referred.client.post(`/api/v1/hotline/calls/${missing}/outcome`, { arrests: 1, version: 1 })).status).toBe(404);
  });

  it('shows the summary only to the hotline or to identity readers, each stating a reason, auditing each read', async () => {
    const pnp = await makeInstitution(registry.deps, 'police');
    const unit = await makeSeatedUnit(registry.deps, pnp.id, '160201');
    const call = (await post({ ubigeo: '160201', summary: 'Nombre y dirección del denunciante', referredUnitId: unit.id })).body;
    const analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    const hotlineSupervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: operator.institutionId, national: true });
    const police = await makeUser(registry, { roles: ['investigator'], institutionId: pnp.id, unitId: unit.id, departments: ['16'] });

    const analystView = await analyst.client.withReason('estadística').get(`/api/v1/hotline/calls/${call.id}`);
    expect(analystView.status).toBe(200);
    expect(analystView.body).toMatchObject({ summary: null, hasSummary: true });
    expect((await hotlineSupervisor.client.get(`/api/v1/hotline/calls/${call.id}`)).body.summary).toBeNull();
    expect((await hotlineSupervisor.client.withReason('control de calidad').get(`/api/v1/hotline/calls/${call.id}`)).body.summary).toMatch(/denunciante/);
    expect((await police.client.get(`/api/v1/hotline/calls/${call.id}`)).body.summary).toBeNull();
    expect((await police.client.withReason('diligencia').get(`/api/v1/hotline/calls/${call.id}`)).body.summary).toMatch(/denunciante/);
    // The hotline that wrote it states a reason too; without one it learns only that there is a summary.
    expect((await operator.client.get(`/api/v1/hotline/calls/${call.id}`)).body).toMatchObject({ summary: null, hasSummary: true });
    expect((await operator.client.withReason('seguimiento').get(`/api/v1/hotline/calls/${call.id}`)).body.summary).toMatch(/denunciante/);

    const reads = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, call.id), eq(auditLog.action, 'hotline_call.summary_read')));
    expect(reads.map((r) => (r.details as { basis: string }).basis).sort()).toEqual(['owner', 'reason', 'reason']);
    // Free-text reasons go as `other: <text>` (test/api-client.ts), the canonical code + text the audit stores.
    expect(reads.map((r) => r.reason).sort()).toEqual(['other: control de calidad', 'other: diligencia', 'other: seguimiento']);
    expect(reads.every((r) => !JSON.stringify(r).includes('denunciante'))).toBe(true);
  });

  it('lets only the referred police or the hotline follow a call up', async () => {
    const pnp = await makeInstitution(registry.deps, 'police');
    const unit = await makeSeatedUnit(registry.deps, pnp.id, '1603');
    const call = (await post({ ubigeo: '160301', referredUnitId: unit.id })).body;
    const supervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: pnp.id, unitId: unit.id, departments: ['16'] });
    const forbidden = await supervisor.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { arrests: 1, version: 1 });
    expect(forbidden.status).toBe(403);
    const unreferred = (await post({ classification: 'information_request' })).body;
    const notReferred = await operator.client.post(`/api/v1/hotline/calls/${unreferred.id}/outcome`, { arrests: 1, version: 1 });
    expect(notReferred.status).toBe(422);
    expect(notReferred.body.error.code).toBe('hotline.not_referred');
    const byHotline = await operator.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { closedReason: 'unreachable', version: 1 });
    expect(byHotline.status).toBe(200);
    expect(byHotline.body).toMatchObject({ status: 'closed', outcome: 'closed' });
    const stale = await operator.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { arrests: 1, version: 1 });
    expect(stale.status).toBe(409);
  });
});

describe('a call belongs to the police unit it was referred to (issue 8)', () => {
  it('another unit of the same institution neither sees the call, nor reads its summary, nor records its outcome', async () => {
    const pnp = await makeInstitution(registry.deps, 'police');
    const referredUnit = await makeSeatedUnit(registry.deps, pnp.id, '160101');
    const otherUnit = await makeSeatedUnit(registry.deps, pnp.id, '160201');
    const call = (await post({ ubigeo: '160101', summary: 'Nombre y dirección del denunciante', referredUnitId: referredUnit.id })).body;
    const referred = await makeUser(registry, { roles: ['investigator'], institutionId: pnp.id, unitId: referredUnit.id, departments: ['16'] });
    const neighbour = await makeUser(registry, { roles: ['investigator', 'supervisor'], institutionId: pnp.id, unitId: otherUnit.id, departments: ['16'] });

    expect((await neighbour.client.withReason('diligencia').get(`/api/v1/hotline/calls/${call.id}`)).status).toBe(404);
    expect((await neighbour.client.get('/api/v1/hotline/calls')).body.items.map((c: { id: string }) => c.id)).not.toContain(call.id);
    expect((await neighbour.client.get('/api/v1/hotline/follow-up')).body.items.map((c: { id: string }) => c.id)).not.toContain(call.id);
    expect((await neighbour.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { arrests: 2, version: 1 })).status).toBe(404);

    expect((await referred.client.withReason('diligencia').get(`/api/v1/hotline/calls/${call.id}`)).body.summary).toMatch(/denunciante/);
    const outcome = await referred.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { arrests: 1, version: 1 });
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ arrests: 1 });
  });

  it('never shows a summary through analyst-wide reading, whatever other role the analyst holds', async () => {
    const pnp = await makeInstitution(registry.deps, 'police');
    const unit = await makeSeatedUnit(registry.deps, pnp.id, '160301');
    const call = (await post({ ubigeo: '160301', summary: 'Nombre y dirección del denunciante', referredUnitId: unit.id })).body;
    for (const roles of [['analyst', 'registrar'], ['analyst', 'supervisor'], ['analyst', 'investigator']] as const) {
      const reader = await makeUser(registry, { roles: [...roles], national: true });
      const view = await reader.client.withReason('estadística').get(`/api/v1/hotline/calls/${call.id}`);
      expect(view.status, roles.join('+')).toBe(200);
      expect(view.body, roles.join('+')).toMatchObject({ summary: null, hasSummary: true });
      expect((await reader.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { arrests: 1, version: 1 })).status, roles.join('+')).toBe(403);
    }
    const reads = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, call.id), eq(auditLog.action, 'hotline_call.summary_read')));
    expect(reads).toHaveLength(0);
  });
});
