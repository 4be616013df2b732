import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditEntries, colleague, protectionWorld } from './protection.test-kit';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
});
afterAll(() => registry.close());

describe('referrals and consent', () => {
  it('refers a consenting victim and lets the receiving shelter see only that victim', async () => {
    const w = await protectionWorld(registry);
    const sent = await w.police.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'shelter' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'requested', consentSource: 'victim_record', caseId: w.case.id, victimId: w.consenting.id, serviceType: 'shelter' });
    expect(sent.body.toInstitution.id).toBe(w.shelterStaff.institutionId);

    const inbox = await w.shelterStaff.client.get('/api/v1/referrals/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((r: any) => r.id)).toEqual([sent.body.id]);
    expect(inbox.body.items[0].nextStatuses).toEqual(['accepted', 'declined']);

    expect((await w.shelterStaff.client.get(`/api/v1/victims/${w.consenting.id}/protection`)).status).toBe(200);
    expect((await w.shelterStaff.client.get(`/api/v1/victims/${w.refusing.id}/protection`)).status).toBe(404);
    const seenCase = await w.shelterStaff.client.get(`/api/v1/cases/${w.case.id}`);
    expect(seenCase.status).toBe(200);
    expect(seenCase.body.victims.map((v: any) => v.id)).toEqual([w.consenting.id]);
    expect(seenCase.body.suspects ?? []).toEqual([]);
    expect((await auditEntries(registry, 'case.access_grant', w.case.id)).length).toBe(1);
  });

  it('refuses a victim without consent (422) unless consent is given on the referral', async () => {
    const w = await protectionWorld(registry);
    const refused = await w.police.client.post('/api/v1/referrals', { victimId: w.refusing.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'legal_aid' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('referral.consent_required');
    const explicitNo = await w.police.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'legal_aid', consentGiven: false });
    expect(explicitNo.status).toBe(422);
    const given = await w.police.client.post('/api/v1/referrals', { victimId: w.refusing.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'legal_aid', consentGiven: true });
    expect(given.status).toBe(201);
    expect(given.body.consentSource).toBe('referral');
    expect((await w.shelterStaff.client.get('/api/v1/referrals/inbox')).body.total).toBe(1);
  });

  it('lets a supervisor override missing consent only with a reason, and audits the reason', async () => {
    const w = await protectionWorld(registry);
    const supervisor = await colleague(registry, w.police, ['supervisor']);
    const body = { victimId: w.refusing.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'emergency_care' };
    const noReason = await supervisor.client.post('/api/v1/referrals', body);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.consentOverrideReason).toBeDefined();
    const investigatorTry = await w.police.client.post('/api/v1/referrals', { ...body, consentOverrideReason: 'urgent medical need' });
    expect(investigatorTry.status).toBe(422);
    const overridden = await supervisor.client.post('/api/v1/referrals', { ...body, consentOverrideReason: 'urgent medical need' });
    expect(overridden.status).toBe(201);
    expect(overridden.body.consentSource).toBe('override');
    const [entry] = await auditEntries(registry, 'referral.consent_override', overridden.body.id);
    expect(entry?.reason).toBe('urgent medical need');
    expect(entry?.actorId).toBe(supervisor.id);
  });

  it('is idempotent on the sender’s externalId', async () => {
    const w = await protectionWorld(registry);
    const body = { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'psychological', externalId: 'DER-2026-7' };
    const first = await w.police.client.post('/api/v1/referrals', body);
    const again = await w.police.client.post('/api/v1/referrals', body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    // Different data under the same number: refused, nothing written (issue 8, item 17).
    const changed = await w.police.client.post('/api/v1/referrals', { ...body, serviceType: 'legal_aid' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency.mismatch');
    expect((await w.police.client.get(`/api/v1/referrals/${first.body.id}`)).body.serviceType).toBe('psychological');
  });
});

describe('referral status machine and services', () => {
  it('walks requested → accepted → provided → closed, refusing the rest', async () => {
    const w = await protectionWorld(registry);
    const { body: referral } = await w.police.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'legal_aid' });
    const to = (client: typeof w.police.client, status: string, version: number, extra = {}) => client.post(`/api/v1/referrals/${referral.id}/status`, { status, version, ...extra });

    const skip = await to(w.shelterStaff.client, 'provided', 1);
    expect(skip.status).toBe(422);
    expect(skip.body.error.code).toBe('referral.invalid_transition');
    expect((await to(w.police.client, 'accepted', 1)).status).toBe(403);
    const early = await w.shelterStaff.client.post(`/api/v1/referrals/${referral.id}/services`, { startedOn: '2026-01-10' });
    expect(early.status).toBe(422);

    const accepted = await to(w.shelterStaff.client, 'accepted', 1);
    expect(accepted.status).toBe(200);
    expect(accepted.body.acceptedAt).toEqual(expect.any(String));
    expect((await to(w.shelterStaff.client, 'provided', 1)).status).toBe(409);

    const service = await w.shelterStaff.client.post(`/api/v1/referrals/${referral.id}/services`, { startedOn: '2026-01-10', endedOn: '2026-01-20' });
    expect(service.status).toBe(201);
    expect(service.body.services).toMatchObject([{ serviceType: 'legal_aid', startedOn: '2026-01-10', endedOn: '2026-01-20', providedByInstitutionId: w.shelterStaff.institutionId }]);
    const reversed = await w.shelterStaff.client.post(`/api/v1/referrals/${referral.id}/services`, { startedOn: '2026-01-10', endedOn: '2026-01-01' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields.endedOn).toBeDefined();
    expect((await w.police.client.post(`/api/v1/referrals/${referral.id}/services`, { startedOn: '2026-01-10' })).status).toBe(403);

    const provided = await to(w.shelterStaff.client, 'provided', accepted.body.version);
    expect(provided.status).toBe(200);
    const closed = await to(w.police.client, 'closed', provided.body.version, { outcome: 'completed' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'completed', nextStatuses: [] });
    expect((await to(w.shelterStaff.client, 'accepted', closed.body.version)).status).toBe(422);
    expect((await auditEntries(registry, 'referral.status', referral.id)).map((e) => (e.details as any).to)).toEqual(['accepted', 'provided', 'closed']);
  });

  it('declines with a reason, then closes', async () => {
    const w = await protectionWorld(registry);
    const { body: referral } = await w.police.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'shelter' });
    const declined = await w.shelterStaff.client.post(`/api/v1/referrals/${referral.id}/status`, { status: 'declined', version: 1, declineReason: 'no_capacity' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'no_capacity' });
    expect((await w.shelterStaff.client.post(`/api/v1/referrals/${referral.id}/status`, { status: 'provided', version: 2 })).status).toBe(422);
    // Declining ends the receiver's access to the victim and the case; the referral itself stays theirs to see.
    expect((await w.shelterStaff.client.get(`/api/v1/victims/${w.consenting.id}/protection`)).status).toBe(404);
    expect((await w.shelterStaff.client.get(`/api/v1/cases/${w.case.id}`)).status).toBe(404);
    expect((await w.shelterStaff.client.get(`/api/v1/referrals/${referral.id}`)).status).toBe(200);
    expect((await auditEntries(registry, 'case.access_revoke', w.case.id)).length).toBe(1);
    expect((await w.shelterStaff.client.post(`/api/v1/referrals/${referral.id}/status`, { status: 'closed', version: 2 })).status).toBe(200);
  });
});

describe('inbox per receiving unit', () => {
  it('shows a unit the referrals to it or to its whole institution, open ones by default', async () => {
    const w = await protectionWorld(registry);
    const otherUnitStaff = await colleague(registry, w.shelterStaff, ['social_worker'], false);
    const toUnit = await w.police.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, toUnitId: otherUnitStaff.unitId, serviceType: 'medical' });
    const toInstitution = await w.police.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'education' });
    expect([toUnit.status, toInstitution.status]).toEqual([201, 201]);

    const mine = await w.shelterStaff.client.get('/api/v1/referrals/inbox');
    expect(mine.body.items.map((r: any) => r.id)).toEqual([toInstitution.body.id]);
    const theirs = await otherUnitStaff.client.get('/api/v1/referrals/inbox');
    expect(theirs.body.items.map((r: any) => r.id).sort()).toEqual([toUnit.body.id, toInstitution.body.id].sort());

    await w.shelterStaff.client.post(`/api/v1/referrals/${toInstitution.body.id}/status`, { status: 'declined', version: 1 });
    expect((await w.shelterStaff.client.get('/api/v1/referrals/inbox')).body.total).toBe(0);
    // Another referral of the same victim to the institution is still live: the access stays.
    expect((await w.shelterStaff.client.get(`/api/v1/victims/${w.consenting.id}/protection`)).status).toBe(200);
    expect((await w.shelterStaff.client.get('/api/v1/referrals/inbox?status=declined')).body.total).toBe(1);
    expect((await w.police.client.get('/api/v1/referrals/inbox')).body.total).toBe(0);
    const sent = await w.police.client.get(`/api/v1/referrals?direction=sent&caseId=${w.case.id}`);
    expect(sent.body.total).toBe(2);
  });
});

describe('authorization of the referral routes', () => {
  it('answers 401 without a session, 403 without the permission, 404 out of scope', async () => {
    const w = await protectionWorld(registry);
    const { body: referral } = await w.police.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'shelter' });
    const hotline = await makeUser(registry, { roles: ['hotline_operator'] });
    const stranger = await makeUser(registry, { roles: ['investigator'] });
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/referrals'],
      ['GET', '/api/v1/referrals/inbox'],
      ['GET', `/api/v1/referrals/${referral.id}`],
      ['POST', '/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'medical' }],
      ['POST', `/api/v1/referrals/${referral.id}/status`, { status: 'accepted', version: 1 }],
      ['POST', `/api/v1/referrals/${referral.id}/services`, { startedOn: '2026-01-01' }],
      ['GET', `/api/v1/victims/${w.consenting.id}/protection`],
      ['PATCH', `/api/v1/victims/${w.consenting.id}/identification`, { identificationStatus: 'confirmed_victim', version: 1 }],
    ];
    for (const [method, url, body] of routes) {
      expect((await anonymous(registry.app).request(method as never, url, body)).status, `${method} ${url}`).toBe(401);
      expect((await hotline.client.request(method as never, url, body)).status, `${method} ${url}`).toBe(403);
    }
    for (const [method, url, body] of routes.filter(([, url]) => url.includes(referral.id) || url.includes('/victims/'))) {
      expect((await stranger.client.request(method as never, url, body)).status, `${method} ${url}`).toBe(404);
    }
    const foreign = await stranger.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: stranger.institutionId, serviceType: 'medical' });
    expect(foreign.status).toBe(404);
    expect((await stranger.client.get('/api/v1/referrals')).body.total).toBe(0);
  });
});
