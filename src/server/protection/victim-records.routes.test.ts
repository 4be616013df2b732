import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeCase } from '../../../test/case-factory';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditEntries, protectionWorld } from './protection.test-kit';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
});
afterAll(() => registry.close());

describe('identification status', () => {
  it('records who identified the victim and when, versioned and audited', async () => {
    const w = await protectionWorld(registry);
    const url = `/api/v1/victims/${w.consenting.id}/identification`;
    const confirmed = await w.police.client.patch(url, { identificationStatus: 'confirmed_victim', identifiedOn: '2026-02-01', version: 1 });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ identificationStatus: 'confirmed_victim', identifiedByInstitutionId: w.police.institutionId, identifiedOn: '2026-02-01', version: 2 });
    expect((await w.police.client.patch(url, { identificationStatus: 'not_a_victim', version: 1 })).status).toBe(409);
    expect((await w.police.client.patch(url, { identificationStatus: 'maybe', version: 2 })).status).toBe(400);
    expect((await w.police.client.patch(url, { identificationStatus: 'not_a_victim', identifiedOn: '2999-01-01', version: 2 })).status).toBe(400);
    const [entry] = await auditEntries(registry, 'victim.identification', w.consenting.id);
    expect(entry?.details).toMatchObject({ from: 'possible_victim', to: 'confirmed_victim', caseId: w.case.id });

    await w.police.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'shelter' });
    const byShelter = await w.shelterStaff.client.patch(url, { identificationStatus: 'confirmed_victim', version: 2 });
    expect(byShelter.body.identifiedByInstitutionId).toBe(w.shelterStaff.institutionId);
    expect((await w.shelterStaff.client.patch(`/api/v1/victims/${w.refusing.id}/identification`, { identificationStatus: 'confirmed_victim', version: 1 })).status).toBe(404);
  });
});

describe('reparation, repatriation and residency', () => {
  it('appends and lists each per victim, with its rules', async () => {
    const police = await makeUser(registry, { roles: ['investigator'] });
    const made = await makeCase(registry.deps, police, { victims: [{ nationalities: ['VEN'] }, { nationalities: ['PER'] }] });
    const [foreigner, national] = made.victims.map((v) => v.id) as [string, string];
    const base = `/api/v1/victims/${foreigner}`;

    const reparation = await police.client.post(`${base}/reparations`, { kind: 'reparation', orderedAmount: 5000, paidAmount: 1200.5, orderedOn: '2025-06-01', paidOn: '2025-09-01' });
    expect(reparation.status).toBe(201);
    expect(reparation.body).toMatchObject({ kind: 'reparation', orderedAmount: 5000, paidAmount: 1200.5, currency: 'PEN' });
    expect((await police.client.post(`${base}/reparations`, { kind: 'restitution', orderedAmount: 10, paidAmount: 20 })).status).toBe(422);
    expect((await police.client.post(`${base}/reparations`, { kind: 'restitution', orderedAmount: 10, orderedOn: '2025-06-01', paidOn: '2025-05-01' })).status).toBe(400);
    expect((await police.client.get(`${base}/reparations`)).body.items).toHaveLength(1);

    const repatriation = await police.client.post(`${base}/repatriations`, { fromCountry: 'PER', toCountry: 'VEN', repatriatedOn: '2025-10-01' });
    expect(repatriation.status).toBe(201);
    expect((await police.client.post(`${base}/repatriations`, { fromCountry: 'PER', toCountry: 'PER', repatriatedOn: '2025-10-01' })).status).toBe(422);
    expect((await police.client.post(`${base}/repatriations`, { fromCountry: 'peru', toCountry: 'VEN', repatriatedOn: '2025-10-01' })).status).toBe(400);

    const permit = await police.client.post(`${base}/residency-permits`, { permitType: 'humanitarian', grantedOn: '2025-07-01', expiresOn: '2026-07-01' });
    expect(permit.status).toBe(201);
    const forNational = await police.client.post(`/api/v1/victims/${national}/residency-permits`, { permitType: 'humanitarian', grantedOn: '2025-07-01' });
    expect(forNational.status).toBe(422);
    expect(forNational.body.error.code).toBe('residency.not_foreign');

    const file = await police.client.get(`${base}/protection`);
    expect(file.body).toMatchObject({ victimId: foreigner, caseId: made.case.id, reparations: [{ id: reparation.body.id }], repatriations: [{ id: repatriation.body.id }], residencyPermits: [{ id: permit.body.id }], referrals: [], stays: [] });
    expect((await auditEntries(registry, 'victim.reparation', foreigner)).length).toBe(1);
  });

  it('answers 401, 403 and 404 on every victim route', async () => {
    const police = await makeUser(registry, { roles: ['investigator'] });
    const made = await makeCase(registry.deps, police, { victims: [{ nationalities: ['BOL'] }] });
    const victimId = made.victims[0]!.id;
    const hotline = await makeUser(registry, { roles: ['hotline_operator'] });
    const stranger = await makeUser(registry, { roles: ['investigator'] });
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/v1/victims/${victimId}/reparations`],
      ['POST', `/api/v1/victims/${victimId}/reparations`, { kind: 'reparation', orderedAmount: 1 }],
      ['GET', `/api/v1/victims/${victimId}/repatriations`],
      ['POST', `/api/v1/victims/${victimId}/repatriations`, { fromCountry: 'PER', toCountry: 'BOL', repatriatedOn: '2025-01-01' }],
      ['GET', `/api/v1/victims/${victimId}/residency-permits`],
      ['POST', `/api/v1/victims/${victimId}/residency-permits`, { permitType: 'temporary', grantedOn: '2025-01-01' }],
      ['GET', `/api/v1/victims/${victimId}/protection`],
      ['PATCH', `/api/v1/victims/${victimId}/identification`, { identificationStatus: 'confirmed_victim', version: 1 }],
    ];
    for (const [method, url, body] of routes) {
      expect((await anonymous(registry.app).request(method as never, url, body)).status, `${method} ${url}`).toBe(401);
      expect((await hotline.client.request(method as never, url, body)).status, `${method} ${url}`).toBe(403);
      expect((await stranger.client.request(method as never, url, body)).status, `${method} ${url}`).toBe(404);
    }
  });
});
