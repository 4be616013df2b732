import { describe, expect, it } from 'vitest';
import type { ChainEvent } from './chain';
import { closedOn, pendingYearEnds, stageReachedOn } from './pending';

let n = 0;
const ev = (type: ChainEvent['type'], occurredOn: string, extra: Partial<ChainEvent> = {}): ChainEvent => ({
  id: `e${++n}`,
  type,
  occurredOn,
  recordedAt: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
  ...extra,
});

describe('pending at year end', () => {
  it('without events: pending at every year end from the complaint on', () => {
    expect(pendingYearEnds([], '2021-06-01')).toEqual({ years: [], from: 2021 });
  });

  it('never closed without an archive, plea or decision', () => {
    const events = [ev('arrest', '2022-01-05'), ev('charges_filed', '2024-03-01')];
    expect(closedOn(events, '2024-12-31')).toBe(false);
    expect(pendingYearEnds(events, '2021-11-30')).toEqual({ years: [2021, 2022, 2023], from: 2024 });
  });

  it('closes on an archive and reopens on a new investigation step; a final decision ends it', () => {
    const events = [ev('arrest', '2022-01-05'), ev('archived', '2022-02-01'), ev('preliminary_investigation_opened', '2023-09-01'), ev('decision', '2025-03-01', { decision: 'acquittal' })];
    expect(closedOn(events, '2022-12-31')).toBe(true);
    expect(closedOn(events, '2023-12-31')).toBe(false);
    // 2022 closed, 2023 and 2024 pending, from 2025 on closed.
    expect(pendingYearEnds(events, '2021-12-20')).toEqual({ years: [2021, 2023, 2024], from: null });
  });

  it('a decision is undone only by an appeal that annulled it, not by a later investigation step', () => {
    const decision = [ev('charges_filed', '2024-01-10'), ev('decision', '2024-06-01', { decision: 'conviction' })];
    expect(pendingYearEnds([...decision, ev('investigation_formalised', '2025-07-01')], '2024-01-01')).toEqual({ years: [], from: null });
    expect(pendingYearEnds([...decision, ev('appeal_decided', '2025-10-01', { appealOutcome: 'annulled' })], '2024-01-01')).toEqual({ years: [], from: 2025 });
    expect(pendingYearEnds([...decision, ev('appeal_decided', '2025-10-01', { appealOutcome: 'confirmed' })], '2024-01-01')).toEqual({ years: [], from: null });
  });

  it('on the same day the order of recording decides', () => {
    const reopenedFirst = [ev('preliminary_investigation_opened', '2024-05-01'), ev('archived', '2024-05-01')];
    expect(pendingYearEnds(reopenedFirst, '2024-01-01')).toEqual({ years: [], from: null });
    const archivedFirst = [ev('archived', '2024-05-01'), ev('preliminary_investigation_opened', '2024-05-01')];
    expect(pendingYearEnds(archivedFirst, '2024-01-01')).toEqual({ years: [], from: 2024 });
  });

  it('a decision without an outcome does not close', () => {
    expect(pendingYearEnds([ev('decision', '2024-05-01', { decision: null })], '2023-02-01')).toEqual({ years: [2023], from: 2024 });
  });
});

describe('stage reached on a day', () => {
  it('gives the first day of each stage of the main path', () => {
    const events = [ev('sentence', '2025-02-01', { sentenceMonths: 96 }), ev('arrest', '2024-01-05'), ev('charges_filed', '2024-03-01'), ev('decision', '2025-01-10', { decision: 'conviction' })];
    expect(stageReachedOn(events)).toEqual({ police: '2024-01-05', prosecution: '2024-03-01', court: '2025-01-10', execution: null });
  });
});
