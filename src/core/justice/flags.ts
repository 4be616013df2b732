import { checkSentence, type ChargedArticle, type SentencingCheck } from '../legal/sentencing';
import { activeEvents, chronological, type ChainEvent } from './chain';
import { deriveDefendant, isConvictedOutcome, type DefendantState } from './stage';

type Snapshot = { kind: 'investigation' | 'charge' | 'conviction'; articles: ChargedArticle[] };

/** The legal qualification at each step, in date order: what the reclassification rule reads. */
function qualifications(events: readonly ChainEvent[]): Snapshot[] {
  const out: Snapshot[] = [];
  for (const e of chronological(activeEvents(events))) {
    const charges = e.charges ?? [];
    if (e.type === 'reclassified') {
      if (e.fromArticles?.length) out.push({ kind: 'charge', articles: e.fromArticles });
      if (e.toArticles?.length) out.push({ kind: 'charge', articles: e.toArticles });
    } else if (charges.length) {
      if (e.type === 'preliminary_investigation_opened' || e.type === 'investigation_formalised') out.push({ kind: 'investigation', articles: charges });
      else if (e.type === 'charges_filed') out.push({ kind: 'charge', articles: charges });
      else if (e.type === 'decision' && e.decision === 'conviction') out.push({ kind: 'conviction', articles: charges });
      else if (e.type === 'plea_agreement' || e.type === 'sentence' || e.type === 'appeal_decided') out.push({ kind: 'conviction', articles: charges });
    }
  }
  return out;
}

const hasTrafficking = (articles: readonly ChargedArticle[]) => articles.some((a) => a.article.isTrafficking);

export interface Reclassification {
  from: string[];
  to: string[];
}

/**
 * Rule 5 of domain.md: investigated or charged under a trafficking article, then charged or convicted
 * only under other (lesser) articles. Returns the first such step, or null.
 */
export function findReclassification(events: readonly ChainEvent[]): Reclassification | null {
  const steps = qualifications(events);
  for (let j = 1; j < steps.length; j++) {
    const later = steps[j]!;
    if (later.kind === 'investigation' || hasTrafficking(later.articles)) continue;
    const earlier = steps.slice(0, j).find((s) => hasTrafficking(s.articles));
    if (earlier) {
      const numbers = (list: ChargedArticle[]) => list.map((a) => a.article.articleNumber);
      return { from: numbers(earlier.articles.filter((a) => a.article.isTrafficking)), to: numbers(later.articles) };
    }
  }
  return null;
}

export interface DefendantFlags {
  belowMinimum: boolean;
  suspendedNotAllowed: boolean;
  reclassified: boolean;
  reclassification: Reclassification | null;
  sentencing: SentencingCheck | null;
}

/** The derived state and flags of one defendant from its events. */
export function assessDefendant(events: readonly ChainEvent[]): { state: DefendantState; flags: DefendantFlags } {
  const state = deriveDefendant(events);
  const sentencing =
    state.sentence && isConvictedOutcome(state.outcome)
      ? checkSentence({ months: state.sentence.months, effective: state.sentence.effective }, state.convictionArticles)
      : null;
  const reclassification = findReclassification(events);
  return {
    state,
    flags: {
      belowMinimum: sentencing?.belowMinimum ?? false,
      suspendedNotAllowed: sentencing?.suspendedNotAllowed ?? false,
      reclassified: reclassification !== null,
      reclassification,
      sentencing,
    },
  };
}
