/** The justice chain's vocabulary (domain.md): event types by stage, decisions, outcomes. */
export const justiceStages = ['police', 'prosecution', 'court', 'execution', 'international'] as const;
export type JusticeStage = (typeof justiceStages)[number];

export const eventTypesByStage = {
  police: ['arrest', 'detention', 'release_from_custody', 'police_report_sent'],
  prosecution: ['preliminary_investigation_opened', 'investigation_formalised', 'charges_filed', 'reclassified', 'archived', 'plea_agreement'],
  court: ['trial_started', 'decision', 'sentence', 'appeal_filed', 'appeal_decided', 'final'],
  execution: ['imprisonment_started', 'released'],
  international: ['extradition_requested', 'extradited', 'mutual_legal_assistance'],
} as const;

export type JusticeEventType = (typeof eventTypesByStage)[JusticeStage][number];
export const justiceEventTypes = Object.values(eventTypesByStage).flat() as JusticeEventType[];

export function stageOf(type: JusticeEventType): JusticeStage {
  for (const stage of justiceStages) if ((eventTypesByStage[stage] as readonly string[]).includes(type)) return stage;
  throw new Error(`unknown justice event type ${type}`);
}

export const decisions = ['conviction', 'acquittal', 'dismissal', 'suspended_insufficient_evidence'] as const;
export type Decision = (typeof decisions)[number];

/** What the appeal court did with the decision under appeal. */
export const appealOutcomes = ['confirmed', 'modified', 'revoked', 'annulled'] as const;
export type AppealOutcome = (typeof appealOutcomes)[number];
/**
 * Appeal outcomes after which the earlier sentence no longer stands (stage.ts clears it; the statistics
 * count a sentence only while it stands: sentences, median sentence, sentence bands — issue 9 item 2).
 */
export const sentenceVoidingOutcomes: readonly AppealOutcome[] = ['revoked', 'annulled'];

export const archiveReasons = ['insufficient_evidence', 'not_a_crime', 'perpetrator_not_identified', 'statute_of_limitations', 'other'] as const;

/** Events that name the articles investigated, charged or convicted under. */
export const typesWithArticles: readonly JusticeEventType[] = [
  'preliminary_investigation_opened', 'investigation_formalised', 'charges_filed', 'plea_agreement', 'decision', 'sentence', 'appeal_decided',
];

/** The order of the main path; international events run beside it and never advance the stage. */
export const stageRank: Record<JusticeStage, number> = { police: 1, prosecution: 2, court: 3, execution: 4, international: 0 };
