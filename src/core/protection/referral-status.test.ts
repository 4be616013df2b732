import { describe, expect, it } from 'vitest';
import { referralStatuses } from '../codes';
import { canRecordService, checkReferralTransition, nextStatuses, type ReferralStatus } from './referral-status';

describe('referral status machine', () => {
  const table: Array<[ReferralStatus, ReferralStatus, 'sender' | 'receiver', string]> = [
    ['requested', 'accepted', 'receiver', 'ok'],
    ['requested', 'declined', 'receiver', 'ok'],
    ['requested', 'accepted', 'sender', 'not_allowed_for_party'],
    ['requested', 'provided', 'receiver', 'invalid_transition'],
    ['requested', 'closed', 'sender', 'invalid_transition'],
    ['accepted', 'provided', 'receiver', 'ok'],
    ['accepted', 'declined', 'receiver', 'ok'],
    ['accepted', 'requested', 'receiver', 'invalid_transition'],
    ['provided', 'closed', 'sender', 'ok'],
    ['provided', 'closed', 'receiver', 'ok'],
    ['provided', 'declined', 'receiver', 'invalid_transition'],
    ['declined', 'closed', 'sender', 'ok'],
    ['declined', 'accepted', 'receiver', 'invalid_transition'],
    ['closed', 'requested', 'sender', 'invalid_transition'],
  ];
  it.each(table)('%s → %s by %s: %s', (from, to, party, expected) => {
    const result = checkReferralTransition(from, to, [party]);
    expect(result.ok ? 'ok' : result.problem).toBe(expected);
  });

  it('never leaves closed and never returns to requested', () => {
    expect(nextStatuses('closed')).toEqual([]);
    for (const status of referralStatuses) expect(nextStatuses(status)).not.toContain('requested');
  });

  it('records services only while accepted or provided', () => {
    expect(referralStatuses.filter(canRecordService)).toEqual(['accepted', 'provided']);
  });
});
