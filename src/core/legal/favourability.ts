/**
 * Favourability (retroactivity of the milder criminal law, art. 6 of the Peruvian penal code): charges
 * are resolved under the regime in force when the facts began (resolve.ts resolveArticleForFacts); when a
 * LATER regime punishes the same conduct more mildly, the defendant's file is flagged "favourability to
 * review" — a prosecutor or judge decides whether the milder law applies; RETA never applies it itself.
 *
 * "The same conduct" is the same `titleCode` (153 of Law 28950 and 129-A of Law 31146 are both
 * `trafficking`); "milder" compares the same tier (or the mildest tier when none was charged): a lower
 * minimum, or a lower maximum with the same minimum.
 */
import { findTier, sortRegimes } from './resolve';
import type { ChargedArticle } from './sentencing';
import type { LegalFramework } from './types';

export interface FavourableLaterLaw {
  articleNumber: string;
  regimeCode: string;
  laterArticleNumber: string;
  laterRegimeCode: string;
  minMonths: number;
  maxMonths: number | null;
}

/** The milder later counterpart of one charged article, if a later regime has one. */
export function milderLaterLaw(framework: LegalFramework, charge: ChargedArticle): FavourableLaterLaw | null {
  const tier = findTier(charge.article, charge.tierCode);
  if (!tier) return null;
  const order = sortRegimes(framework.regimes).map((r) => r.code);
  const from = order.indexOf(charge.regime.code);
  const later = new Set(order.slice(from + 1));
  for (const candidate of framework.articles) {
    if (!later.has(candidate.regimeCode) || candidate.titleCode !== charge.article.titleCode) continue;
    const other = findTier(candidate, charge.tierCode && candidate.tiers.some((t) => t.tierCode === charge.tierCode) ? charge.tierCode : null);
    if (!other) continue;
    const milder = other.minMonths < tier.minMonths || (other.minMonths === tier.minMonths && tier.maxMonths !== null && other.maxMonths !== null && other.maxMonths < tier.maxMonths);
    if (milder) {
      return {
        articleNumber: charge.article.articleNumber, regimeCode: charge.regime.code,
        laterArticleNumber: candidate.articleNumber, laterRegimeCode: candidate.regimeCode, minMonths: other.minMonths, maxMonths: other.maxMonths,
      };
    }
  }
  return null;
}

/** Every charged article with a milder later counterpart: non-empty means "favourability to review". */
export function favourabilityToReview(framework: LegalFramework, charges: readonly ChargedArticle[]): FavourableLaterLaw[] {
  const seen = new Set<string>();
  const out: FavourableLaterLaw[] = [];
  for (const charge of charges) {
    const found = milderLaterLaw(framework, charge);
    const key = found && `${found.articleNumber}|${found.regimeCode}`;
    if (found && !seen.has(key!)) {
      seen.add(key!);
      out.push(found);
    }
  }
  return out;
}
