import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { makeInstitution, makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, caseEvents, hotlineCalls, justiceEvents } from '../../db/schema';
import { addUbigeos, callInput, makeSeatedUnit } from './hotline.test-helpers';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry();
  await addUbigeos(registry.deps, ['2101', '210101', '2102', '210201', '2103', '210301']);
});
afterAll(() => registry.close());

describe('a hotline tip followed to its outcome (issue scenario)', () => {
  it('refers the tip to the nearest police unit, which links its case and arrests; the call shows both', async () => {
    const operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    const pnp = await makeInstitution(registry.deps, 'police');
    const regional = await makeSeatedUnit(registry.deps, pnp.id, '21');
    const districtPost = await makeSeatedUnit(registry.deps, pnp.id, '210101');
    const police = await makeUser(registry, { roles: ['investigator'], institutionId: pnp.id, unitId: districtPost.id, departments: ['21'] });

    // 1. The operator logs an actionable tip from Puno district 210101.
    const created = await operator.client.post('/api/v1/hotline/calls', callInput({ ubigeo: '210101', summary: 'Menores trabajando de noche en un bar de la avenida principal' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'referred', outcome: 'pending', hasSummary: true, country: 'PER' });
    expect(created.body.referral).toMatchObject({ unitId: districtPost.id, institutionId: pnp.id, mode: 'nearest', level: 'district' });
    expect(created.body.referral.unitId).not.toBe(regional.id);
    const callId = created.body.id as string;

    // 2. The police unit sees it in its follow-up list; the summary needs a stated reason.
    const inbox = await police.client.get('/api/v1/hotline/follow-up');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((c: { id: string }) => c.id)).toEqual([callId]);
    const noReason = await police.client.get(`/api/v1/hotline/calls/${callId}`);
    expect(noReason.status).toBe(200);
    expect(noReason.body).toMatchObject({ summary: null, hasSummary: true });
    const withReason = await police.client.withReason('verificar denuncia').get(`/api/v1/hotline/calls/${callId}`);
    expect(withReason.body.summary).toMatch(/Menores trabajando/);
    const reads = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, callId), eq(auditLog.action, 'hotline_call.summary_read')));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.reason).toBe('other: verificar denuncia');
    expect(JSON.stringify(reads[0]!.details)).not.toMatch(/Menores/);

    // 3. The police open a case, link it to the call and record two arrests.
    const { case: caseRow } = await makeCase(registry.deps, police, { source: 'hotline' });
    const linked = await police.client.post(`/api/v1/hotline/calls/${callId}/case-link`, { caseId: caseRow.id, version: 1 });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ status: 'followed_up', outcome: 'case_linked', linkedCase: { id: caseRow.id, code: caseRow.code } });
    const arrests = await police.client.post(`/api/v1/hotline/calls/${callId}/outcome`, { arrests: 2, version: 2 });
    expect(arrests.status).toBe(200);
    expect(arrests.body).toMatchObject({ arrests: 2, outcome: 'arrests', status: 'followed_up' });
    const history = await registry.deps.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.type, 'hotline_link')));
    expect(history).toHaveLength(1);
    expect(history[0]!.details).toEqual({ callId });

    // 4. The hotline sees the case and the arrests as the call's outcome; the police inbox is empty.
    const seen = await operator.client.get(`/api/v1/hotline/calls/${callId}`);
    expect(seen.body).toMatchObject({ outcome: 'arrests', arrests: 2, linkedCase: { id: caseRow.id, code: caseRow.code } });
    expect(seen.body).toMatchObject({ summary: null, hasSummary: true });
    const reread = await operator.client.withReason('cierre del caso').get(`/api/v1/hotline/calls/${callId}`);
    expect(reread.body.summary).toMatch(/Menores trabajando/);
    expect((await police.client.get('/api/v1/hotline/follow-up')).body.items).toEqual([]);

    const stats = await operator.client.get('/api/v1/hotline/stats/monthly?year=2026');
    expect(stats.status).toBe(200);
    expect(stats.body.months[2]).toMatchObject({ month: 3, total: 1, arrests: 2 });
    expect(stats.body.months[2].byClassification.tip_report_action_required).toBe(1);
    expect(stats.body.months[2].byOutcome.arrests).toBe(1);

    const actions = (await registry.deps.db.select().from(auditLog).where(eq(auditLog.entityId, callId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['hotline_call.create', 'hotline_call.case_link', 'hotline_call.outcome']));
    const [stored] = await registry.deps.db.select().from(hotlineCalls).where(eq(hotlineCalls.id, callId));
    expect(stored!.summaryEnc).not.toMatch(/Menores/);
  });

  it('lets the police close a tip with a reason, and refuses a second, different case', async () => {
    const operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    const pnp = await makeInstitution(registry.deps, 'police');
    const post = await makeSeatedUnit(registry.deps, pnp.id, '210201');
    const police = await makeUser(registry, { roles: ['investigator'], institutionId: pnp.id, unitId: post.id, departments: ['21'] });
    const call = (await operator.client.post('/api/v1/hotline/calls', callInput({ ubigeo: '210201' }))).body;
    expect(call.referral.unitId).toBe(post.id);
    const first = await makeCase(registry.deps, police);
    const second = await makeCase(registry.deps, police);
    const stale = await police.client.post(`/api/v1/hotline/calls/${call.id}/case-link`, { caseId: first.case.id, version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('record.stale_version');
    expect((await police.client.post(`/api/v1/hotline/calls/${call.id}/case-link`, { caseId: first.case.id, version: 1 })).status).toBe(200);
    const again = await police.client.post(`/api/v1/hotline/calls/${call.id}/case-link`, { caseId: second.case.id, version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('hotline.case_already_linked');
    const closed = await police.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { closedReason: 'no_evidence', version: 2 });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'no_evidence', outcome: 'case_linked' });
    const empty = await police.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { version: 3 });
    expect(empty.status).toBe(400);
  });

  it('shows an arrest recorded in the linked case\'s justice chain as the call\'s outcome, counted once', async () => {
    const operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    const pnp = await makeInstitution(registry.deps, 'police');
    const post = await makeSeatedUnit(registry.deps, pnp.id, '2103');
    const police = await makeUser(registry, { roles: ['investigator'], institutionId: pnp.id, unitId: post.id, departments: ['21'] });
    const call = (await operator.client.post('/api/v1/hotline/calls', callInput({ ubigeo: '210301', receivedAt: '2023-05-02T12:00:00Z' }))).body;
    expect(call.referral).toMatchObject({ unitId: post.id, level: 'province' });
    const made = await makeCase(registry.deps, police, { suspects: [{}] });
    await police.client.post(`/api/v1/hotline/calls/${call.id}/case-link`, { caseId: made.case.id, version: 1 });

    // The justice feature appends the arrest to the defendant's chain, then a correction superseding it.
    const arrest = { caseId: made.case.id, suspectId: made.suspects[0]!.id, type: 'arrest', stage: 'police', institutionId: pnp.id, unitId: post.id };
    const [first] = await registry.deps.db.insert(justiceEvents).values({ ...arrest, occurredOn: '2023-05-03' }).returning();
    await registry.deps.db.insert(justiceEvents).values({ ...arrest, occurredOn: '2023-05-04', supersedesEventId: first!.id });

    const seen = await operator.client.get(`/api/v1/hotline/calls/${call.id}`);
    expect(seen.body).toMatchObject({ outcome: 'arrests', arrests: null, linkedCase: { id: made.case.id, arrests: 1 } });
    // The unit also records the arrest on the call: the larger figure counts, not the sum.
    await police.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { arrests: 1, version: 2 });
    const stats = await operator.client.get('/api/v1/hotline/stats/monthly?year=2023');
    expect(stats.body.months[4]).toMatchObject({ month: 5, total: 1, arrests: 1, byOutcome: { arrests: 1 } });
  });
});

describe('the operator records what her referral led to', () => {
  it('links, by its code, the case the referred unit registered — and no case held elsewhere', async () => {
    const operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    const pnp = await makeInstitution(registry.deps, 'police');
    const post = await makeSeatedUnit(registry.deps, pnp.id, '210201');
    const otherPost = await makeSeatedUnit(registry.deps, pnp.id, '210301');
    const police = await makeUser(registry, { roles: ['registrar'], institutionId: pnp.id, unitId: post.id, departments: ['21'] });
    const otherPolice = await makeUser(registry, { roles: ['registrar'], institutionId: pnp.id, unitId: otherPost.id, departments: ['21'] });
    const created = await operator.client.post('/api/v1/hotline/calls', callInput({ ubigeo: '210201', summary: 'Adolescentes en un campamento minero' }));
    // Other tests' units may sit nearer: the operator refers the call to this post by hand.
    const referred = await operator.client.post(`/api/v1/hotline/calls/${created.body.id}/referral`, { unitId: post.id, version: created.body.version });
    expect(referred.body.referral).toMatchObject({ unitId: post.id });
    const register = (client: typeof police.client) =>
      client.post('/api/v1/cases', { source: 'hotline', reportedOn: '2026-03-01', acts: ['recruitment'], means: [], purposes: ['forced_labour'], places: [{ kind: 'exploitation', ubigeo: '210201' }] });
    const elsewhere = await register(otherPolice.client);
    const resulting = await register(police.client);
    expect(resulting.status).toBe(201);

    const link = (caseCode: string, version: number) => operator.client.post(`/api/v1/hotline/calls/${created.body.id}/case-link`, { caseCode, version });
    const version = referred.body.version as number;
    const refused = await link(elsewhere.body.code, version);
    expect(refused.status).toBe(404);
    expect((await link('RETA-1999-999999', version)).status).toBe(404);
    const linked = await link(resulting.body.code.toLowerCase(), version);
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ outcome: 'case_linked', linkedCase: { id: resulting.body.id, code: resulting.body.code } });
    // Linking gives the operator nothing of the case itself.
    expect([403, 404]).toContain((await operator.client.get(`/api/v1/cases/${resulting.body.id}`)).status);
    expect((await operator.client.post(`/api/v1/hotline/calls/${created.body.id}/case-link`, { version: version + 1 })).status).toBe(400);
  });
});
