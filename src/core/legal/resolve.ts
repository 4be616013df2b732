import type { Article, LegalFramework, PenaltyTier, Regime } from './types';

/** Regimes ordered oldest first; a null start sorts before every date. */
export function sortRegimes(regimes: readonly Regime[]): Regime[] {
  return [...regimes].sort((a, b) => (a.inForceFrom ?? '').localeCompare(b.inForceFrom ?? ''));
}

const startsBy = (regime: Regime | undefined, date: string) => !!regime && (regime.inForceFrom === null || regime.inForceFrom <= date);

/** The regime in force on an ISO date: the latest one whose start is on or before it. */
export function regimeInForce(framework: LegalFramework, date: string): Regime | undefined {
  return sortRegimes(framework.regimes).filter((r) => startsBy(r, date)).at(-1);
}

/** Whether an article applied on a date: its regime had started and no repealing regime had. */
export function articleInForce(framework: LegalFramework, article: Article, date: string): boolean {
  const byCode = new Map(framework.regimes.map((r) => [r.code, r]));
  if (!startsBy(byCode.get(article.regimeCode), date)) return false;
  if (!article.repealedByRegimeCode) return true;
  return !startsBy(byCode.get(article.repealedByRegimeCode), date);
}

export interface ResolvedArticle {
  article: Article;
  /** The regime in force on the date (which may be later than the one that introduced the article). */
  regime: Regime;
}

/** Normalises how people type article numbers: ` 153 a ` → `153-A`. */
export function normaliseArticleNumber(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '').replace(/^(\d+)-?([A-ZÑ])$/, '$1-$2');
}

/**
 * The article with that number that applied on the date, with the regime in force then. When several
 * rows match (an article reworded by a later regime), the most recent wording wins.
 */
export function resolveArticle(framework: LegalFramework, articleNumber: string, date: string): ResolvedArticle | undefined {
  const regime = regimeInForce(framework, date);
  if (!regime) return undefined;
  const wanted = normaliseArticleNumber(articleNumber);
  const order = new Map(sortRegimes(framework.regimes).map((r, index) => [r.code, index]));
  const candidates = framework.articles
    .filter((a) => normaliseArticleNumber(a.articleNumber) === wanted && articleInForce(framework, a, date))
    .sort((a, b) => (order.get(a.regimeCode) ?? 0) - (order.get(b.regimeCode) ?? 0));
  const article = candidates.at(-1);
  return article ? { article, regime } : undefined;
}

/**
 * The law of facts that straddle a change of law (issue 9 item 9; documented choice): the regime in
 * force when the facts BEGAN applies — never a later one because the facts went on into it (a later,
 * milder regime is flagged for review instead: favourability.ts). The day the facts began may itself be
 * imprecise (`2007` = some day of 2007): `start` is its first possible day and `beganBy` its last. The
 * law on `start` decides; if the article did not exist yet then, the facts may have begun later within
 * that imprecise start, so `beganBy` is tried. `beganBy` is never the end of the facts.
 */
export function resolveArticleForFacts(framework: LegalFramework, articleNumber: string, facts: { start: string; beganBy?: string | null }) {
  return resolveArticle(framework, articleNumber, facts.start) ?? (facts.beganBy ? resolveArticle(framework, articleNumber, facts.beganBy) : undefined);
}

/** The tier asked for, or the article's mildest tier when none is named. */
export function findTier(article: Article, tierCode?: string | null): PenaltyTier | undefined {
  if (tierCode) return article.tiers.find((t) => t.tierCode === tierCode);
  return [...article.tiers].sort((a, b) => a.minMonths - b.minMonths)[0];
}
