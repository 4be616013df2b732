import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog } from '../../db/schema';

/** Offline edits carry the base values of the fields they change; the server merges field by field. */
let registry: TestRegistry;
let first: MadeUser;
let second: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  first = await makeUser(registry, { roles: ['registrar'] });
  second = await makeUser(registry, { roles: ['registrar'], institutionId: first.institutionId, unitId: first.unitId });
});
afterAll(() => registry.close());

async function newCase() {
  const made = await first.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01', acts: ['recruitment'], organisedCrime: false });
  expect(made.status).toBe(201);
  return made.body as { id: string; version: number };
}

describe('field-by-field merge of case updates', () => {
  it('applies changes to different fields made against the same version, both of them', async () => {
    const c = await newCase();
    const a = await first.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, organisedCrime: true, base: { organisedCrime: false } });
    expect(a.status).toBe(200);
    const b = await second.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, initialLegalQualification: 'Art. 129-A', base: { initialLegalQualification: null } });
    expect(b.status).toBe(200);
    const now = (await first.client.get(`/api/v1/cases/${c.id}`)).body;
    expect(now.organisedCrime).toBe(true);
    expect(now.initialLegalQualification).toBe('Art. 129-A');
    expect(now.version).toBe(c.version + 2);
  });

  it('answers 409 with both values when the same field changed on both sides, and changes nothing', async () => {
    const c = await newCase();
    expect((await first.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, acts: ['transportation'], base: { acts: ['recruitment'] } })).status).toBe(200);
    const clash = await second.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, acts: ['harbouring'], organisedCrime: true, base: { acts: ['recruitment'], organisedCrime: false } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('record.field_conflict');
    expect(clash.body.error.details.conflicts).toEqual([{ field: 'acts', mine: ['harbouring'], theirs: ['transportation'], base: ['recruitment'] }]);
    const now = (await first.client.get(`/api/v1/cases/${c.id}`)).body;
    expect(now.acts).toEqual(['transportation']);
    expect(now.organisedCrime).toBe(false);
    // Resolved: the person chose, and sends again against the version the conflict reported.
    // A field sent with its base value was not changed by this client: it never undoes another's change.
    const resolved = await second.client.patch(`/api/v1/cases/${c.id}`, { version: clash.body.error.details.version, acts: ['harbouring'], organisedCrime: true, base: { acts: ['transportation'], organisedCrime: false } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.acts).toEqual(['harbouring']);
    expect(resolved.body.organisedCrime).toBe(true);
    expect((await first.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, organisedCrime: false, isInternational: true, base: { organisedCrime: false, isInternational: false } })).status).toBe(200);
    const kept = (await first.client.get(`/api/v1/cases/${c.id}`)).body;
    expect(kept.organisedCrime).toBe(true);
    expect(kept.isInternational).toBe(true);
  });

  it('takes the same change made on both sides as no conflict, and a stale version without base values as stale', async () => {
    const c = await newCase();
    expect((await first.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, organisedCrime: true, base: { organisedCrime: false } })).status).toBe(200);
    expect((await second.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, organisedCrime: true, base: { organisedCrime: false } })).status).toBe(200);
    const stale = await second.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, organisedCrime: false });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('record.stale_version');
    // A changed field without its base value cannot prove it was unchanged: a conflict, not an overwrite.
    const noBase = await second.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, isInternational: true, base: {} });
    expect(noBase.status).toBe(409);
    expect(noBase.body.error.details.conflicts[0].field).toBe('isInternational');
  });
});

describe('what offline work reports', () => {
  it('records a refused merge in the audit log (fields only), for the unit supervisor to see', async () => {
    const c = await newCase();
    expect((await first.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, initialLegalQualification: 'Art. 153', base: { initialLegalQualification: null } })).status).toBe(200);
    expect((await second.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, initialLegalQualification: 'Art. 153-A', base: { initialLegalQualification: null } })).status).toBe(409);
    const rows = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'case.update_conflict')));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('Art. 153');
  });

  it('audits identity reads made offline from a kept case; refuses a report from someone who may not read identity', async () => {
    const c = await newCase();
    const reads = [{ at: '2026-03-01T10:00:00.000Z', reason: 'case_follow_up' }, { at: '2026-03-01T11:00:00.000Z', reason: 'case_follow_up' }];
    expect((await first.client.post(`/api/v1/cases/${c.id}/offline-reads`, { reads })).status).toBe(204);
    const rows = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'identity.read_offline')));
    expect(rows).toHaveLength(2);
    const analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    expect((await analyst.client.post(`/api/v1/cases/${c.id}/offline-reads`, { reads })).status).toBe(403);
    const stranger = await makeUser(registry, { roles: ['registrar'] });
    expect((await stranger.client.post(`/api/v1/cases/${c.id}/offline-reads`, { reads })).status).toBe(404);
    expect((await first.client.post(`/api/v1/cases/${c.id}/offline-reads`, { reads: [{ at: 'yesterday' }] })).status).toBe(400);
  });
});
