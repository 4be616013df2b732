/**
 * The life of a hotline call. Only `tip_report_action_required` calls are referred to the police and
 * followed to an outcome; every other classification is simply recorded.
 */
export const callStatuses = ['recorded', 'awaiting_referral', 'referred', 'followed_up', 'closed'] as const;
export type CallStatus = (typeof callStatuses)[number];

export const callChannels = ['phone', 'whatsapp', 'web', 'email', 'in_person', 'other'] as const;
export const callerTypes = ['victim', 'family', 'witness', 'anonymous', 'institution', 'other'] as const;
export const callCloseReasons = ['no_evidence', 'false_report', 'unreachable', 'duplicate', 'handled_elsewhere', 'other'] as const;

/** Outcome groups the statistics count. */
export const callOutcomes = ['not_actionable', 'pending', 'case_linked', 'arrests', 'closed'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export const isActionable = (classification: string) => classification === 'tip_report_action_required';

/** The status after the referral step, for a newly recorded or reclassified call. */
export function statusAfterReferral(classification: string, referred: boolean): CallStatus {
  if (!isActionable(classification)) return 'recorded';
  return referred ? 'referred' : 'awaiting_referral';
}

export interface CallOutcomeFacts {
  classification: string;
  linkedCaseId: string | null;
  arrests: number | null;
  closedAt: Date | null;
}

/**
 * One outcome per call for counting: arrests outrank a linked case, which outranks a plain closure.
 * A closed call that still got a case or arrests counts under those.
 */
export function outcomeOf(call: CallOutcomeFacts): CallOutcome {
  if (!isActionable(call.classification)) return 'not_actionable';
  if ((call.arrests ?? 0) > 0) return 'arrests';
  if (call.linkedCaseId) return 'case_linked';
  if (call.closedAt) return 'closed';
  return 'pending';
}
