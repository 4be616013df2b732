import type { JusticeStage } from '../../../core/justice/events';
import { eventTypesByStage } from '../../../core/justice/events';

/** Which inputs each event type shows (the contract refuses the others: src/contracts/justice.ts). */
export type EventField =
  | 'documentNumber' | 'prosecutorOffice' | 'court' | 'receivingInstitutionId' | 'articles' | 'fromArticles' | 'toArticles'
  | 'archiveReason' | 'decision' | 'appealOutcome' | 'sentence' | 'fineAmount' | 'reparationAmount' | 'country';

const c: EventField[] = ['documentNumber'];
export const fieldsByType: Record<string, EventField[]> = {
  arrest: c, detention: c, release_from_custody: c,
  police_report_sent: [...c, 'receivingInstitutionId', 'prosecutorOffice', 'articles'],
  preliminary_investigation_opened: [...c, 'prosecutorOffice', 'articles'],
  investigation_formalised: [...c, 'prosecutorOffice', 'articles'],
  charges_filed: [...c, 'prosecutorOffice', 'court', 'articles', 'receivingInstitutionId'],
  reclassified: [...c, 'prosecutorOffice', 'court', 'fromArticles', 'toArticles'],
  archived: [...c, 'prosecutorOffice', 'archiveReason'],
  plea_agreement: [...c, 'prosecutorOffice', 'court', 'articles'],
  trial_started: [...c, 'court'],
  decision: [...c, 'court', 'decision', 'articles'],
  sentence: [...c, 'court', 'sentence', 'articles', 'fineAmount', 'reparationAmount'],
  appeal_filed: [...c, 'court'],
  appeal_decided: [...c, 'court', 'appealOutcome', 'articles'],
  final: [...c, 'court'], imprisonment_started: [...c, 'court'], released: [...c, 'court'],
  extradition_requested: [...c, 'country'], extradited: [...c, 'country'], mutual_legal_assistance: [...c, 'country'],
};

const stagePermission: Record<JusticeStage, string> = {
  police: 'justice.police.write', prosecution: 'justice.prosecution.write', court: 'justice.court.write',
  execution: 'justice.execution.write', international: 'justice.international.write',
};

/** The event types this user may record, grouped by stage. */
export function allowedTypes(can: (p: string) => boolean): Array<{ stage: JusticeStage; types: readonly string[] }> {
  return (Object.keys(eventTypesByStage) as JusticeStage[]).filter((s) => can(stagePermission[s])).map((stage) => ({ stage, types: eventTypesByStage[stage] }));
}
