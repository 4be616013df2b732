/** The legal framework as plain data: what the pure rules read, whatever stores it. */
export interface Regime {
  code: string;
  name: string;
  /** ISO date; null for the oldest regime (in force before anything recorded). */
  inForceFrom: string | null;
  maxSuspendedSentenceMonths: number;
}

export interface PenaltyTier {
  tierCode: string;
  minMonths: number;
  maxMonths: number | null;
  suspensionAllowed: boolean;
  confirmedInPrimarySource: boolean;
}

export interface Article {
  regimeCode: string;
  articleNumber: string;
  titleCode: string;
  heading?: string | null;
  isTrafficking: boolean;
  isLesserOffence: boolean;
  relatedTraffickingArticle?: string | null;
  repealedByRegimeCode?: string | null;
  tiers: PenaltyTier[];
}

export interface LegalFramework {
  regimes: Regime[];
  articles: Article[];
}

export const tierCodes = ['basic', 'aggravated', 'aggravated_severe'] as const;
export type TierCode = (typeof tierCodes)[number];
