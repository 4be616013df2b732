import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { caseVictims, justiceEvents } from '../../db/schema';
import { grantCaseAccess } from '../policy';
import { makeCast, makeChain, record, type Cast } from './justice-test-helpers';

let registry: TestRegistry;
let cast: Cast;
beforeAll(async () => {
  registry = await createTestRegistry();
  cast = await makeCast(registry);
});
afterAll(() => registry.close());

describe('referral-only institutions see no justice chain', () => {
  it('answers 404 for the case chain and lists none of its events to a shelter holding a referral', async () => {
    const chain = await makeChain(registry, cast, { victims: [{ ageYears: 15 }, { ageYears: 30 }], suspects: [{}, {}] });
    await record(chain, [
      [chain.police, { type: 'arrest', occurredOn: '2016-06-01' }],
      [chain.police, { type: 'police_report_sent', occurredOn: '2016-06-20', receivingInstitutionId: chain.prosecutor.institutionId }],
    ]);
    const victims = await registry.deps.db.select().from(caseVictims).where(eq(caseVictims.caseId, chain.caseId));
    const worker = await makeUser(registry, { roles: ['social_worker'] });
    await grantCaseAccess(registry.deps.db, { caseId: chain.caseId, institutionId: worker.institutionId, basis: 'referral', victimIds: [victims[0]!.id], grantedBy: null });

    // The shelter does see the case (its referred victim)...
    expect((await worker.client.withReason('atención').get(`/api/v1/cases/${chain.caseId}`)).status).toBe(200);
    // ...but none of the defendants, their events, decisions or sentences.
    const view = await worker.client.get(chain.justiceUrl);
    expect(view.status).toBe(404);
    expect(view.body).not.toHaveProperty('defendants');
    const listed = await worker.client.get(`/api/v1/justice/events?caseId=${chain.caseId}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ items: [], total: 0 });
    const all = await worker.client.get('/api/v1/justice/events?pageSize=100');
    expect(all.body.items.filter((e: { caseId: string }) => e.caseId === chain.caseId)).toEqual([]);

    // Those that see the whole case still do.
    expect((await chain.prosecutor.client.get(chain.justiceUrl)).body.defendants).toHaveLength(2);
    expect((await chain.prosecutor.client.get(`/api/v1/justice/events?caseId=${chain.caseId}`)).body.total).toBe(2);
  });

  it('refuses international steps from an institution that holds only a referral', async () => {
    const chain = await makeChain(registry, cast);
    const victims = await registry.deps.db.select().from(caseVictims).where(eq(caseVictims.caseId, chain.caseId));
    await grantCaseAccess(registry.deps.db, { caseId: chain.caseId, institutionId: chain.otherPolice.institutionId, basis: 'referral', victimIds: victims.map((v) => v.id), grantedBy: null });
    const refused = await chain.otherPolice.client.post(chain.url(), { type: 'extradition_requested', occurredOn: '2016-10-01', country: 'BOL' });
    expect(refused.status).toBe(404);
    expect(await registry.deps.db.select().from(justiceEvents).where(eq(justiceEvents.caseId, chain.caseId))).toHaveLength(0);
  });
});

describe('one externalId for two defendants at once', () => {
  it('records one and answers 409 to the other, never 500', async () => {
    const chain = await makeChain(registry, cast, { suspects: [{}, {}] });
    const externalId = `SIDPOL-${chain.caseId}`;
    const responses = await Promise.all(
      chain.suspects.map((suspectId) => chain.police.client.post(chain.url(suspectId), { type: 'arrest', occurredOn: '2016-06-01', externalId })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.status === 409)!.body.error.code).toBe('justice.external_id_taken');
    expect(await registry.deps.db.select().from(justiceEvents).where(eq(justiceEvents.caseId, chain.caseId))).toHaveLength(1);
  });

  it('replays the event when both requests are for the same defendant', async () => {
    const chain = await makeChain(registry, cast);
    const body = { type: 'arrest', occurredOn: '2016-06-01', externalId: `SIDPOL-same-${chain.caseId}` };
    const responses = await Promise.all([chain.police.client.post(chain.url(), body), chain.police.client.post(chain.url(), body)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(responses[0]!.body.id).toBe(responses[1]!.body.id);
  });
});
