/** Where a referral's consent comes from; `override` only with `protection.consent_override` and a reason. */
export type ConsentSource = 'victim_record' | 'referral' | 'override';

export type ConsentDecision =
  | { ok: true; source: ConsentSource }
  | { ok: false; problem: 'consent_required' | 'override_reason_required' };

/**
 * Consent given on the referral itself wins (true or an explicit refusal); otherwise the victim's recorded
 * consent to services. Without consent, only an actor who may override, stating a reason, proceeds.
 */
export function decideReferralConsent(input: {
  consentOnReferral: boolean | undefined;
  consentOnRecord: boolean | null;
  mayOverride: boolean;
  overrideReason: string | undefined;
}): ConsentDecision {
  if (input.consentOnReferral === true) return { ok: true, source: 'referral' };
  if (input.consentOnReferral === undefined && input.consentOnRecord === true) return { ok: true, source: 'victim_record' };
  if (!input.mayOverride) return { ok: false, problem: 'consent_required' };
  if (!input.overrideReason || input.overrideReason.trim().length < 3) return { ok: false, problem: 'override_reason_required' };
  return { ok: true, source: 'override' };
}
