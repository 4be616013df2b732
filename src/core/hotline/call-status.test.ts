import { describe, expect, it } from 'vitest';
import { callArrests, callOutcomeRules, callOutcomes, outcomeOf, statusAfterReferral } from './call-status';

describe('hotline call status and outcome', () => {
  it('only refers actionable tips', () => {
    expect(statusAfterReferral('nuisance', false)).toBe('recorded');
    expect(statusAfterReferral('information_request', true)).toBe('recorded');
    expect(statusAfterReferral('tip_report_action_required', true)).toBe('referred');
    expect(statusAfterReferral('tip_report_action_required', false)).toBe('awaiting_referral');
  });

  it('ranks arrests over a linked case over a closure', () => {
    const base = { classification: 'tip_report_action_required', linkedCaseId: null, arrests: null, closedAt: null };
    expect(outcomeOf(base)).toBe('pending');
    expect(outcomeOf({ ...base, closedAt: new Date() })).toBe('closed');
    expect(outcomeOf({ ...base, linkedCaseId: 'c', closedAt: new Date() })).toBe('case_linked');
    expect(outcomeOf({ ...base, linkedCaseId: 'c', arrests: 2 })).toBe('arrests');
    expect(outcomeOf({ ...base, arrests: 0, linkedCaseId: 'c' })).toBe('case_linked');
    expect(outcomeOf({ ...base, classification: 'nuisance', arrests: 3 })).toBe('not_actionable');
  });

  it('has one rule per outcome, the catch-all last, and counts the larger of the call and case arrests (issue 9 item 7)', () => {
    expect(callOutcomeRules.map((r) => r.outcome).sort()).toEqual([...callOutcomes].sort());
    expect(callOutcomeRules.at(-1)!.when).toBe('always');
    expect(callArrests(null, 2)).toBe(2);
    expect(callArrests(3, 1)).toBe(3);
    expect(callArrests(undefined, undefined)).toBe(0);
  });
});
