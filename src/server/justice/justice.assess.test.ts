import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { systemAssessDefendants } from './justice.assess';
import { makeCast, makeChain, record, sendToCourt, type Cast } from './justice-test-helpers';

let registry: TestRegistry;
let cast: Cast;
beforeAll(async () => {
  registry = await createTestRegistry();
  cast = await makeCast(registry);
});
afterAll(() => registry.close());

describe('derived justice state for statistics', () => {
  it('gives one row per defendant with outcome, sentence and flags, superseded events left out', async () => {
    const chain = await makeChain(registry, cast, { suspects: [{}, { isPublicOfficial: true }, {}] });
    await sendToCourt(chain);
    const [wrong] = await record(chain, [[chain.clerk, { type: 'decision', occurredOn: '2018-01-01', decision: 'acquittal' }]]);
    await record(chain, [
      [chain.clerk, { type: 'decision', occurredOn: '2018-01-01', decision: 'conviction', supersedesEventId: wrong }],
      [chain.clerk, { type: 'sentence', occurredOn: '2018-01-01', sentence: { years: 7, months: 6, effective: true } }],
    ]);
    await record(chain, [[chain.police, { type: 'arrest', occurredOn: '2016-06-01' }]], chain.suspects[1]);
    const other = await makeChain(registry, cast);
    const rows = await systemAssessDefendants(registry.deps.db, [chain.caseId]);
    expect(rows).toHaveLength(3);
    const [convicted, official, untouched] = chain.suspects.map((id) => rows.find((r) => r.suspectId === id)!);
    expect(convicted).toMatchObject({ state: { outcome: 'convicted', stage: 'court', sentence: { months: 90 } }, flags: { belowMinimum: true }, publicOfficial: false });
    expect(convicted!.eventTypes.sort()).toEqual(['arrest', 'charges_filed', 'decision', 'police_report_sent', 'sentence']);
    expect(official).toMatchObject({ publicOfficial: true, state: { stage: 'police', inCustody: true }, eventTypes: ['arrest'] });
    expect(untouched).toMatchObject({ state: { stage: 'none' }, eventTypes: [] });
    expect(rows.some((r) => r.caseId === other.caseId)).toBe(false);
    expect(await systemAssessDefendants(registry.deps.db, [])).toEqual([]);
  });

  it('lists an institution its inbox: the police reports and charges sent to it', async () => {
    const chain = await makeChain(registry, cast);
    await sendToCourt(chain);
    const inbox = await chain.prosecutor.client.get(`/api/v1/justice/events?receivingInstitutionId=${chain.prosecutor.institutionId}&caseId=${chain.caseId}`);
    expect(inbox.body.items.map((e: { type: string }) => e.type)).toEqual(['police_report_sent']);
    const court = await chain.clerk.client.get(`/api/v1/justice/events?receivingInstitutionId=${chain.clerk.institutionId}&sort=-occurredOn`);
    expect(court.body.items.map((e: { type: string; caseId: string }) => [e.type, e.caseId])).toContainEqual(['charges_filed', chain.caseId]);
  });
});
