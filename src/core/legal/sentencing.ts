import { findTier } from './resolve';
import type { Article, PenaltyTier, Regime } from './types';

export interface ChargedArticle {
  article: Article;
  /** The regime in force on the date of the facts. */
  regime: Regime;
  tierCode?: string | null;
}

export interface GoverningRange {
  articleNumber: string;
  regimeCode: string;
  tierCode: string;
  minMonths: number;
  maxMonths: number | null;
  suspensionAllowed: boolean;
  confirmedInPrimarySource: boolean;
}

export interface SentencingCheck {
  /** False when no article (or no tier) was known to check against. */
  checked: boolean;
  range: GoverningRange | null;
  belowMinimum: boolean;
  aboveMaximum: boolean;
  suspendedNotAllowed: boolean;
}

/** The range that bounds the sentence: among the articles convicted under, the one with the highest minimum. */
export function governingRange(charges: readonly ChargedArticle[]): { range: GoverningRange; regime: Regime } | null {
  let best: { range: GoverningRange; regime: Regime } | null = null;
  for (const charge of charges) {
    const tier: PenaltyTier | undefined = findTier(charge.article, charge.tierCode);
    if (!tier) continue;
    if (best && best.range.minMonths >= tier.minMonths) continue;
    best = {
      regime: charge.regime,
      range: {
        articleNumber: charge.article.articleNumber,
        regimeCode: charge.regime.code,
        ...tier,
      },
    };
  }
  return best;
}

/**
 * Rule 4 of domain.md: a sentence below the minimum of its article and tier in force on the date of the
 * facts, or suspended where the range forbids it (the tier does not allow it, or the sentence is longer
 * than the regime's general limit for suspension), is flagged.
 */
export function checkSentence(sentence: { months: number; effective: boolean }, charges: readonly ChargedArticle[]): SentencingCheck {
  const governing = governingRange(charges);
  if (!governing) return { checked: false, range: null, belowMinimum: false, aboveMaximum: false, suspendedNotAllowed: false };
  const { range, regime } = governing;
  const suspended = !sentence.effective;
  return {
    checked: true,
    range,
    belowMinimum: sentence.months < range.minMonths,
    aboveMaximum: range.maxMonths !== null && sentence.months > range.maxMonths,
    suspendedNotAllowed: suspended && (!range.suspensionAllowed || sentence.months > regime.maxSuspendedSentenceMonths),
  };
}
