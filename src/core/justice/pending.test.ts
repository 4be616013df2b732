import { describe, expect, it } from 'vitest';
import type { ChainEvent } from './chain';
import { closedOn, closedPeriods, multirangeLiteral, stageReachedOn } from './pending';

let n = 0;
const ev = (type: ChainEvent['type'], occurredOn: string, extra: Partial<ChainEvent> = {}): ChainEvent => ({
  id: `e${++n}`,
  type,
  occurredOn,
  recordedAt: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
  ...extra,
});

describe('closed periods of a defendant', () => {
  it('is never closed without an archive, plea or decision', () => {
    const events = [ev('arrest', '2024-01-05'), ev('charges_filed', '2024-03-01')];
    expect(closedPeriods(events)).toEqual([]);
    expect(multirangeLiteral(closedPeriods(events))).toBe('{}');
  });

  it('closes on an archive and reopens on a new investigation step', () => {
    const events = [ev('arrest', '2024-01-05'), ev('archived', '2024-02-01'), ev('preliminary_investigation_opened', '2024-09-01'), ev('decision', '2025-03-01', { decision: 'acquittal' })];
    expect(closedPeriods(events)).toEqual([{ from: '2024-02-01', until: '2024-09-01' }, { from: '2025-03-01', until: null }]);
    expect(multirangeLiteral(closedPeriods(events))).toBe('{[2024-02-01,2024-09-01),[2025-03-01,)}');
    expect(closedOn(events, '2024-12-31')).toBe(false);
    expect(closedOn(events, '2024-06-30')).toBe(true);
  });

  it('a decision is undone only by an appeal that annulled it, not by a later investigation step', () => {
    const decision = [ev('charges_filed', '2024-01-10'), ev('decision', '2024-06-01', { decision: 'conviction' })];
    expect(closedPeriods([...decision, ev('investigation_formalised', '2024-07-01')])).toEqual([{ from: '2024-06-01', until: null }]);
    expect(closedPeriods([...decision, ev('appeal_decided', '2024-10-01', { appealOutcome: 'annulled' })])).toEqual([{ from: '2024-06-01', until: '2024-10-01' }]);
    expect(closedPeriods([...decision, ev('appeal_decided', '2024-10-01', { appealOutcome: 'confirmed' })])).toEqual([{ from: '2024-06-01', until: null }]);
  });

  it('on the same day the order of recording decides', () => {
    const reopenedFirst = [ev('preliminary_investigation_opened', '2024-05-01'), ev('archived', '2024-05-01')];
    expect(closedPeriods(reopenedFirst)).toEqual([{ from: '2024-05-01', until: null }]);
    const archivedFirst = [ev('archived', '2024-05-01'), ev('preliminary_investigation_opened', '2024-05-01')];
    expect(closedPeriods(archivedFirst)).toEqual([]);
  });

  it('a decision without an outcome does not close', () => {
    expect(closedPeriods([ev('decision', '2024-05-01', { decision: null })])).toEqual([]);
  });
});

describe('stage reached on a day', () => {
  it('gives the first day of each stage of the main path', () => {
    const events = [ev('sentence', '2025-02-01', { sentenceMonths: 96 }), ev('arrest', '2024-01-05'), ev('charges_filed', '2024-03-01'), ev('decision', '2025-01-10', { decision: 'conviction' })];
    expect(stageReachedOn(events)).toEqual({ police: '2024-01-05', prosecution: '2024-03-01', court: '2025-01-10', execution: null });
  });
});
