import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { protectionWorld } from './protection.test-kit';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
});
afterAll(() => registry.close());

const hostile = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constantFrom('2026-02-30', '9999-99-99', "'; drop table referrals; --", '00000000-0000-4000-8000-000000000000', 'shelter', '\u0000'),
  fc.array(fc.string(), { maxLength: 3 }),
);

describe('hostile input to the protection writes', () => {
  it('is answered with a 4xx and a clear code, never a 500, and writes nothing it should not', async () => {
    const w = await protectionWorld(registry);
    const shelter = await w.shelterStaff.client.post('/api/v1/shelters', { name: 'Refugio', capacityBeds: 1, targetPopulation: 'mixed' });
    const targets = [
      { url: '/api/v1/referrals', keys: ['victimId', 'toInstitutionId', 'toUnitId', 'serviceType', 'requestedOn', 'consentGiven', 'consentOverrideReason', 'externalId'], client: w.police.client },
      { url: `/api/v1/shelters/${shelter.body.id}/stays`, keys: ['victimId', 'checkInOn', 'checkOutOn', 'referralId'], client: w.shelterStaff.client },
      { url: `/api/v1/victims/${w.consenting.id}/reparations`, keys: ['kind', 'orderedAmount', 'paidAmount', 'currency', 'orderedOn', 'paidOn'], client: w.police.client },
    ];
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...target.keys, 'extra'), hostile, { maxKeys: 6 }), async (body) => {
          const response = await target.client.post(target.url, body);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(response.body.error.code).toEqual(expect.any(String));
        }),
        { numRuns: 40 },
      );
    }
    const nul = await w.police.client.post('/api/v1/referrals', { victimId: w.consenting.id, toInstitutionId: w.shelterStaff.institutionId, serviceType: 'shelter', externalId: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields.externalId).toBeDefined();
    expect((await w.shelterStaff.client.post('/api/v1/shelters', { name: 'Re\u0000fugio', capacityBeds: 1, targetPopulation: 'mixed' })).status).toBe(400);
    const stays = await w.shelterStaff.client.get(`/api/v1/shelters/${shelter.body.id}/stays`);
    expect(stays.body.total).toBe(0);
  });
});
