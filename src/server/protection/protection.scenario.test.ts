import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog } from '../../db/schema';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
});
afterAll(() => registry.close());

describe('issue 3 — protection, done when', () => {
  it('refers a consenting victim to a shelter, shelters her, gets her legal aid, and audits every step', async () => {
    const police = await makeUser(registry, { roles: ['registrar'] });
    const shelterStaff = await makeUser(registry, { roles: ['social_worker'] });
    const lawyers = await makeUser(registry, { roles: ['social_worker'], kind: 'ngo' });

    const created = await police.client.withReason('registering the complaint').post('/api/v1/cases', {
      source: 'police_operation',
      reportedOn: '2026-01-15',
      factsDateFrom: '2025-12',
      acts: ['recruitment', 'harbouring'],
      means: ['deception'],
      purposes: ['sexual_exploitation'],
      victims: [{ person: { sex: 'female', nationalities: ['PER'] }, ageYears: 17, consentToServices: true }, { person: { sex: 'female' }, ageYears: 19 }],
    });
    expect(created.status).toBe(201);
    const [victim, other] = created.body.victims as Array<{ id: string; version: number }>;

    const identified = await police.client.patch(`/api/v1/victims/${victim!.id}/identification`, { identificationStatus: 'confirmed_victim', version: victim!.version });
    expect(identified.status).toBe(200);

    const toShelter = await police.client.post('/api/v1/referrals', { victimId: victim!.id, toInstitutionId: shelterStaff.institutionId, serviceType: 'shelter' });
    expect(toShelter.status).toBe(201);
    const inbox = await shelterStaff.client.get('/api/v1/referrals/inbox');
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toEqual([toShelter.body.id]);
    const accepted = await shelterStaff.client.post(`/api/v1/referrals/${toShelter.body.id}/status`, { status: 'accepted', version: 1 });
    expect(accepted.status).toBe(200);

    const shelter = await shelterStaff.client.post('/api/v1/shelters', { name: 'Casa de acogida', ubigeo: '15', capacityBeds: 12, targetPopulation: 'adolescents' });
    const stay = await shelterStaff.client.post(`/api/v1/shelters/${shelter.body.id}/stays`, { victimId: victim!.id, checkInOn: '2026-01-16', referralId: toShelter.body.id });
    expect(stay.status).toBe(201);
    await shelterStaff.client.post(`/api/v1/referrals/${toShelter.body.id}/services`, { startedOn: '2026-01-16' });
    expect((await shelterStaff.client.get(`/api/v1/shelters/${shelter.body.id}?on=2026-01-20`)).body).toMatchObject({ occupiedBeds: 1, freeBeds: 11 });

    // The shelter refers her on for legal aid; the NGO sees her, and only her.
    const toLawyers = await shelterStaff.client.post('/api/v1/referrals', { victimId: victim!.id, toInstitutionId: lawyers.institutionId, serviceType: 'legal_aid' });
    expect(toLawyers.status).toBe(201);
    await lawyers.client.post(`/api/v1/referrals/${toLawyers.body.id}/status`, { status: 'accepted', version: 1 });
    const aid = await lawyers.client.post(`/api/v1/referrals/${toLawyers.body.id}/services`, { startedOn: '2026-01-20', endedOn: '2026-02-10' });
    expect(aid.status).toBe(201);
    const provided = await lawyers.client.post(`/api/v1/referrals/${toLawyers.body.id}/status`, { status: 'provided', version: aid.body.version });
    expect(provided.status).toBe(200);
    expect((await lawyers.client.get(`/api/v1/victims/${other!.id}/protection`)).status).toBe(404);

    const file = await police.client.get(`/api/v1/victims/${victim!.id}/protection`);
    expect(file.body).toMatchObject({ identificationStatus: 'confirmed_victim', identifiedByInstitutionId: police.institutionId, stays: [{ shelterId: shelter.body.id, checkOutOn: null }] });
    expect(file.body.referrals.map((r: { serviceType: string; status: string }) => `${r.serviceType}:${r.status}`).sort()).toEqual(['legal_aid:provided', 'shelter:accepted']);
    expect(file.body.referrals.flatMap((r: { services: unknown[] }) => r.services)).toHaveLength(2);

    const actions = (await registry.deps.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    for (const action of ['victim.identification', 'referral.create', 'case.access_grant', 'referral.status', 'shelter.create', 'shelter.stay', 'referral.service']) {
      expect(actions, action).toContain(action);
    }
  });
});
