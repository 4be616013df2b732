import type { referralStatuses } from '../codes';

export type ReferralStatus = (typeof referralStatuses)[number];
/** Which side of a referral is acting: the institution that sent it or the one that receives it. */
export type ReferralParty = 'sender' | 'receiver';

/**
 * The referral status machine (domain.md): requested → accepted → provided; requested or accepted →
 * declined; provided or declined → closed. The receiver answers (accept, decline, provide); either side
 * may close a finished referral. Nothing leaves `closed`.
 */
const transitions: Record<ReferralStatus, Partial<Record<ReferralStatus, readonly ReferralParty[]>>> = {
  requested: { accepted: ['receiver'], declined: ['receiver'] },
  accepted: { provided: ['receiver'], declined: ['receiver'] },
  provided: { closed: ['sender', 'receiver'] },
  declined: { closed: ['sender', 'receiver'] },
  closed: {},
};

export type TransitionCheck = { ok: true } | { ok: false; problem: 'invalid_transition' | 'not_allowed_for_party' };

export function checkReferralTransition(from: ReferralStatus, to: ReferralStatus, parties: readonly ReferralParty[]): TransitionCheck {
  const allowed = transitions[from]?.[to];
  if (!allowed) return { ok: false, problem: 'invalid_transition' };
  if (!parties.some((party) => allowed.includes(party))) return { ok: false, problem: 'not_allowed_for_party' };
  return { ok: true };
}

/** Statuses that can still move on: what an inbox shows by default. */
export const openReferralStatuses: readonly ReferralStatus[] = ['requested', 'accepted'];

/** Services are recorded only while the receiver works on the referral. */
export const canRecordService = (status: ReferralStatus) => status === 'accepted' || status === 'provided';

export function nextStatuses(from: ReferralStatus): ReferralStatus[] {
  return Object.keys(transitions[from] ?? {}) as ReferralStatus[];
}
