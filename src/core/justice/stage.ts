import type { ChargedArticle } from '../legal/sentencing';
import { activeEvents, chronological, type ChainEvent } from './chain';
import { stageOf, stageRank, type JusticeStage } from './events';

export const defendantOutcomes = [
  'archived', 'convicted', 'acquitted', 'dismissed', 'suspended_insufficient_evidence', 'imprisoned', 'released',
] as const;
export type DefendantOutcome = (typeof defendantOutcomes)[number];

export type DerivedStage = JusticeStage | 'none';

export interface DefendantState {
  stage: DerivedStage;
  /** The last outcome that stands, or null while the process is open. */
  outcome: DefendantOutcome | null;
  inCustody: boolean;
  final: boolean;
  pendingAppeals: number;
  /** The sentence that stands (the latest one), if any. */
  sentence: { eventId: string; months: number; effective: boolean; occurredOn: string } | null;
  /** The articles of the latest conviction (plea, decision, sentence or appeal that named them), else of the latest charges. */
  convictionArticles: ChargedArticle[];
  chargedArticles: ChargedArticle[];
}

export const initialState = (): DefendantState => ({
  stage: 'none', outcome: null, inCustody: false, final: false, pendingAppeals: 0, sentence: null, convictionArticles: [], chargedArticles: [],
});

/** Steps that reopen an archived process (src/core/justice/pending.ts reads them too). */
export const reopeningTypes: ReadonlySet<string> = new Set(['preliminary_investigation_opened', 'investigation_formalised', 'charges_filed', 'reclassified', 'trial_started']);
const decisionOutcome = { conviction: 'convicted', acquittal: 'acquitted', dismissal: 'dismissed', suspended_insufficient_evidence: 'suspended_insufficient_evidence' } as const;

/** Applies one event to the state (events must come in chronological order). */
export function applyEvent(state: DefendantState, event: ChainEvent): DefendantState {
  const next = { ...state };
  const stage = stageOf(event.type);
  if (next.stage === 'none' || stageRank[stage] > stageRank[next.stage]) next.stage = stage;
  const charges = event.charges ?? [];
  if (reopeningTypes.has(event.type) && next.outcome === 'archived') next.outcome = null;
  switch (event.type) {
    case 'arrest':
    case 'detention':
      next.inCustody = true;
      break;
    case 'release_from_custody':
      next.inCustody = false;
      break;
    case 'archived':
      next.outcome = 'archived';
      break;
    case 'charges_filed':
    case 'investigation_formalised':
    case 'preliminary_investigation_opened':
      if (charges.length) next.chargedArticles = charges;
      break;
    case 'reclassified':
      if (event.toArticles?.length) next.chargedArticles = event.toArticles;
      break;
    case 'plea_agreement':
      next.outcome = 'convicted';
      next.convictionArticles = charges.length ? charges : next.chargedArticles;
      break;
    case 'decision':
      if (event.decision) next.outcome = decisionOutcome[event.decision];
      if (event.decision === 'conviction') next.convictionArticles = charges.length ? charges : next.chargedArticles;
      break;
    default:
      return applyCourtAndExecution(next, event);
  }
  return next;
}

function applyCourtAndExecution(next: DefendantState, event: ChainEvent): DefendantState {
  const charges = event.charges ?? [];
  switch (event.type) {
    case 'sentence':
      next.sentence = { eventId: event.id, months: event.sentenceMonths ?? 0, effective: event.sentenceEffective ?? true, occurredOn: event.occurredOn };
      if (charges.length) next.convictionArticles = charges;
      break;
    case 'appeal_filed':
      next.pendingAppeals += 1;
      break;
    case 'appeal_decided':
      next.pendingAppeals = Math.max(0, next.pendingAppeals - 1);
      if (charges.length && next.outcome === 'convicted') next.convictionArticles = charges;
      if (event.appealOutcome === 'annulled') return { ...next, outcome: null, sentence: null };
      if (event.appealOutcome === 'revoked') return { ...next, outcome: next.outcome === 'convicted' ? 'acquitted' : null, sentence: null };
      break;
    case 'final':
      next.final = true;
      break;
    case 'imprisonment_started':
      next.outcome = 'imprisoned';
      next.inCustody = true;
      break;
    case 'released':
      next.outcome = 'released';
      next.inCustody = false;
      break;
  }
  return next;
}

/** The current state of one defendant: only the events that still stand, in date order. */
export function deriveDefendant(events: readonly ChainEvent[]): DefendantState {
  return chronological(activeEvents(events)).reduce(applyEvent, initialState());
}

const ranked: DerivedStage[] = ['none', 'police', 'prosecution', 'court', 'execution'];

/** A case is as far along as its most advanced defendant. */
export function deriveCaseStage(defendants: ReadonlyArray<{ stage: DerivedStage }>): DerivedStage {
  let best: DerivedStage = 'none';
  for (const d of defendants) if (ranked.indexOf(d.stage) > ranked.indexOf(best)) best = d.stage;
  return best;
}

/** Outcomes after a conviction stood: what "convicted" counts. */
export const isConvictedOutcome = (outcome: DefendantOutcome | null) => outcome === 'convicted' || outcome === 'imprisoned' || outcome === 'released';
