import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { makeInstitution, makeUnit, makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { addUbigeos, callInput, makeSeatedUnit } from '../hotline/hotline.test-helpers';

/** The inboxes through HTTP: newest first, case code on each row, new markers per user, search, paging, "my unit". */
let registry: TestRegistry;
let police: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  police = await makeUser(registry, { roles: ['investigator'] });
});
afterAll(() => registry.close());

const ids = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id);

describe('the referrals inbox', () => {
  it('lists newest first with the case code, pages, searches by code, marks new rows per user and filters my unit', async () => {
    const shelterInstitution = await makeInstitution(registry.deps, 'social_services');
    const deskUnit = await makeUnit(registry.deps, shelterInstitution.id, '15');
    const worker = await makeUser(registry, { roles: ['social_worker'], institutionId: shelterInstitution.id, unitId: deskUnit.id });
    const colleague = await makeUser(registry, { roles: ['social_worker'], institutionId: shelterInstitution.id, unitId: deskUnit.id });
    const outsider = await makeUser(registry, { roles: ['social_worker'], kind: 'social_services' });
    const made = [];
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await makeCase(registry.deps, police);
      made.push(c);
      const toUnitId = i === 1 ? undefined : deskUnit.id;
      const r = await police.client.post('/api/v1/referrals', { victimId: c.victims[0]!.id, toInstitutionId: shelterInstitution.id, toUnitId, serviceType: 'shelter', consentGiven: true });
      expect(r.status).toBe(201);
      sent.push(r.body.id);
    }
    const inbox = await worker.client.get('/api/v1/referrals/inbox');
    expect(inbox.status).toBe(200);
    expect(ids(inbox.body)).toEqual([...sent].reverse());
    expect(inbox.body.items.map((r: { caseCode: string }) => r.caseCode)).toEqual(made.map((c) => c.case.code).reverse());
    expect(inbox.body.items.every((r: { isNew: boolean }) => r.isNew)).toBe(true);
    expect(inbox.body).toMatchObject({ total: 3, unseen: 3, seenAt: null });

    const page1 = await worker.client.get('/api/v1/referrals/inbox?pageSize=2&page=1');
    const page2 = await worker.client.get('/api/v1/referrals/inbox?pageSize=2&page=2');
    expect([...ids(page1.body), ...ids(page2.body)]).toEqual([...sent].reverse());
    expect(page2.body.total).toBe(3);

    const byCode = await worker.client.get(`/api/v1/referrals/inbox?q=${encodeURIComponent(made[0]!.case.code.slice(-6).toLowerCase())}`);
    expect(ids(byCode.body)).toEqual([sent[0]]);
    expect((await worker.client.get('/api/v1/referrals/inbox?q=%25')).body.total).toBe(0);
    expect(ids((await worker.client.get('/api/v1/referrals/inbox?mine=true')).body)).toEqual([sent[2], sent[0]]);
    expect((await worker.client.get('/api/v1/referrals/inbox?mine=yes')).status).toBe(400);

    const seen = await worker.client.post('/api/v1/referrals/inbox/seen');
    expect(seen.status).toBe(200);
    const after = await worker.client.get('/api/v1/referrals/inbox');
    expect(after.body.unseen).toBe(0);
    expect(after.body.items.some((r: { isNew: boolean }) => r.isNew)).toBe(false);
    // Per user: the colleague has not looked yet.
    expect((await colleague.client.get('/api/v1/referrals/inbox')).body.unseen).toBe(3);

    const later = await makeCase(registry.deps, police);
    const fresh = await police.client.post('/api/v1/referrals', { victimId: later.victims[0]!.id, toInstitutionId: shelterInstitution.id, serviceType: 'legal_aid', consentGiven: true });
    const again = await worker.client.get('/api/v1/referrals/inbox');
    expect(again.body.unseen).toBe(1);
    expect(again.body.items[0]).toMatchObject({ id: fresh.body.id, isNew: true, caseCode: later.case.code });
    expect(again.body.items.slice(1).every((r: { isNew: boolean }) => !r.isNew)).toBe(true);
    expect(ids((await worker.client.get('/api/v1/referrals/inbox?serviceType=legal_aid')).body)).toEqual([fresh.body.id]);

    expect((await outsider.client.get('/api/v1/referrals/inbox')).body).toMatchObject({ items: [], total: 0, unseen: 0 });
  });
});

describe('the justice inbox', () => {
  it('shows police reports sent to the institution, newest first with the case code, new until seen; nothing to another office', async () => {
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const otherOffice = await makeUser(registry, { roles: ['prosecutor'] });
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await makeCase(registry.deps, police, { suspects: [{}] });
      codes.push(c.case.code);
      const sent = await police.client.post(`/api/v1/cases/${c.case.id}/suspects/${c.suspects[0]!.id}/events`, { type: 'police_report_sent', occurredOn: '2026-01-10', receivingInstitutionId: prosecutor.institutionId, documentNumber: `INF-${i}` });
      expect(sent.status).toBe(201);
    }
    const inbox = await prosecutor.client.get('/api/v1/justice/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((e: { caseCode: string }) => e.caseCode)).toEqual([...codes].reverse());
    expect(inbox.body).toMatchObject({ total: 2, unseen: 2 });
    expect(inbox.body.items[0]).toMatchObject({ type: 'police_report_sent', isNew: true });
    expect((await prosecutor.client.get(`/api/v1/justice/inbox?q=${codes[0]}`)).body.items.map((e: { caseCode: string }) => e.caseCode)).toEqual([codes[0]]);
    expect((await prosecutor.client.get('/api/v1/justice/inbox?pageSize=1&page=2')).body.items.map((e: { caseCode: string }) => e.caseCode)).toEqual([codes[0]]);
    await prosecutor.client.post('/api/v1/justice/inbox/seen');
    expect((await prosecutor.client.get('/api/v1/justice/inbox')).body.unseen).toBe(0);
    expect((await otherOffice.client.get('/api/v1/justice/inbox')).body).toMatchObject({ items: [], total: 0 });
    const hotline = await makeUser(registry, { roles: ['hotline_operator'] });
    expect((await hotline.client.get('/api/v1/justice/inbox')).status).toBe(403);
    expect((await hotline.client.post('/api/v1/justice/inbox/seen')).status).toBe(403);
  });

  it('"waiting" keeps only what the office has not acted on since it was sent (the home card counts these)', async () => {
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const made = [];
    for (let i = 0; i < 2; i++) {
      const c = await makeCase(registry.deps, police, { suspects: [{}] });
      made.push(c);
      const sent = await police.client.post(`/api/v1/cases/${c.case.id}/suspects/${c.suspects[0]!.id}/events`, { type: 'police_report_sent', occurredOn: '2026-01-10', receivingInstitutionId: prosecutor.institutionId });
      expect(sent.status).toBe(201);
    }
    const acted = await prosecutor.client.post(`/api/v1/cases/${made[0]!.case.id}/suspects/${made[0]!.suspects[0]!.id}/events`, { type: 'preliminary_investigation_opened', occurredOn: '2026-01-12' });
    expect(acted.status).toBe(201);
    const codes = (body: { items: Array<{ caseCode: string }> }) => body.items.map((e) => e.caseCode);
    expect(codes((await prosecutor.client.get('/api/v1/justice/inbox')).body)).toEqual([made[1]!.case.code, made[0]!.case.code]);
    const waiting = await prosecutor.client.get('/api/v1/justice/inbox?waiting=true');
    expect(codes(waiting.body)).toEqual([made[1]!.case.code]);
    expect(waiting.body.total).toBe(1);
  });
});

describe('the hotline follow-up', () => {
  it('shows the operator the calls her hotline referred, and the referred unit its own; new until seen', async () => {
    await addUbigeos(registry.deps, ['1601', '160101']);
    const operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    const pnp = await makeInstitution(registry.deps, 'police');
    const unit = await makeSeatedUnit(registry.deps, pnp.id, '160101');
    const referred = await makeUser(registry, { roles: ['investigator'], institutionId: pnp.id, unitId: unit.id, departments: ['16'] });
    const otherHotline = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    const call = await operator.client.post('/api/v1/hotline/calls', callInput({ ubigeo: '160101', referredUnitId: unit.id }));
    expect(call.status).toBe(201);
    const mine = await operator.client.get('/api/v1/hotline/follow-up');
    expect(mine.status).toBe(200);
    expect(ids(mine.body)).toContain(call.body.id);
    expect(mine.body.items.find((c: { id: string }) => c.id === call.body.id)).toMatchObject({ isNew: true, caseCode: null });
    expect(ids((await operator.client.get('/api/v1/hotline/follow-up?mine=true')).body)).toContain(call.body.id);
    expect(ids((await referred.client.get('/api/v1/hotline/follow-up')).body)).toEqual([call.body.id]);
    expect(ids((await otherHotline.client.get('/api/v1/hotline/follow-up')).body)).not.toContain(call.body.id);
    await operator.client.post('/api/v1/hotline/follow-up/seen');
    const seen = await operator.client.get('/api/v1/hotline/follow-up');
    expect(seen.body.unseen).toBe(0);
    expect((await referred.client.get('/api/v1/hotline/follow-up')).body.unseen).toBe(1);
  });
});
