import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

/**
 * A registration answers with the view built from the rows it has just written (not read back): it must be
 * exactly the view a read of the same case gives the same user, for every way a person and a place can come in.
 */
let registry: TestRegistry;
let registrar: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

const identified = (given: string, document: string) => ({ givenNames: given, familyNames: 'Quispe', document: { type: 'dni', number: document } });

describe('the view a registration answers with', () => {
  for (const reason of [true, false]) {
    it(`equals the case read back ${reason ? 'with' : 'without'} an access reason (new, external-id, existing and anonymous persons; places of every kind)`, async () => {
      const client = reason ? registrar.client.withReason('case_follow_up') : registrar.client;
      const earlier = await registrar.client.withReason('case_follow_up').post('/api/v1/cases', {
        source: 'complaint', reportedOn: '2026-02-01', victims: [{ person: { sex: 'female', identity: identified('Rosa', '41000001') } }],
      });
      expect(earlier.status).toBe(201);
      const existingPersonId = earlier.body.victims[0].person.id as string;
      const created = await client.post('/api/v1/cases', {
        source: 'complaint', reportedOn: '2026-02-03', narrative: 'Relato del caso', acts: ['recruitment'], means: ['deception'], purposes: ['sexual_exploitation'],
        victims: [
          { person: { sex: 'female', birthYear: 2009, identity: identified('Ana', `${reason ? 5 : 6}2000001`) }, ageYears: 16 },
          { person: { sex: 'male', externalId: `P-${reason}-1`, identity: identified('Luis', `${reason ? 5 : 6}2000002`) }, ageYears: 30, identificationStatus: 'confirmed_victim', identifiedOn: '2026-02-02' },
          { personId: existingPersonId, ageYears: 19 },
          { person: { sex: 'female', nationalities: ['VEN'] } },
        ],
        suspects: [{ person: { sex: 'male' }, roles: ['recruiter'] }, { person: { sex: 'female', externalId: `S-${reason}-1` }, roles: ['exploiter'] }],
        places: [
          { kind: 'transit', country: 'ECU' }, { kind: 'exploitation', ubigeo: '15' }, { kind: 'residence', ubigeo: '04' },
          { kind: 'recruitment', country: 'VEN' }, { kind: 'exploitation', ubigeo: '07' },
        ],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const read = await client.get(`/api/v1/cases/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(created.body).toEqual(read.body);
      // And it is the case as registered: the order the victims were given, and each kind of person.
      expect(created.body.victims.map((v: any) => v.ageYears)).toEqual([16, 30, 19, null]);
      expect(created.body.victims[2].person.id).toBe(existingPersonId);
      expect(created.body.places.map((p: any) => p.kind)).toEqual(['exploitation', 'exploitation', 'recruitment', 'residence', 'transit']);
      expect(Boolean(created.body.victims[0].person.identity)).toBe(reason);
    });
  }
});
