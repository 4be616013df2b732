import { checkSentence, type ChargedArticle, type SentencingCheck } from '../legal/sentencing';
import type { Article } from '../legal/types';
import { activeEvents, chronological, type ChainEvent } from './chain';
import { deriveDefendant, isConvictedOutcome, type DefendantState } from './stage';

type Snapshot = { kind: 'investigation' | 'charge' | 'conviction'; articles: ChargedArticle[]; occurredOn: string };

/** The legal qualification at each step, in date order: what the reclassification rule reads. */
function qualifications(events: readonly ChainEvent[]): Snapshot[] {
  const out: Snapshot[] = [];
  for (const e of chronological(activeEvents(events))) {
    const charges = e.charges ?? [];
    if (e.type === 'reclassified') {
      if (e.fromArticles?.length) out.push({ kind: 'charge', articles: e.fromArticles, occurredOn: e.occurredOn });
      if (e.toArticles?.length) out.push({ kind: 'charge', articles: e.toArticles, occurredOn: e.occurredOn });
    } else if (charges.length) {
      if (e.type === 'preliminary_investigation_opened' || e.type === 'investigation_formalised') out.push({ kind: 'investigation', articles: charges, occurredOn: e.occurredOn });
      else if (e.type === 'charges_filed') out.push({ kind: 'charge', articles: charges, occurredOn: e.occurredOn });
      else if (e.type === 'decision' && e.decision === 'conviction') out.push({ kind: 'conviction', articles: charges, occurredOn: e.occurredOn });
      else if (e.type === 'plea_agreement' || e.type === 'sentence' || e.type === 'appeal_decided') out.push({ kind: 'conviction', articles: charges, occurredOn: e.occurredOn });
    }
  }
  return out;
}

const hasTrafficking = (articles: readonly ChargedArticle[]) => articles.some((a) => a.article.isTrafficking);

/** The two flags of a legal_articles row (is_trafficking, is_lesser_offence) the reclassification rule reads. */
export type OffenceFlags = Pick<Article, 'isTrafficking' | 'isLesserOffence'>;

/**
 * Rule 5 at one step, as the legal data says it: a qualification holding a trafficking article (`from`)
 * became one with no trafficking article and at least one article the data marks as a lesser offence
 * (`to`: favouring prostitution 179, pimping 181 …). A move within the trafficking family (153 → 153-B
 * sexual exploitation) is no reduction, and neither is a move to an article the data does not call
 * lesser (an unrelated offence): the flag in legal_articles decides, not "anything but trafficking".
 */
export function isReductionToLesser(from: readonly OffenceFlags[], to: readonly OffenceFlags[]): boolean {
  return from.some((a) => a.isTrafficking) && !to.some((a) => a.isTrafficking) && to.some((a) => a.isLesserOffence);
}

export interface Reclassification {
  from: string[];
  to: string[];
}

/**
 * Rule 5 of domain.md: investigated or charged under a trafficking article, then charged or convicted
 * under a lesser one and no trafficking article (isReductionToLesser). Returns the first such step, or null.
 */
export function findReclassification(events: readonly ChainEvent[]): Reclassification | null {
  return findReclassificationStep(events)?.reclassification ?? null;
}

/** The same rule, with the date of the step that made it (what dates the "reclassified" statistic). */
export function findReclassificationStep(events: readonly ChainEvent[]): { reclassification: Reclassification; occurredOn: string } | null {
  const steps = qualifications(events);
  const flagsOf = (list: readonly ChargedArticle[]) => list.map((a) => a.article);
  for (let j = 1; j < steps.length; j++) {
    const later = steps[j]!;
    if (later.kind === 'investigation') continue;
    const earlier = steps.slice(0, j).find((s) => hasTrafficking(s.articles));
    if (earlier && isReductionToLesser(flagsOf(earlier.articles), flagsOf(later.articles))) {
      const numbers = (list: ChargedArticle[]) => list.map((a) => a.article.articleNumber);
      return { reclassification: { from: numbers(earlier.articles.filter((a) => a.article.isTrafficking)), to: numbers(later.articles) }, occurredOn: later.occurredOn };
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
