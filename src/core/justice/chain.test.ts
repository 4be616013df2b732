import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peruLegalFramework as peru } from '../legal/peru';
import { resolveArticle } from '../legal/resolve';
import type { ChargedArticle } from '../legal/sentencing';
import type { ChainEvent } from './chain';
import { justiceEventTypes } from './events';
import { assessDefendant, findReclassification, isReductionToLesser } from './flags';
import { validateChain } from './sequence';
import { deriveCaseStage, deriveDefendant } from './stage';

let counter = 0;
const ev = (type: ChainEvent['type'], occurredOn: string, extra: Partial<ChainEvent> = {}): ChainEvent => ({
  id: `e${++counter}`,
  type,
  occurredOn,
  recordedAt: String(counter).padStart(6, '0'),
  ...extra,
});
const art = (number: string, date = '2016-05-01', tierCode?: string): ChargedArticle => {
  const r = resolveArticle(peru, number, date)!;
  return { article: r.article, regime: r.regime, tierCode };
};

const issueScenario = () => [
  ev('arrest', '2016-06-01'),
  ev('police_report_sent', '2016-06-20'),
  ev('preliminary_investigation_opened', '2016-07-01', { charges: [art('153')] }),
  ev('charges_filed', '2017-02-01', { charges: [art('153')] }),
  ev('trial_started', '2017-09-01'),
  ev('decision', '2018-03-01', { decision: 'conviction', charges: [art('153')] }),
  ev('sentence', '2018-03-01', { sentenceMonths: 72, sentenceEffective: true }),
  ev('appeal_filed', '2018-03-10'),
  ev('appeal_decided', '2018-09-10', { appealOutcome: 'confirmed' }),
  ev('final', '2018-09-10'),
  ev('imprisonment_started', '2018-09-15'),
];

describe('stage derivation', () => {
  it('follows a defendant from arrest to prison, flagged below the minimum', () => {
    const { state, flags } = assessDefendant(issueScenario());
    expect(state).toMatchObject({ stage: 'execution', outcome: 'imprisoned', final: true, inCustody: true, pendingAppeals: 0 });
    expect(flags).toMatchObject({ belowMinimum: true, suspendedNotAllowed: false, reclassified: false });
    expect(flags.sentencing?.range).toMatchObject({ articleNumber: '153', regimeCode: 'law_28950', minMonths: 96 });
    expect(validateChain(issueScenario(), { factsStart: '2016-01-01', today: '2026-01-01' })).toBeNull();
  });

  it.each([
    [[], 'none', null],
    [[ev('arrest', '2020-01-01')], 'police', null],
    [[ev('arrest', '2020-01-01'), ev('archived', '2020-03-01')], 'prosecution', 'archived'],
    [[ev('preliminary_investigation_opened', '2020-01-01'), ev('archived', '2020-03-01')], 'prosecution', 'archived'],
    [[ev('preliminary_investigation_opened', '2020-01-01'), ev('archived', '2020-03-01'), ev('investigation_formalised', '2020-05-01')], 'prosecution', null],
    [[ev('plea_agreement', '2020-01-01')], 'prosecution', 'convicted'],
    [[ev('decision', '2020-01-01', { decision: 'acquittal' })], 'court', 'acquitted'],
    [[ev('decision', '2020-01-01', { decision: 'dismissal' })], 'court', 'dismissed'],
    [[ev('decision', '2020-01-01', { decision: 'suspended_insufficient_evidence' })], 'court', 'suspended_insufficient_evidence'],
    [[ev('decision', '2020-01-01', { decision: 'conviction' }), ev('appeal_filed', '2020-02-01'), ev('appeal_decided', '2020-06-01', { appealOutcome: 'revoked' })], 'court', 'acquitted'],
    [[ev('decision', '2020-01-01', { decision: 'conviction' }), ev('appeal_filed', '2020-02-01'), ev('appeal_decided', '2020-06-01', { appealOutcome: 'annulled' })], 'court', null],
    [[ev('decision', '2020-01-01', { decision: 'conviction' }), ev('sentence', '2020-01-01', { sentenceMonths: 100, sentenceEffective: true }), ev('imprisonment_started', '2020-02-01'), ev('released', '2025-02-01')], 'execution', 'released'],
    [[ev('extradition_requested', '2020-01-01')], 'international', null],
  ] as const)('case %#', (events, stage, outcome) => {
    const state = deriveDefendant(events as unknown as ChainEvent[]);
    expect(state.stage).toBe(stage);
    expect(state.outcome).toBe(outcome);
  });

  it('ignores superseded events but keeps their corrections', () => {
    const decision = ev('decision', '2020-01-01', { decision: 'acquittal' });
    const correction = ev('decision', '2020-01-01', { decision: 'conviction', supersedesEventId: decision.id });
    expect(deriveDefendant([decision]).outcome).toBe('acquitted');
    expect(deriveDefendant([decision, correction]).outcome).toBe('convicted');
  });

  it('orders by date, not by the order events were entered', () => {
    const late = ev('imprisonment_started', '2021-01-01');
    const early = [ev('decision', '2020-01-01', { decision: 'conviction' }), ev('sentence', '2020-01-02', { sentenceMonths: 120, sentenceEffective: true })];
    expect(deriveDefendant([late, ...early]).outcome).toBe('imprisoned');
  });

  it('puts a case at the stage of its most advanced defendant', () => {
    expect(deriveCaseStage([{ stage: 'police' }, { stage: 'court' }, { stage: 'prosecution' }])).toBe('court');
    expect(deriveCaseStage([{ stage: 'international' }])).toBe('none');
    expect(deriveCaseStage([])).toBe('none');
  });
});

describe('sequence validation', () => {
  const ctx = { factsStart: '2016-01-01', today: '2026-01-01' };
  it.each([
    [[ev('sentence', '2020-01-01', { sentenceMonths: 12, sentenceEffective: true })], 'justice.sentence_without_conviction'],
    [[ev('decision', '2020-01-02', { decision: 'conviction' }), ev('sentence', '2020-01-01', { sentenceMonths: 12 })], 'justice.sentence_without_conviction'],
    [[ev('decision', '2020-01-01', { decision: 'acquittal' }), ev('sentence', '2020-01-02', { sentenceMonths: 12 })], 'justice.sentence_without_conviction'],
    [[ev('decision', '2015-12-31', { decision: 'conviction' })], 'justice.event_before_facts'],
    [[ev('arrest', '2026-01-02')], 'justice.event_in_future'],
    [[ev('decision', '2020-01-01', { decision: 'conviction' }), ev('appeal_decided', '2020-03-01', { appealOutcome: 'confirmed' })], 'justice.appeal_decided_without_appeal'],
    [[ev('appeal_filed', '2020-03-01')], 'justice.appeal_without_decision'],
    [[ev('final', '2020-03-01')], 'justice.final_without_decision'],
    [[ev('decision', '2020-01-01', { decision: 'conviction' }), ev('sentence', '2020-01-01', { sentenceMonths: 30, sentenceEffective: false }), ev('imprisonment_started', '2020-02-01')], 'justice.imprisonment_without_sentence'],
    [[ev('released', '2020-03-01')], 'justice.release_without_imprisonment'],
    [[ev('release_from_custody', '2020-03-01')], 'justice.release_without_custody'],
  ] as const)('refuses case %#', (events, code) => {
    expect(validateChain(events as unknown as ChainEvent[], ctx)?.code).toBe(code);
  });

  it('accepts the boundary: a decision on the first day of the facts, without known facts any date', () => {
    expect(validateChain([ev('decision', '2016-01-01', { decision: 'conviction' })], ctx)).toBeNull();
    expect(validateChain([ev('arrest', '1999-01-01')], { factsStart: null, today: '2026-01-01' })).toBeNull();
  });

  it('checks the dates of one event only when asked (facts dates may have been edited since)', () => {
    const old = ev('arrest', '2015-06-01');
    const added = ev('release_from_custody', '2016-02-01');
    expect(validateChain([old, added], ctx)?.code).toBe('justice.event_before_facts');
    expect(validateChain([old, added], { ...ctx, datesOf: added.id })).toBeNull();
    expect(validateChain([old, ev('arrest', '2015-12-01')], { ...ctx, datesOf: 'x' })).toBeNull();
    const early = ev('arrest', '2015-12-01');
    expect(validateChain([old, early], { ...ctx, datesOf: early.id })?.eventId).toBe(early.id);
  });

  it('validates against corrected history: superseding the conviction strands its sentence', () => {
    const decision = ev('decision', '2020-01-01', { decision: 'conviction' });
    const sentence = ev('sentence', '2020-01-02', { sentenceMonths: 100, sentenceEffective: true });
    const correction = ev('decision', '2020-01-01', { decision: 'acquittal', supersedesEventId: decision.id });
    expect(validateChain([decision, sentence], ctx)).toBeNull();
    expect(validateChain([decision, sentence, correction], ctx)).toEqual({ code: 'justice.sentence_without_conviction', eventId: sentence.id });
  });

  it('never throws on any sequence of events (property)', () => {
    const arbitraryEvent = fc.record({
      type: fc.constantFrom(...justiceEventTypes),
      day: fc.integer({ min: 0, max: 3000 }),
      decision: fc.constantFrom('conviction', 'acquittal', 'dismissal', 'suspended_insufficient_evidence', null),
      months: fc.integer({ min: 0, max: 500 }),
      effective: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 15 }), (items) => {
        const events = items.map((i) =>
          ev(i.type, new Date(Date.UTC(2016, 0, 1) + i.day * 86_400_000).toISOString().slice(0, 10), {
            decision: i.decision as never,
            sentenceMonths: i.months,
            sentenceEffective: i.effective,
            charges: [art('153')],
          }),
        );
        const result = assessDefendant(events);
        const violation = validateChain(events, ctx);
        // A valid chain that ends with a sentence standing is checked against art. 153 (8 years).
        if (!violation && result.state.sentence && ['convicted', 'imprisoned', 'released'].includes(result.state.outcome ?? '')) {
          expect(result.flags.belowMinimum).toBe(result.state.sentence.months < 96);
        }
      }),
    );
  });
});

describe('reclassification (rule 5)', () => {
  it('counts a trafficking charge that ends in a conviction for pimping', () => {
    const events = [
      ev('charges_filed', '2017-01-01', { charges: [art('153')] }),
      ev('decision', '2018-01-01', { decision: 'conviction', charges: [art('181')] }),
    ];
    expect(findReclassification(events)).toEqual({ from: ['153'], to: ['181'] });
    expect(assessDefendant(events).flags.reclassified).toBe(true);
  });

  it('counts an explicit reclassification event from 153 to 179', () => {
    expect(findReclassification([ev('reclassified', '2017-01-01', { fromArticles: [art('153')], toArticles: [art('179')] })])).toEqual({ from: ['153'], to: ['179'] });
  });

  it('counts an investigation under a trafficking article then charges under a lesser one', () => {
    const events = [ev('preliminary_investigation_opened', '2016-06-01', { charges: [art('153')] }), ev('charges_filed', '2016-09-01', { charges: [art('179')] })];
    expect(findReclassification(events)?.to).toEqual(['179']);
  });

  it.each([
    ['trafficking throughout', [ev('charges_filed', '2017-01-01', { charges: [art('153')] }), ev('decision', '2018-01-01', { decision: 'conviction', charges: [art('153-A', '2016-05-01', 'aggravated')] })]],
    ['lesser from the start', [ev('charges_filed', '2017-01-01', { charges: [art('181')] }), ev('decision', '2018-01-01', { decision: 'conviction', charges: [art('181')] })]],
    ['an acquittal names no articles', [ev('charges_filed', '2017-01-01', { charges: [art('153')] }), ev('decision', '2018-01-01', { decision: 'acquittal' })]],
    ['lesser investigation only', [ev('charges_filed', '2017-01-01', { charges: [art('153')] }), ev('investigation_formalised', '2018-01-01', { charges: [art('181')] })]],
  ])('does not count: %s', (_label, events) => {
    expect(findReclassification(events as ChainEvent[])).toBeNull();
  });

  it('reads the lesser-offence flag of the data for the "to" side, not "anything but trafficking"', () => {
    // An article the data marks neither trafficking nor lesser (an unrelated offence, or an exploitation
    // article an administrator unflagged) is no reduction to a lesser offence.
    const unrelated = (number: string, date: string): ChargedArticle => {
      const charged = art(number, date);
      return { ...charged, article: { ...charged.article, isTrafficking: false, isLesserOffence: false } };
    };
    const toUnrelated = [ev('charges_filed', '2017-03-01', { charges: [art('153', '2017-02-01')] }), ev('decision', '2018-01-01', { decision: 'conviction', charges: [unrelated('153-B', '2017-02-01')] })];
    expect(findReclassification(toUnrelated)).toBeNull();
    expect(assessDefendant(toUnrelated).flags.reclassified).toBe(false);
    expect(findReclassification([ev('reclassified', '2017-03-01', { fromArticles: [art('153', '2017-02-01')], toArticles: [unrelated('153-B', '2017-02-01')] })])).toBeNull();
    // 153 → 153-B (sexual exploitation) stays within trafficking in the seed data.
    expect(findReclassification([ev('reclassified', '2017-03-01', { fromArticles: [art('153', '2017-02-01')], toArticles: [art('153-B', '2017-02-01')] })])).toBeNull();
    // A lesser offence next to an unrelated one still counts.
    const mixed = [ev('charges_filed', '2017-01-01', { charges: [art('153')] }), ev('decision', '2018-01-01', { decision: 'conviction', charges: [art('179'), unrelated('153-B', '2017-02-01')] })];
    expect(findReclassification(mixed)).toEqual({ from: ['153'], to: ['179', '153-B'] });
  });

  it('isReductionToLesser: trafficking before, no trafficking and some lesser offence after', () => {
    const flags = fc.record({ isTrafficking: fc.boolean(), isLesserOffence: fc.boolean() });
    fc.assert(
      fc.property(fc.array(flags, { maxLength: 4 }), fc.array(flags, { maxLength: 4 }), (from, to) => {
        const reduced = isReductionToLesser(from, to);
        if (!from.some((a) => a.isTrafficking) || to.some((a) => a.isTrafficking) || !to.some((a) => a.isLesserOffence)) expect(reduced).toBe(false);
        else expect(reduced).toBe(true);
      }),
    );
    const [trafficking, lesser, other] = [{ isTrafficking: true, isLesserOffence: false }, { isTrafficking: false, isLesserOffence: true }, { isTrafficking: false, isLesserOffence: false }];
    expect(isReductionToLesser([trafficking], [lesser])).toBe(true);
    expect(isReductionToLesser([trafficking], [other])).toBe(false);
    expect(isReductionToLesser([trafficking], [lesser, trafficking])).toBe(false);
  });

  it('does not count a superseded conviction', () => {
    const wrong = ev('decision', '2018-01-01', { decision: 'conviction', charges: [art('181')] });
    const events = [ev('charges_filed', '2017-01-01', { charges: [art('153')] }), wrong, ev('decision', '2018-01-01', { decision: 'conviction', charges: [art('153')], supersedesEventId: wrong.id })];
    expect(findReclassification(events)).toBeNull();
  });
});

describe('suspended sentences', () => {
  it('flags a suspended sentence for trafficking and not one for pimping of up to 4 years', () => {
    const trafficking = [ev('decision', '2018-01-01', { decision: 'conviction', charges: [art('153')] }), ev('sentence', '2018-01-01', { sentenceMonths: 48, sentenceEffective: false })];
    expect(assessDefendant(trafficking).flags).toMatchObject({ suspendedNotAllowed: true, belowMinimum: true });
    const pimping = [ev('decision', '2018-01-01', { decision: 'conviction', charges: [art('181')] }), ev('sentence', '2018-01-01', { sentenceMonths: 40, sentenceEffective: false })];
    expect(assessDefendant(pimping).flags).toMatchObject({ suspendedNotAllowed: false, belowMinimum: false });
  });

  it('uses the charges when the conviction names no article', () => {
    const events = [ev('charges_filed', '2017-01-01', { charges: [art('153')] }), ev('decision', '2018-01-01', { decision: 'conviction' }), ev('sentence', '2018-01-02', { sentenceMonths: 60, sentenceEffective: true })];
    expect(assessDefendant(events).flags.belowMinimum).toBe(true);
  });

  it('drops the flag once an appeal revokes the conviction', () => {
    const events = [ev('decision', '2018-01-01', { decision: 'conviction', charges: [art('153')] }), ev('sentence', '2018-01-01', { sentenceMonths: 60, sentenceEffective: true }), ev('appeal_filed', '2018-02-01'), ev('appeal_decided', '2018-06-01', { appealOutcome: 'revoked' })];
    expect(assessDefendant(events)).toMatchObject({ state: { outcome: 'acquitted' }, flags: { belowMinimum: false } });
  });
});
