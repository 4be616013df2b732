import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitution } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, caseAccess, justiceEvents } from '../../db/schema';
import { validateChain } from '../../core/justice/sequence';
import { loadFramework } from '../legal/legal.repository';
import { listEventsOfSuspect, toChainEvents } from './justice.repository';
import { makeCast, makeChain, record, sendToCourt, type Cast } from './justice-test-helpers';

let registry: TestRegistry;
let cast: Cast;
beforeAll(async () => {
  registry = await createTestRegistry();
  cast = await makeCast(registry);
});
afterAll(() => registry.close());

describe('impossible sequences are refused with 422', () => {
  it.each([
    ['a sentence without a conviction', { type: 'sentence', occurredOn: '2018-01-01', sentence: { years: 9, months: 0, effective: true } }, 'justice.sentence_without_conviction'],
    ['a decision dated before the facts start', { type: 'decision', occurredOn: '2015-12-31', decision: 'conviction' }, 'justice.event_before_facts'],
    ['an appeal decided without an appeal', { type: 'appeal_decided', occurredOn: '2018-01-01', appealOutcome: 'confirmed' }, 'justice.appeal_decided_without_appeal'],
    ['an appeal without a decision', { type: 'appeal_filed', occurredOn: '2018-01-01' }, 'justice.appeal_without_decision'],
    ['imprisonment without a sentence', { type: 'imprisonment_started', occurredOn: '2018-01-01' }, 'justice.imprisonment_without_sentence'],
    ['a release without imprisonment', { type: 'released', occurredOn: '2018-01-01' }, 'justice.release_without_imprisonment'],
    ['an event in the future', { type: 'trial_started', occurredOn: '2099-01-01' }, 'justice.event_in_future'],
    ['an article not in force on the date of the facts', { type: 'decision', occurredOn: '2018-01-01', decision: 'conviction', articles: [{ number: '129-A' }] }, 'justice.article_not_in_force'],
    ['a tier the article does not have', { type: 'decision', occurredOn: '2018-01-01', decision: 'conviction', articles: [{ number: '153', tier: 'aggravated' }] }, 'justice.unknown_tier'],
  ])('%s', async (_label, body, code) => {
    const chain = await makeChain(registry, cast);
    await sendToCourt(chain);
    const response = await chain.clerk.client.post(chain.url(), body);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).not.toBe(code);
    const stored = await registry.deps.db.select().from(justiceEvents).where(eq(justiceEvents.caseId, chain.caseId));
    expect(stored.map((e) => e.type)).toEqual(['arrest', 'police_report_sent', 'charges_filed']); // nothing half-written
  });

  it('refuses a release from custody without an arrest, and a police report to an institution that is not a prosecutor office', async () => {
    const chain = await makeChain(registry, cast);
    expect((await chain.police.client.post(chain.url(), { type: 'release_from_custody', occurredOn: '2016-06-01' })).body.error.code).toBe('justice.release_without_custody');
    const wrong = await chain.police.client.post(chain.url(), { type: 'police_report_sent', occurredOn: '2016-06-01', receivingInstitutionId: chain.clerk.institutionId });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('justice.receiver_wrong_kind');
    expect(await registry.deps.db.select().from(caseAccess).where(eq(caseAccess.caseId, chain.caseId))).toEqual([]);
  });
});

describe('input validation (400)', () => {
  it.each([
    [{ type: 'decision', occurredOn: '2018-01-01' }, 'decision'],
    [{ type: 'charges_filed', occurredOn: '2018-01-01', receivingInstitutionId: '5b0a4b8e-3c1e-4a53-9e5c-1f2a3b4c5d6e' }, 'articles'],
    [{ type: 'police_report_sent', occurredOn: '2018-01-01' }, 'receivingInstitutionId'],
    [{ type: 'arrest', occurredOn: '2018-01-01', decision: 'conviction' }, 'decision'],
    [{ type: 'arrest', occurredOn: '2018-02-30' }, 'occurredOn'],
    [{ type: 'sentence', occurredOn: '2018-01-01', sentence: { years: 6, months: 12, effective: true } }, 'sentence.months'],
    [{ type: 'extradited', occurredOn: '2018-01-01' }, 'country'],
    [{ type: 'flying', occurredOn: '2018-01-01' }, 'type'],
  ])('%j → field %s', async (body, field) => {
    const chain = await makeChain(registry, cast);
    const response = await chain.police.client.post(chain.url(), body);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields)).toContain(field);
  });
});

describe('a sentence the clerk should check is warned of before it is saved', () => {
  it('stops at a sentence below the minimum when asked, records it once confirmed, audits the confirmation', async () => {
    const chain = await makeChain(registry, cast);
    await sendToCourt(chain);
    await record(chain, [[chain.clerk, { type: 'decision', occurredOn: '2018-03-01', decision: 'conviction', articles: [{ number: '153' }] }]]);
    const sentence = { type: 'sentence', occurredOn: '2018-03-02', sentence: { years: 4, months: 0, effective: true } };
    const stopped = await chain.clerk.client.post(chain.url(), { ...sentence, confirmWarnings: false });
    expect(stopped.status).toBe(422);
    expect(stopped.body.error.code).toBe('justice.sentence_warning');
    expect(stopped.body.error.message).toMatch(/article 153: at least 8 years/);
    expect(Object.keys(stopped.body.error.fields)).toEqual(['sentence.years']);
    const stored = await registry.deps.db.select().from(justiceEvents).where(eq(justiceEvents.caseId, chain.caseId));
    expect(stored.map((e) => e.type)).not.toContain('sentence');

    const confirmed = await chain.clerk.client.post(chain.url(), { ...sentence, confirmWarnings: true });
    expect(confirmed.status).toBe(201);
    const [audit] = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'justice.event.create'), eq(auditLog.entityId, confirmed.body.id)));
    expect(audit!.details).toMatchObject({ confirmedWarnings: ['below_minimum'] });
    const view = (await chain.clerk.client.get(chain.justiceUrl)).body.defendants[0];
    expect(view).toMatchObject({ flags: { belowMinimum: true } });
  });

  it('a sentence within the range saves at once, and an integration that asks for no stop records as given', async () => {
    const chain = await makeChain(registry, cast);
    await sendToCourt(chain);
    await record(chain, [[chain.clerk, { type: 'decision', occurredOn: '2018-03-01', decision: 'conviction', articles: [{ number: '153' }] }]]);
    expect((await chain.clerk.client.post(chain.url(), { type: 'sentence', occurredOn: '2018-03-02', sentence: { years: 10, months: 0, effective: true }, confirmWarnings: false })).status).toBe(201);
    const other = await makeChain(registry, cast);
    await sendToCourt(other);
    await record(other, [[other.clerk, { type: 'decision', occurredOn: '2018-03-01', decision: 'conviction', articles: [{ number: '153' }] }]]);
    expect((await other.clerk.client.post(other.url(), { type: 'sentence', occurredOn: '2018-03-02', sentence: { years: 4, months: 0, effective: true } })).status).toBe(201);
  });
});

describe('corrections supersede, history stays', () => {
  it('replaces a wrong decision, keeps it readable, and derives from the correction', async () => {
    const chain = await makeChain(registry, cast);
    await sendToCourt(chain);
    const [wrongId] = await record(chain, [[chain.clerk, { type: 'decision', occurredOn: '2018-03-01', decision: 'acquittal' }]]);
    const correction = await chain.clerk.client.post(chain.url(), { type: 'decision', occurredOn: '2018-03-01', decision: 'conviction', articles: [{ number: '153' }], supersedesEventId: wrongId });
    expect(correction.status).toBe(201);
    await record(chain, [[chain.clerk, { type: 'sentence', occurredOn: '2018-03-02', sentence: { years: 4, months: 0, effective: false } }]]);
    const view = (await chain.clerk.client.get(chain.justiceUrl)).body.defendants[0];
    expect(view).toMatchObject({ outcome: 'convicted', flags: { belowMinimum: true, suspendedNotAllowed: true } });
    const decisions = view.events.filter((e: { type: string }) => e.type === 'decision');
    expect(decisions).toEqual([
      expect.objectContaining({ id: wrongId, decision: 'acquittal', superseded: true, supersededByEventId: correction.body.id }),
      expect.objectContaining({ id: correction.body.id, decision: 'conviction', superseded: false, supersedesEventId: wrongId }),
    ]);
    const list = await chain.clerk.client.get(`/api/v1/justice/events?caseId=${chain.caseId}&type=decision`);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([correction.body.id]);
    const all = await chain.clerk.client.get(`/api/v1/justice/events?caseId=${chain.caseId}&type=decision&includeSuperseded=true`);
    expect(all.body.total).toBe(2);
  });

  it('refuses a second correction of the same event, a correction of another stage, another defendant or a stranded sentence', async () => {
    const chain = await makeChain(registry, cast, { suspects: [{}, {}] });
    await sendToCourt(chain);
    const [decisionId, sentenceId] = await record(chain, [
      [chain.clerk, { type: 'decision', occurredOn: '2018-03-01', decision: 'conviction' }],
      [chain.clerk, { type: 'sentence', occurredOn: '2018-03-01', sentence: { years: 9, months: 0, effective: true } }],
    ]);
    // Turning the conviction into an acquittal would leave the sentence without a conviction.
    const stranded = await chain.clerk.client.post(chain.url(), { type: 'decision', occurredOn: '2018-03-01', decision: 'acquittal', supersedesEventId: decisionId });
    expect(stranded.body.error.code).toBe('justice.sentence_without_conviction');
    const fixSentence = await chain.clerk.client.post(chain.url(), { type: 'sentence', occurredOn: '2018-03-01', sentence: { years: 10, months: 0, effective: true }, supersedesEventId: sentenceId });
    expect(fixSentence.status).toBe(201);
    const again = await chain.clerk.client.post(chain.url(), { type: 'sentence', occurredOn: '2018-03-01', sentence: { years: 11, months: 0, effective: true }, supersedesEventId: sentenceId });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('justice.already_superseded');
    const otherStage = await chain.clerk.client.post(chain.url(), { type: 'imprisonment_started', occurredOn: '2018-04-01', supersedesEventId: decisionId });
    expect(otherStage.body.error.code).toBe('justice.supersede_other_stage');
    await sendToCourt(chain, chain.suspects[1]);
    const otherDefendant = await chain.clerk.client.post(chain.url(chain.suspects[1]), { type: 'decision', occurredOn: '2018-03-01', decision: 'acquittal', supersedesEventId: decisionId });
    expect(otherDefendant.status).toBe(422);
    expect(otherDefendant.body.error.code).toBe('justice.supersede_other_defendant');
    const view = (await chain.clerk.client.get(chain.justiceUrl)).body.defendants.find((d: { suspectId: string }) => d.suspectId === chain.suspects[0]);
    expect(view).toMatchObject({ sentence: { months: 120 }, flags: { belowMinimum: false } });
  });
});

describe('reclassification, idempotency and other stages', () => {
  it('flags a trafficking charge reclassified to favouring prostitution and then convicted for pimping', async () => {
    const chain = await makeChain(registry, cast);
    await sendToCourt(chain);
    const reclassified = await chain.prosecutor.client.post(chain.url(), { type: 'reclassified', occurredOn: '2017-03-01', fromArticles: [{ number: '153' }], toArticles: [{ number: '179' }] });
    expect(reclassified.status).toBe(201);
    expect(reclassified.body.toArticles[0]).toMatchObject({ articleNumber: '179', regimeCode: 'law_28950', isLesserOffence: true });
    await record(chain, [
      [chain.clerk, { type: 'decision', occurredOn: '2018-01-01', decision: 'conviction', articles: [{ number: '181' }] }],
      [chain.clerk, { type: 'sentence', occurredOn: '2018-01-01', sentence: { years: 4, months: 0, effective: false }, fineAmount: 1500.5 }],
    ]);
    const view = (await chain.analyst.client.get(chain.justiceUrl)).body.defendants[0];
    expect(view).toMatchObject({
      flags: { reclassified: true, belowMinimum: false, suspendedNotAllowed: false },
      reclassification: { from: ['153'], to: ['179'] },
      applicableRange: { articleNumber: '181', minMonths: 36 },
    });
  });

  it('treats a repeated externalId as the same event', async () => {
    const chain = await makeChain(registry, cast);
    const first = await chain.police.client.post(chain.url(), { type: 'arrest', occurredOn: '2016-06-01', externalId: `SIDPOL-${chain.caseId}` });
    const second = await chain.police.client.post(chain.url(), { type: 'arrest', occurredOn: '2016-06-01', externalId: `SIDPOL-${chain.caseId}` });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
    // Another date under the same number is refused, not dropped (issue 8, item 17).
    const changed = await chain.police.client.post(chain.url(), { type: 'arrest', occurredOn: '2016-06-02', externalId: `SIDPOL-${chain.caseId}` });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency.mismatch');
    expect(await registry.deps.db.select().from(justiceEvents).where(eq(justiceEvents.caseId, chain.caseId))).toHaveLength(1);
  });

  it('records archive, international steps, and reopens an archived investigation', async () => {
    const chain = await makeChain(registry, cast);
    await record(chain, [
      [chain.police, { type: 'police_report_sent', occurredOn: '2016-06-20', receivingInstitutionId: chain.prosecutor.institutionId }],
      [chain.prosecutor, { type: 'archived', occurredOn: '2016-09-01', archiveReason: 'insufficient_evidence' }],
      [chain.police, { type: 'extradition_requested', occurredOn: '2016-10-01', country: 'BOL' }],
    ]);
    let view = (await chain.prosecutor.client.get(chain.justiceUrl)).body;
    expect(view.defendants[0]).toMatchObject({ stage: 'prosecution', outcome: 'archived' });
    await record(chain, [[chain.prosecutor, { type: 'investigation_formalised', occurredOn: '2017-01-10', articles: [{ number: '153-A', tier: 'aggravated_severe' }] }]]);
    view = (await chain.prosecutor.client.get(chain.justiceUrl)).body;
    expect(view).toMatchObject({ stage: 'prosecution', defendants: [{ outcome: null }] });
    const international = view.defendants[0].events.find((e: { type: string }) => e.type === 'extradition_requested');
    expect(international).toMatchObject({ stage: 'international', country: 'BOL' });
  });

  it('lets a police unit the case was transferred to record police events', async () => {
    const chain = await makeChain(registry, cast);
    expect((await chain.otherPolice.client.post(chain.url(), { type: 'arrest', occurredOn: '2016-06-01' })).status).toBe(404);
    await registry.deps.db.insert(caseAccess).values({ caseId: chain.caseId, institutionId: chain.otherPolice.institutionId, basis: 'transfer' });
    expect((await chain.otherPolice.client.post(chain.url(), { type: 'arrest', occurredOn: '2016-06-01' })).status).toBe(201);
    const unknownReceiver = await makeInstitution(registry.deps, 'judiciary');
    await record(chain, [[chain.otherPolice, { type: 'police_report_sent', occurredOn: '2016-06-02', receivingInstitutionId: chain.prosecutor.institutionId }]]);
    await record(chain, [[chain.prosecutor, { type: 'charges_filed', occurredOn: '2016-08-01', articles: [{ number: '153' }], receivingInstitutionId: unknownReceiver.id }]]);
    const bases = (await registry.deps.db.select().from(caseAccess).where(eq(caseAccess.caseId, chain.caseId))).map((a) => a.basis).sort();
    expect(bases).toEqual(['charges', 'police_report', 'transfer']);
  });
});

describe('robustness', () => {
  it('serialises appends for one defendant: of two simultaneous releases, exactly one is accepted', async () => {
    const chain = await makeChain(registry, cast);
    await sendToCourt(chain);
    await record(chain, [
      [chain.clerk, { type: 'decision', occurredOn: '2018-01-01', decision: 'conviction' }],
      [chain.clerk, { type: 'sentence', occurredOn: '2018-01-01', sentence: { years: 9, months: 0, effective: true } }],
      [chain.clerk, { type: 'imprisonment_started', occurredOn: '2018-01-02' }],
    ]);
    const both = await Promise.all([1, 2].map(() => chain.clerk.client.post(chain.url(), { type: 'released', occurredOn: '2024-01-02' })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
  });

  it('answers hostile or random bodies with 400 or 422, never 500, and never half-writes', async () => {
    const chain = await makeChain(registry, cast);
    await sendToCourt(chain);
    const body = fc.record(
      {
        type: fc.oneof(fc.constantFrom('decision', 'sentence', 'appeal_filed', 'final', 'trial_started', 'charges_filed'), fc.string()),
        occurredOn: fc.oneof(fc.constantFrom('2015-01-01', '2018-05-05', '2999-01-01', '2018-13-01'), fc.string()),
        decision: fc.constantFrom('conviction', 'acquittal', 'maybe'),
        sentence: fc.record({ years: fc.integer({ min: -5, max: 120 }), months: fc.integer({ min: -1, max: 13 }), effective: fc.boolean() }),
        articles: fc.array(fc.record({ number: fc.oneof(fc.constantFrom('153', '129-A', '999', '181'), fc.string()) }), { maxLength: 3 }),
        supersedesEventId: fc.uuid(),
        fineAmount: fc.oneof(fc.double(), fc.integer()),
      },
      { requiredKeys: ['type'] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const response = await chain.clerk.client.post(chain.url(), payload);
        expect([201, 400, 404, 409, 422]).toContain(response.status);
      }),
      { numRuns: 40 },
    );
    // Whatever was accepted still forms a valid chain, and every event kept its articles.
    const stored = await listEventsOfSuspect(registry.deps.db, chain.suspects[0]!);
    const framework = await loadFramework(registry.deps.db);
    expect(validateChain(toChainEvents(stored, framework), { factsStart: '2016-01-01', today: '2100-01-01' })).toBeNull();
    expect(stored.filter((e) => e.type === 'charges_filed').every((e) => e.articleRows.length > 0)).toBe(true);
    expect((await chain.clerk.client.get(chain.justiceUrl)).status).toBe(200);
  });
});
