import { describe, expect, it } from 'vitest';
import { decideReferralConsent } from './consent';

describe('referral consent', () => {
  const base = { consentOnReferral: undefined, consentOnRecord: null, mayOverride: false, overrideReason: undefined };
  it('takes consent given on the referral', () => {
    expect(decideReferralConsent({ ...base, consentOnReferral: true })).toEqual({ ok: true, source: 'referral' });
  });
  it('falls back to the consent on the victim record', () => {
    expect(decideReferralConsent({ ...base, consentOnRecord: true })).toEqual({ ok: true, source: 'victim_record' });
  });
  it('lets an explicit refusal on the referral win over the record', () => {
    expect(decideReferralConsent({ ...base, consentOnReferral: false, consentOnRecord: true })).toEqual({ ok: false, problem: 'consent_required' });
  });
  it('refuses without consent unless overridden with a reason', () => {
    expect(decideReferralConsent({ ...base, consentOnRecord: false })).toEqual({ ok: false, problem: 'consent_required' });
    expect(decideReferralConsent({ ...base, mayOverride: true })).toEqual({ ok: false, problem: 'override_reason_required' });
    expect(decideReferralConsent({ ...base, mayOverride: true, overrideReason: 'child at risk' })).toEqual({ ok: true, source: 'override' });
  });
});
