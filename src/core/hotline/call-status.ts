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

/** The one classification referred to the police and followed to an outcome. */
export const ACTIONABLE_CLASSIFICATION = 'tip_report_action_required';
export const isActionable = (classification: string) => classification === ACTIONABLE_CLASSIFICATION;

/** The status after the referral step, for a newly recorded or reclassified call. */
export function statusAfterReferral(classification: string, referred: boolean): CallStatus {
  if (!isActionable(classification)) return 'recorded';
  return referred ? 'referred' : 'awaiting_referral';
}

export interface CallOutcomeFacts {
  classification: string;
  linkedCaseId: string | null;
  /** Arrests as counted for the call: see callArrests. */
  arrests: number | null;
  closedAt: Date | null;
}

/**
 * Arrests counted for a call: the larger of the arrests the police unit recorded on the call and the
 * standing `arrest` events of its linked case (never both added: they are usually the same people).
 */
export const callArrests = (recordedOnCall: number | null | undefined, linkedCaseArrests: number | null | undefined) =>
  Math.max(recordedOnCall ?? 0, linkedCaseArrests ?? 0);

/** The facts an outcome rule tests. */
export type CallOutcomeTest = 'not_actionable' | 'has_arrests' | 'has_linked_case' | 'is_closed' | 'always';

/**
 * THE definition of a call's outcome (issue 9 item 7): the first rule that holds, in this order. Arrests
 * outrank a linked case, which outranks a plain closure; a closed call that still got a case or arrests
 * counts under those; an actionable call with none of these is pending. The call view (outcomeOf) and the
 * statistics SQL (src/server/hotline/hotline.outcome.ts, generated from this list) both read it; the
 * monthly figures of /hotline/stats/monthly are computed by the statistics engine.
 */
export const callOutcomeRules: ReadonlyArray<{ outcome: CallOutcome; when: CallOutcomeTest }> = [
  { outcome: 'not_actionable', when: 'not_actionable' },
  { outcome: 'arrests', when: 'has_arrests' },
  { outcome: 'case_linked', when: 'has_linked_case' },
  { outcome: 'closed', when: 'is_closed' },
  { outcome: 'pending', when: 'always' },
];

const holds: Record<CallOutcomeTest, (call: CallOutcomeFacts) => boolean> = {
  not_actionable: (call) => !isActionable(call.classification),
  has_arrests: (call) => (call.arrests ?? 0) > 0,
  has_linked_case: (call) => call.linkedCaseId !== null,
  is_closed: (call) => call.closedAt !== null,
  always: () => true,
};

/** One outcome per call for counting (callOutcomeRules). */
export function outcomeOf(call: CallOutcomeFacts): CallOutcome {
  return callOutcomeRules.find((rule) => holds[rule.when](call))!.outcome;
}
