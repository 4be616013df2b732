import { describe, expect, it } from 'vitest';
import { favourabilityToReview } from './favourability';
import { peruLegalFramework as peru } from './peru';
import { resolveArticle } from './resolve';
import type { LegalFramework } from './types';

const charge = (framework: LegalFramework, number: string, date: string) => {
  const r = resolveArticle(framework, number, date)!;
  return { article: r.article, regime: r.regime };
};

describe('favourability to review (issue 9 item 9)', () => {
  it('flags nothing when the later regimes punish the same conduct as hard (153 → 129-A: 8–15 both)', () => {
    expect(favourabilityToReview(peru, [charge(peru, '153', '2020-06-01')])).toEqual([]);
  });

  it('flags a charge when a later regime has the same conduct with a lower minimum', () => {
    const milder: LegalFramework = {
      regimes: [...peru.regimes, { code: 'law_future', name: 'Future law', inForceFrom: '2030-01-01', maxSuspendedSentenceMonths: 48 }],
      articles: [...peru.articles, { regimeCode: 'law_future', articleNumber: '129-Z', titleCode: 'trafficking', isTrafficking: true, isLesserOffence: false, tiers: [{ tierCode: 'basic', minMonths: 60, maxMonths: 120, suspensionAllowed: false, confirmedInPrimarySource: false }] }],
    };
    const found = favourabilityToReview(milder, [charge(milder, '153', '2020-06-01'), charge(milder, '153', '2020-06-01')]);
    expect(found).toEqual([{ articleNumber: '153', regimeCode: 'law_30963', laterArticleNumber: '129-Z', laterRegimeCode: 'law_future', minMonths: 60, maxMonths: 120 }]);
    // The later law itself has nothing milder after it.
    expect(favourabilityToReview(milder, [charge(milder, '129-Z', '2031-01-01')])).toEqual([]);
  });
});
