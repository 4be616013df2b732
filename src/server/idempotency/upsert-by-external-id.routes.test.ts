import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog } from '../../db/schema';

/** Issue 12, "Upserts": (institution, externalId) names a record; changes update it; edits made in RETA since are conflicts. */
let registry: TestRegistry;
let registrar: MadeUser;
let otherPolice: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
  otherPolice = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

const ext = (p: string) => `${p}-${randomBytes(4).toString('hex')}`;
const caseBody = (extra: Record<string, unknown> = {}) => ({ source: 'complaint', reportedOn: '2026-02-01', acts: ['recruitment'], purposes: ['forced_labour'], places: [{ kind: 'exploitation', ubigeo: '15' }], ...extra });

describe('PUT /api/v1/cases/by-external-id/:externalId', () => {
  it('new → 201 created; same → 200 unchanged (nothing written); changed → 200 updated with the next version', async () => {
    const id = ext('SIDPOL');
    const url = `/api/v1/cases/by-external-id/${id}`;
    const first = await registrar.client.put(url, caseBody());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.outcome).toBe('created');
    expect(first.body.record.externalId).toBe(id);
    const again = await registrar.client.put(url, caseBody());
    expect([again.status, again.body.outcome, again.body.record.version]).toEqual([200, 'unchanged', first.body.record.version]);
    const changed = await registrar.client.put(url, caseBody({ purposes: ['sexual_exploitation'], places: [{ kind: 'exploitation', ubigeo: '04' }] }));
    expect([changed.status, changed.body.outcome]).toEqual([200, 'updated']);
    expect(changed.body.record.version).toBe(first.body.record.version + 1);
    expect(changed.body.record.purposes).toEqual(['sexual_exploitation']);
    expect(changed.body.record.places.map((p: { ubigeo: string }) => p.ubigeo)).toEqual(['04']);
    // The change is in the audit log as an ordinary case update.
    const audit = await registry.deps.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityId, first.body.record.id), eq(auditLog.action, 'case.update')));
    expect(Number(audit[0]!.n)).toBe(1);
    // The updated data replayed is unchanged; a plain create with the same data and number replays too (one hash).
    expect((await registrar.client.put(url, caseBody({ purposes: ['sexual_exploitation'], places: [{ kind: 'exploitation', ubigeo: '04' }] }))).body.outcome).toBe('unchanged');
  });

  it('an edit made in RETA since the last upsert is a conflict (409), never overwritten', async () => {
    const id = ext('SIDPOL');
    const url = `/api/v1/cases/by-external-id/${id}`;
    const created = await registrar.client.put(url, caseBody());
    const edited = await registrar.client.patch(`/api/v1/cases/${created.body.record.id}`, { version: created.body.record.version, initialLegalQualification: 'art. 129-A' });
    expect(edited.status).toBe(200);
    const sent = await registrar.client.put(url, caseBody({ purposes: ['sexual_exploitation'] }));
    expect(sent.status).toBe(409);
    expect(sent.body.error.code).toBe('upsert.conflict');
    const now = await registrar.client.get(`/api/v1/cases/${created.body.record.id}`);
    expect(now.body.purposes).toEqual(['forced_labour']);
    expect(now.body.initialLegalQualification).toBe('art. 129-A');
    // The same data as the sender's last write is still unchanged (nothing to do, nothing lost).
    expect((await registrar.client.put(url, caseBody())).body.outcome).toBe('unchanged');
  });

  it('the key is per institution: another institution’s same number is its own case', async () => {
    const id = ext('SIDPOL');
    const mine = await registrar.client.put(`/api/v1/cases/by-external-id/${id}`, caseBody());
    const theirs = await otherPolice.client.put(`/api/v1/cases/by-external-id/${id}`, caseBody({ purposes: ['forced_begging'] }));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.record.id).not.toBe(mine.body.record.id);
  });

  it('bad input is a 400 with fields and writes nothing', async () => {
    const id = ext('SIDPOL');
    const bad = await registrar.client.put(`/api/v1/cases/by-external-id/${id}`, caseBody({ reportedOn: '2026-13-45', purposes: ['nope'] }));
    expect(bad.status).toBe(400);
    expect((await registrar.client.put(`/api/v1/cases/by-external-id/${id}`, caseBody())).body.outcome).toBe('created');
  });
});

describe('PUT /api/v1/victims|suspects/by-external-id/:externalId', () => {
  it('a victim by the sender’s person number: created, unchanged, updated (person and link), conflict after an edit in RETA', async () => {
    const caseId = ext('SIDPOL');
    await registrar.client.put(`/api/v1/cases/by-external-id/${caseId}`, caseBody());
    const personId = ext('V');
    const url = `/api/v1/victims/by-external-id/${personId}`;
    const body = { caseExternalId: caseId, person: { sex: 'female', birthYear: 2009 }, ageYears: 16, exploitationForms: ['forced_labour'] };
    const first = await registrar.client.put(url, body);
    expect([first.status, first.body.outcome], JSON.stringify(first.body)).toEqual([201, 'created']);
    expect((await registrar.client.put(url, body)).body.outcome).toBe('unchanged');
    const changed = await registrar.client.put(url, { ...body, person: { sex: 'female', birthYear: 2008 }, ageYears: 17 });
    expect([changed.status, changed.body.outcome]).toEqual([200, 'updated']);
    expect(changed.body.record.ageYears).toBe(17);
    expect(changed.body.record.person.birthYear).toBe(2008);
    expect((await registrar.client.put(url, { ...body, person: { sex: 'female', birthYear: 2008 }, ageYears: 17 })).body.outcome).toBe('unchanged');
    // Someone corrects the age in RETA: the sender's next different data is a conflict.
    const c = await registrar.client.get(`/api/v1/cases/${first.body.record.caseId}`);
    const victim = c.body.victims[0];
    expect((await registrar.client.patch(`/api/v1/cases/${victim.caseId}/victims/${victim.id}`, { version: victim.version, ageYears: 15 })).status).toBe(200);
    const conflicting = await registrar.client.put(url, { ...body, ageYears: 18 });
    expect(conflicting.status).toBe(409);
    expect(conflicting.body.error.code).toBe('upsert.conflict');
    expect((await registrar.client.get(`/api/v1/cases/${victim.caseId}`)).body.victims[0].ageYears).toBe(15);
    expect((await registrar.client.get(`/api/v1/cases/${victim.caseId}`)).body.victims).toHaveLength(1);
  });

  it('a case the sender did not register is refused (422), with the field named; a suspect upserts the same way', async () => {
    const mine = ext('SIDPOL');
    const theirs = ext('SIDPOL');
    await registrar.client.put(`/api/v1/cases/by-external-id/${mine}`, caseBody());
    await otherPolice.client.put(`/api/v1/cases/by-external-id/${theirs}`, caseBody());
    const refused = await registrar.client.put(`/api/v1/victims/by-external-id/${ext('V')}`, { caseExternalId: theirs });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('upsert.case_not_found');
    expect(refused.body.error.fields.caseExternalId).toMatch(/registered no case/);
    const s = ext('S');
    const created = await registrar.client.put(`/api/v1/suspects/by-external-id/${s}`, { caseExternalId: mine, person: { sex: 'male' }, roles: ['recruiter'] });
    expect([created.status, created.body.outcome]).toEqual([201, 'created']);
    expect((await registrar.client.put(`/api/v1/suspects/by-external-id/${s}`, { caseExternalId: mine, person: { sex: 'male' }, roles: ['recruiter'] })).body.outcome).toBe('unchanged');
    expect((await registrar.client.put(`/api/v1/suspects/by-external-id/${s}`, { caseExternalId: mine, person: { sex: 'male' }, roles: ['exploiter'] })).body.outcome).toBe('updated');
  });
});

describe('PUT /api/v1/operations/by-external-id/:externalId', () => {
  it('the same helper: created, unchanged, updated, conflict after an edit in RETA', async () => {
    const investigator = await makeUser(registry, { roles: ['investigator'] });
    const url = `/api/v1/operations/by-external-id/${ext('OP')}`;
    const body = { operationDate: '2026-02-01', type: 'rescue', ubigeo: '15', personsFound: 5, minorsFound: 1, victimsIdentified: 2, arrests: 1 };
    const first = await investigator.client.put(url, body);
    expect([first.status, first.body.outcome], JSON.stringify(first.body)).toEqual([201, 'created']);
    expect((await investigator.client.put(url, body)).body.outcome).toBe('unchanged');
    const changed = await investigator.client.put(url, { ...body, arrests: 3 });
    expect([changed.body.outcome, changed.body.record.arrests]).toEqual(['updated', 3]);
    expect((await investigator.client.patch(`/api/v1/operations/${first.body.record.id}`, { version: changed.body.record.version, personsFound: 6 })).status).toBe(200);
    const conflict = await investigator.client.put(url, { ...body, arrests: 4 });
    expect([conflict.status, conflict.body.error.code]).toEqual([409, 'upsert.conflict']);
    expect((await investigator.client.get(`/api/v1/operations/${first.body.record.id}`)).body.arrests).toBe(3);
  });
});
