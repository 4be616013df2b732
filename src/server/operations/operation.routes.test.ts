import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeCase } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, caseEvents } from '../../db/schema';

let registry: TestRegistry;
let police: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  police = await makeUser(registry, { roles: ['investigator'] });
});
afterAll(() => registry.close());

const operation = (overrides: Record<string, unknown> = {}) => ({
  operationDate: '2026-02-10',
  type: 'rescue',
  ubigeo: '15',
  personsFound: 12,
  minorsFound: 3,
  victimsIdentified: 5,
  arrests: 2,
  ...overrides,
});

describe('operations API', () => {
  it('creates, reads and lists an operation, idempotently on externalId, with an audit entry', async () => {
    const created = await police.client.post('/api/v1/operations', operation({ externalId: 'OP-2026-001' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'rescue', personsFound: 12, minorsFound: 3, placeDepartment: '15', version: 1, cases: [], linkedCaseCount: 0 });
    const again = await police.client.post('/api/v1/operations', operation({ externalId: 'OP-2026-001' }));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    // Different data under the same externalId is refused, never silently dropped (issue 8, item 17).
    const changed = await police.client.post('/api/v1/operations', operation({ externalId: 'OP-2026-001', personsFound: 99 }));
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency.mismatch');
    expect((await police.client.get(`/api/v1/operations/${created.body.id}`)).body.personsFound).toBe(12);

    const read = await police.client.get(`/api/v1/operations/${created.body.id}`);
    expect(read.status).toBe(200);
    const list = await police.client.get('/api/v1/operations?pageSize=1&from=2026-01-01&to=2026-12-31&type=rescue');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(list.body.items[0].id).toBe(created.body.id);
    const audit = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, created.body.id), eq(auditLog.action, 'operation.create')));
    expect(audit).toHaveLength(1);
  });

  it('refuses inconsistent counts with field messages, on create and on update', async () => {
    const bad = await police.client.post('/api/v1/operations', operation({ personsFound: 2, minorsFound: 3, victimsIdentified: 4 }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['minorsFound', 'victimsIdentified']);
    expect(bad.body.error.fields.minorsFound).toMatch(/Minors found cannot be more/);
    const negative = await police.client.post('/api/v1/operations', operation({ arrests: -1 }));
    expect(negative.status).toBe(400);
    expect(negative.body.error.fields.arrests).toBeDefined();

    const created = await police.client.post('/api/v1/operations', operation());
    const shrink = await police.client.patch(`/api/v1/operations/${created.body.id}`, { personsFound: 4, version: 1 });
    expect(shrink.status).toBe(400);
    expect(shrink.body.error.fields.victimsIdentified).toBeDefined();
    const unknownPlace = await police.client.post('/api/v1/operations', operation({ ubigeo: '999999' }));
    expect(unknownPlace.status).toBe(400);
    expect(unknownPlace.body.error.fields.ubigeo).toBeDefined();
  });

  it('answers 409 on a stale version and keeps the newer data', async () => {
    const created = await police.client.post('/api/v1/operations', operation());
    const first = await police.client.patch(`/api/v1/operations/${created.body.id}`, { arrests: 4, version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await police.client.patch(`/api/v1/operations/${created.body.id}`, { arrests: 7, version: 1 });
    expect(stale.status).toBe(409);
    expect((await police.client.get(`/api/v1/operations/${created.body.id}`)).body.arrests).toBe(4);
  });

  it('links and unlinks a visible case, recording it in the case history', async () => {
    const { case: caseRow } = await makeCase(registry.deps, police);
    const created = await police.client.post('/api/v1/operations', operation());
    const linked = await police.client.post(`/api/v1/operations/${created.body.id}/cases`, { caseId: caseRow.id, version: 1 });
    expect(linked.status).toBe(200);
    expect(linked.body.cases).toEqual([expect.objectContaining({ id: caseRow.id, code: caseRow.code })]);
    const byCase = await police.client.get(`/api/v1/operations?caseId=${caseRow.id}`);
    expect(byCase.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);

    const stale = await police.client.post(`/api/v1/operations/${created.body.id}/cases`, { caseId: caseRow.id, version: 1 });
    expect(stale.status).toBe(409);
    const unlinked = await police.client.delete(`/api/v1/operations/${created.body.id}/cases/${caseRow.id}?version=2`);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.cases).toEqual([]);
    const notLinked = await police.client.delete(`/api/v1/operations/${created.body.id}/cases/${caseRow.id}?version=3`);
    expect(notLinked.status).toBe(404);

    const events = await registry.deps.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.type, 'operation_link')));
    expect(events.map((e) => (e.details as { action: string }).action).sort()).toEqual(['linked', 'unlinked']);
  });

  it('will not link a case of another institution (404)', async () => {
    const other = await makeUser(registry, { roles: ['investigator'] });
    const { case: foreign } = await makeCase(registry.deps, other);
    const created = await police.client.post('/api/v1/operations', operation());
    const response = await police.client.post(`/api/v1/operations/${created.body.id}/cases`, { caseId: foreign.id, version: 1 });
    expect(response.status).toBe(404);
  });
});

describe('hostile input', () => {
  it('answers random bodies with 400 or a created record, never 500 and never a partial write', async () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.string({ maxLength: 12 }), fc.constant(null), fc.boolean(), fc.constantFrom('15', '2026-02-30', 'rescue', '999999'));
    await fc.assert(
      fc.asyncProperty(
        fc.record({ operationDate: value, type: value, ubigeo: value, personsFound: value, minorsFound: value, victimsIdentified: value, arrests: value }, { requiredKeys: [] }),
        async (body) => {
          const response = await police.client.post('/api/v1/operations', { ...operation(), ...body });
          expect([200, 201, 400]).toContain(response.status);
          if (response.status === 400) expect(response.body.error.code).toBe('validation.failed');
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('operations authorization', () => {
  it('answers 401 without a session on every route', async () => {
    const anon = anonymous(registry.app);
    const id = '00000000-0000-4000-8000-000000000001';
    expect((await anon.get('/api/v1/operations')).status).toBe(401);
    expect((await anon.post('/api/v1/operations', operation())).status).toBe(401);
    expect((await anon.get(`/api/v1/operations/${id}`)).status).toBe(401);
    expect((await anon.patch(`/api/v1/operations/${id}`, { version: 1 })).status).toBe(401);
    expect((await anon.post(`/api/v1/operations/${id}/cases`, { caseId: id, version: 1 })).status).toBe(401);
    expect((await anon.delete(`/api/v1/operations/${id}/cases/${id}?version=1`)).status).toBe(401);
  });

  it('answers 403 to roles without the permission', async () => {
    const operator = await makeUser(registry, { roles: ['hotline_operator'] });
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const created = await police.client.post('/api/v1/operations', operation());
    const id = created.body.id;
    expect((await operator.client.get('/api/v1/operations')).status).toBe(403);
    expect((await operator.client.get(`/api/v1/operations/${id}`)).status).toBe(403);
    expect((await prosecutor.client.post('/api/v1/operations', operation())).status).toBe(403);
    expect((await registrar.client.patch(`/api/v1/operations/${id}`, { version: 1 })).status).toBe(403);
    expect((await registrar.client.post(`/api/v1/operations/${id}/cases`, { caseId: id, version: 1 })).status).toBe(403);
    expect((await registrar.client.delete(`/api/v1/operations/${id}/cases/${id}?version=1`)).status).toBe(403);
  });

  it('hides other institutions and other regions (404), and shows analysts every institution in their region', async () => {
    const created = await police.client.post('/api/v1/operations', operation());
    const id = created.body.id;
    const otherPolice = await makeUser(registry, { roles: ['investigator'] });
    expect((await otherPolice.client.get(`/api/v1/operations/${id}`)).status).toBe(404);
    expect((await otherPolice.client.patch(`/api/v1/operations/${id}`, { arrests: 1, version: 1 })).status).toBe(404);
    expect((await otherPolice.client.post(`/api/v1/operations/${id}/cases`, { caseId: id, version: 1 })).status).toBe(404);
    expect((await otherPolice.client.delete(`/api/v1/operations/${id}/cases/${id}?version=1`)).status).toBe(404);
    expect((await otherPolice.client.get('/api/v1/operations')).body.items.map((o: { id: string }) => o.id)).not.toContain(id);

    const limaAnalyst = await makeUser(registry, { roles: ['analyst'], departments: ['15'] });
    const cuscoAnalyst = await makeUser(registry, { roles: ['analyst'], departments: ['08'] });
    expect((await limaAnalyst.client.get(`/api/v1/operations/${id}`)).status).toBe(200);
    expect((await cuscoAnalyst.client.get(`/api/v1/operations/${id}`)).status).toBe(404);

    const sameInstitutionCusco = await makeUser(registry, { roles: ['investigator'], institutionId: police.institutionId, departments: ['08'] });
    expect((await sameInstitutionCusco.client.get(`/api/v1/operations/${id}`)).status).toBe(404);
  });
});
