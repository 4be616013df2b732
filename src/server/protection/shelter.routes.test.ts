import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeCase } from '../../../test/case-factory';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { shelterStays } from '../../db/schema';
import { auditEntries, colleague, protectionWorld } from './protection.test-kit';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
});
afterAll(() => registry.close());

/** A shelter of `beds` run by the world's shelter institution, and `n` consenting victims referred to it. */
async function shelterWithReferredVictims(beds: number, n: number) {
  const w = await protectionWorld(registry, { victims: Array.from({ length: n }, () => ({ consentToServices: true })) });
  const shelter = await w.shelterStaff.client.post('/api/v1/shelters', { name: 'Casa Refugio', ubigeo: '15', capacityBeds: beds, targetPopulation: 'women' });
  expect(shelter.status).toBe(201);
  const victimIds: string[] = [];
  for (const victim of w.victims) {
    const sent = await w.police.client.post('/api/v1/referrals', { victimId: victim.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'shelter' });
    expect(sent.status).toBe(201);
    victimIds.push(victim.id);
  }
  return { ...w, shelter: shelter.body, victimIds };
}

describe('shelters and stays', () => {
  it('refuses a stay that would exceed capacity on any day, and frees the bed at check-out', async () => {
    const w = await shelterWithReferredVictims(2, 4);
    const stay = (victimId: string, checkInOn: string, checkOutOn?: string) => w.shelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId, checkInOn, checkOutOn });
    expect((await stay(w.victimIds[0]!, '2026-01-01')).status).toBe(201);
    const second = await stay(w.victimIds[1]!, '2026-01-05', '2026-01-10');
    expect(second.status).toBe(201);
    const third = await stay(w.victimIds[2]!, '2026-01-08');
    expect(third.status).toBe(422);
    expect(third.body.error).toMatchObject({ code: 'shelter.capacity_exceeded' });
    expect(third.body.error.message).toContain('2026-01-08');
    expect((await stay(w.victimIds[2]!, '2026-01-10')).status).toBe(201);
    expect((await stay(w.victimIds[3]!, '2026-01-02', '2026-01-05')).status).toBe(201);

    const listed = await w.police.client.get(`/api/v1/shelters?on=2026-01-06&institutionId=${w.shelterStaff.institutionId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toMatchObject([{ id: w.shelter.id, capacityBeds: 2, occupiedBeds: 2, freeBeds: 0, occupancyOn: '2026-01-06' }]);
    expect((await w.police.client.get(`/api/v1/shelters/${w.shelter.id}?on=2026-01-04`)).body.occupiedBeds).toBe(2);
    const current = await w.shelterStaff.client.get(`/api/v1/shelters/${w.shelter.id}/stays?on=2026-01-04`);
    expect(current.body.total).toBe(2);
  });

  it('checks capacity again when a stay is changed, and refuses two stays of one victim at once', async () => {
    const w = await shelterWithReferredVictims(1, 2);
    const first = await w.shelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId: w.victimIds[0], checkInOn: '2026-02-01', checkOutOn: '2026-02-05' });
    const again = await w.shelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId: w.victimIds[0], checkInOn: '2026-02-03' });
    expect(again.body.error.code).toBe('stay.victim_already_sheltered');
    const second = await w.shelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId: w.victimIds[1], checkInOn: '2026-02-05' });
    expect(second.status).toBe(201);
    const extend = await w.shelterStaff.client.patch(`/api/v1/stays/${first.body.id}`, { checkOutOn: '2026-02-06', version: 1 });
    expect(extend.status).toBe(422);
    const shorten = await w.shelterStaff.client.patch(`/api/v1/stays/${first.body.id}`, { checkOutOn: '2026-02-04', version: 1 });
    expect(shorten.body).toMatchObject({ checkOutOn: '2026-02-04', version: 2 });
    expect((await w.shelterStaff.client.patch(`/api/v1/stays/${first.body.id}`, { checkOutOn: '2026-02-03', version: 1 })).status).toBe(409);
    const lower = await w.shelterStaff.client.patch(`/api/v1/shelters/${w.shelter.id}`, { capacityBeds: 0, version: 1 });
    expect(lower.status).toBe(422);
    expect(lower.body.error.code).toBe('shelter.capacity_below_occupancy');
  });

  it('never overfills under concurrent check-ins', async () => {
    const w = await shelterWithReferredVictims(2, 5);
    const results = await Promise.all(w.victimIds.map((victimId) => w.shelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId, checkInOn: '2026-03-01' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 422, 422, 422]);
    expect((await w.shelterStaff.client.get(`/api/v1/shelters/${w.shelter.id}?on=2026-03-02`)).body.occupiedBeds).toBe(2);
  });

  it('never shelters one victim in two shelters at once, even when both admissions race', async () => {
    const w = await shelterWithReferredVictims(5, 4);
    const otherStaff = await makeUser(registry, { roles: ['social_worker'] });
    const other = await otherStaff.client.post('/api/v1/shelters', { name: 'Casa Norte', ubigeo: '15', capacityBeds: 5, targetPopulation: 'mixed' });
    expect(other.status).toBe(201);
    for (const victimId of w.victimIds) {
      const sent = await w.police.client.post('/api/v1/referrals', { victimId, toInstitutionId: otherStaff.institutionId, serviceType: 'shelter' });
      expect(sent.status).toBe(201);
    }
    // Open stays (one of them open-ended on each side), and dated stays overlapping by one night.
    const pairs: Array<[{ checkInOn: string; checkOutOn?: string }, { checkInOn: string; checkOutOn?: string }]> = [
      [{ checkInOn: '2026-04-01' }, { checkInOn: '2026-04-01' }],
      [{ checkInOn: '2026-04-01' }, { checkInOn: '2026-04-20' }],
      [{ checkInOn: '2026-04-01', checkOutOn: '2026-04-10' }, { checkInOn: '2026-04-09', checkOutOn: '2026-04-12' }],
      [{ checkInOn: '2026-04-05', checkOutOn: '2026-04-10' }, { checkInOn: '2026-04-01' }],
    ];
    for (const [i, [a, b]] of pairs.entries()) {
      const victimId = w.victimIds[i]!;
      const results = await Promise.all([
        w.shelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId, ...a }),
        otherStaff.client.post(`/api/v1/shelters/${other.body.id}/stays`, { victimId, ...b }, { 'accept-language': 'es' }),
      ]);
      expect(results.map((r) => r.status).sort(), `pair ${i}`).toEqual([201, 422]);
      const refused = results.find((r) => r.status === 422)!;
      expect(refused.body.error.code).toBe('stay.victim_already_sheltered');
      expect(refused.body.error.fields?.victimId).toMatch(refused === results[0] ? /already has a shelter stay/ : /ya tiene una estancia/);
      const stays = await registry.deps.db.select().from(shelterStays).where(eq(shelterStays.caseVictimId, victimId));
      expect(stays.length, `pair ${i}`).toBe(1);
    }

    // One after the other: the second admission, to the other shelter, is refused while the stay is open.
    const victimId = w.victimIds[0]!;
    const second = await otherStaff.client.post(`/api/v1/shelters/${other.body.id}/stays`, { victimId, checkInOn: '2026-06-01' });
    expect(second.status).toBe(422);
    expect(second.body.error).toMatchObject({ code: 'stay.victim_already_sheltered', fields: { victimId: expect.stringContaining('already has a shelter stay') } });

    // The database itself refuses a second open stay of the victim, whatever writes it.
    const [open] = await registry.deps.db.select().from(shelterStays).where(and(eq(shelterStays.caseVictimId, victimId), isNull(shelterStays.checkOutOn)));
    await expect(registry.deps.db.insert(shelterStays).values({ shelterId: other.body.id, caseId: open!.caseId, caseVictimId: victimId, checkInOn: '2027-01-01' })).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23505' }),
    });

    // Reopening a closed stay while another one is open is refused the same way.
    const closedVictim = w.victimIds[2]!;
    const [closed] = await registry.deps.db.select().from(shelterStays).where(eq(shelterStays.caseVictimId, closedVictim));
    const later = await w.shelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId: closedVictim, checkInOn: '2026-05-01' });
    expect(later.status).toBe(201);
    const reopen = await (closed!.shelterId === w.shelter.id ? w.shelterStaff : otherStaff).client.patch(`/api/v1/stays/${closed!.id}`, { checkOutOn: null, version: closed!.version });
    expect(reopen.status).toBe(422);
    expect(reopen.body.error.fields?.victimId).toBeDefined();
  });

  it('admits only victims the shelter can see, and only its own staff manage it', async () => {
    const w = await shelterWithReferredVictims(5, 1);
    const other = await makeCase(registry.deps, w.police, { victims: [{ consentToServices: true }] });
    const unreferred = await w.shelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId: other.victims[0]!.id, checkInOn: '2026-01-01' });
    expect(unreferred.status).toBe(404);
    const otherShelterStaff = await makeUser(registry, { roles: ['social_worker'] });
    expect((await otherShelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId: w.victimIds[0], checkInOn: '2026-01-01' })).status).toBe(403);
    expect((await otherShelterStaff.client.get(`/api/v1/shelters/${w.shelter.id}/stays`)).status).toBe(403);
    expect((await otherShelterStaff.client.patch(`/api/v1/shelters/${w.shelter.id}`, { name: 'x', version: 1 })).status).toBe(403);
    const renamed = await (await colleague(registry, w.shelterStaff, ['social_worker'])).client.patch(`/api/v1/shelters/${w.shelter.id}`, { name: 'Casa Esperanza', version: 1 });
    expect(renamed.body).toMatchObject({ name: 'Casa Esperanza', version: 2 });
    expect((await auditEntries(registry, 'shelter.update', w.shelter.id)).length).toBe(1);
  });

  it('answers 401, 403 and 404 on every shelter route', async () => {
    const w = await shelterWithReferredVictims(1, 1);
    const stay = await w.shelterStaff.client.post(`/api/v1/shelters/${w.shelter.id}/stays`, { victimId: w.victimIds[0], checkInOn: '2026-01-01' });
    const hotline = await makeUser(registry, { roles: ['hotline_operator'] });
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/shelters'],
      ['GET', `/api/v1/shelters/${w.shelter.id}`],
      ['POST', '/api/v1/shelters', { name: 'X', capacityBeds: 1, targetPopulation: 'mixed' }],
      ['PATCH', `/api/v1/shelters/${w.shelter.id}`, { name: 'Y', version: 1 }],
      ['GET', `/api/v1/shelters/${w.shelter.id}/stays`],
      ['POST', `/api/v1/shelters/${w.shelter.id}/stays`, { victimId: w.victimIds[0], checkInOn: '2026-01-01' }],
      ['PATCH', `/api/v1/stays/${stay.body.id}`, { checkOutOn: '2026-01-02', version: 1 }],
    ];
    for (const [method, url, body] of routes) {
      expect((await anonymous(registry.app).request(method as never, url, body)).status, `${method} ${url}`).toBe(401);
      expect((await hotline.client.request(method as never, url, body)).status, `${method} ${url}`).toBe(403);
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await w.police.client.get(`/api/v1/shelters/${missing}`)).status).toBe(404);
    expect((await w.shelterStaff.client.post(`/api/v1/shelters/${missing}/stays`, { victimId: w.victimIds[0], checkInOn: '2026-01-01' })).status).toBe(404);
    expect((await w.shelterStaff.client.patch(`/api/v1/stays/${missing}`, { checkOutOn: '2026-01-02', version: 1 })).status).toBe(404);
    const stranger = await makeUser(registry, { roles: ['social_worker'] });
    expect((await stranger.client.patch(`/api/v1/stays/${stay.body.id}`, { checkOutOn: '2026-01-02', version: 1 })).status).toBe(404);
  });
});

describe('placement in a shelter that fits the person', () => {
  it('warns before a child is admitted to an adult shelter, admits once confirmed, audits the confirmation and confirms the admission on the referral', async () => {
    const police = await makeUser(registry, { roles: ['investigator'] });
    const shelterStaff = await makeUser(registry, { roles: ['social_worker'] });
    const registered = await police.client.post('/api/v1/cases', {
      source: 'complaint', reportedOn: '2026-02-01', factsDateFrom: '2026-01', acts: ['recruitment'], means: [], purposes: ['sexual_exploitation'],
      victims: [
        { person: { sex: 'female', identity: { givenNames: 'Flor', familyNames: 'Condori' } }, ageYears: 15, ageVerified: true, consentToServices: true },
        { person: { sex: 'female', identity: { givenNames: 'Eva', familyNames: 'Ramos' } }, ageYears: 30, ageVerified: true, consentToServices: true },
      ],
      places: [{ kind: 'exploitation', ubigeo: '15' }],
    });
    expect(registered.status).toBe(201);
    const [girl, woman] = registered.body.victims as Array<{ id: string }>;
    const women = await shelterStaff.client.post('/api/v1/shelters', { name: 'Casa Mujeres', ubigeo: '15', capacityBeds: 5, targetPopulation: 'women' });
    const referrals = [];
    for (const victim of [girl!, woman!]) {
      const sent = await police.client.post('/api/v1/referrals', { victimId: victim.id, toInstitutionId: shelterStaff.institutionId, serviceType: 'shelter' });
      expect(sent.status).toBe(201);
      referrals.push(sent.body);
    }
    const admit = (victimId: string, referralId: string, confirmWarnings?: boolean) =>
      shelterStaff.client.post(`/api/v1/shelters/${women.body.id}/stays`, { victimId, referralId, checkInOn: '2026-02-03', ...(confirmWarnings ? { confirmWarnings } : {}) });

    const warned = await admit(girl!.id, referrals[0].id);
    expect(warned.status).toBe(422);
    expect(warned.body.error).toMatchObject({ code: 'stay.placement_warning', fields: { shelterId: expect.stringMatching(/is a child .* for adults/) } });
    expect(await registry.deps.db.select().from(shelterStays).where(eq(shelterStays.caseVictimId, girl!.id))).toHaveLength(0);

    // The adult woman fits: no warning.
    expect((await admit(woman!.id, referrals[1].id)).status).toBe(201);

    const confirmed = await admit(girl!.id, referrals[0].id, true);
    expect(confirmed.status).toBe(201);
    const [audit] = await auditEntries(registry, 'shelter.stay', confirmed.body.id);
    expect(audit!.details).toMatchObject({ confirmedWarnings: ['child_in_adult_shelter'] });

    // The referral card confirms the admission: the shelter's name for the shelter's institution only.
    const forShelter = await shelterStaff.client.get(`/api/v1/referrals?victimId=${girl!.id}`);
    expect(forShelter.body.items[0].admissions).toEqual([{ checkInOn: '2026-02-03', checkOutOn: null, shelterName: 'Casa Mujeres' }]);
    const forPolice = await police.client.get(`/api/v1/referrals?victimId=${girl!.id}`);
    expect(forPolice.body.items[0].admissions).toEqual([{ checkInOn: '2026-02-03', checkOutOn: null, shelterName: null }]);
  });
});
