import { describe, expect, it } from 'vitest';
import { peruLegalFramework as peru } from './peru';
import { findTier, normaliseArticleNumber, regimeInForce, resolveArticle, resolveArticleForFacts } from './resolve';

describe('regime in force on the date of the facts (Peru)', () => {
  it.each([
    ['1995-05-01', 'pre_2007'],
    ['2007-01-16', 'pre_2007'],
    ['2007-01-17', 'law_28950'],
    ['2016-06-30', 'law_28950'],
    ['2017-01-05', 'law_28950'],
    ['2017-01-06', 'dl_1323'],
    ['2019-06-17', 'dl_1323'],
    ['2019-06-18', 'law_30963'],
    ['2021-03-29', 'law_30963'],
    ['2021-03-30', 'law_31146'],
    ['2026-01-01', 'law_31146'],
  ])('%s → %s', (date, regime) => {
    expect(regimeInForce(peru, date)?.code).toBe(regime);
  });
});

describe('article lookup by date', () => {
  // [article, date, expected regime of the article row (null: not in force), regime in force, basic/first tier min–max in years]
  const table: Array<[string, string, string | null, string | null, [number, number | null] | null]> = [
    ['182', '2007-01-16', 'pre_2007', 'pre_2007', [5, 10]],
    ['182', '2007-01-17', null, null, null],
    ['153', '2007-01-16', null, null, null],
    ['153', '2007-01-17', 'law_28950', 'law_28950', [8, 15]],
    ['153', '2016-05-14', 'law_28950', 'law_28950', [8, 15]],
    ['153', '2017-01-06', 'law_28950', 'dl_1323', [8, 15]],
    ['153', '2021-03-29', 'law_28950', 'law_30963', [8, 15]],
    ['153', '2021-03-30', null, null, null],
    ['153-A', '2010-01-01', 'law_28950', 'law_28950', [12, 20]],
    ['153-B', '2017-01-05', null, null, null],
    ['153-B', '2017-01-06', 'dl_1323', 'dl_1323', [10, 15]],
    ['168-B', '2017-01-06', 'dl_1323', 'dl_1323', [6, 12]],
    ['153-H', '2019-06-17', null, null, null],
    ['153-H', '2019-06-18', 'law_30963', 'law_30963', [15, 20]],
    ['129-A', '2021-03-29', null, null, null],
    ['129-A', '2021-03-30', 'law_31146', 'law_31146', [8, 15]],
    ['129-C', '2022-01-01', 'law_31146', 'law_31146', [10, 15]],
    ['129-H', '2022-01-01', 'law_31146', 'law_31146', [15, 20]],
    ['129-Ñ', '2022-01-01', 'law_31146', 'law_31146', [10, 15]],
    ['129-O', '2022-01-01', 'law_31146', 'law_31146', [6, 12]],
    ['179', '2016-01-01', 'pre_2007', 'law_28950', [4, 6]],
    ['181', '2024-01-01', 'pre_2007', 'law_31146', [3, 6]],
  ];
  it.each(table)('art. %s on %s', (number, date, articleRegime, inForce, range) => {
    const resolved = resolveArticle(peru, number, date);
    if (!articleRegime) {
      expect(resolved).toBeUndefined();
      return;
    }
    expect(resolved?.article.regimeCode).toBe(articleRegime);
    expect(resolved?.regime.code).toBe(inForce);
    const tier = findTier(resolved!.article);
    expect([tier!.minMonths / 12, tier!.maxMonths === null ? null : tier!.maxMonths / 12]).toEqual(range);
  });

  it('knows the aggravated tiers, with the 35-year ceiling for "at least 25"', () => {
    const a153 = resolveArticle(peru, '153-A', '2015-01-01')!.article;
    expect(findTier(a153, 'aggravated')).toMatchObject({ minMonths: 144, maxMonths: 240, confirmedInPrimarySource: true });
    expect(findTier(a153, 'aggravated_severe')).toMatchObject({ minMonths: 300, maxMonths: 420 });
    expect(findTier(a153, 'basic')).toBeUndefined();
    const b129 = resolveArticle(peru, '129-B', '2023-01-01')!.article;
    expect(findTier(b129, 'aggravated_severe')?.minMonths).toBe(300);
  });

  it('marks ranges not confirmed in a primary source', () => {
    expect(findTier(resolveArticle(peru, '153', '2015-01-01')!.article)!.confirmedInPrimarySource).toBe(true);
    expect(findTier(resolveArticle(peru, '182', '2005-01-01')!.article)!.confirmedInPrimarySource).toBe(false);
    expect(findTier(resolveArticle(peru, '153-B', '2018-01-01')!.article)!.confirmedInPrimarySource).toBe(false);
  });

  it('flags trafficking articles and lesser offences', () => {
    expect(resolveArticle(peru, '153', '2015-01-01')!.article.isTrafficking).toBe(true);
    const pimping = resolveArticle(peru, '181', '2015-01-01')!.article;
    expect(pimping).toMatchObject({ isTrafficking: false, isLesserOffence: true, relatedTraffickingArticle: '153' });
  });

  it('accepts article numbers as people type them', () => {
    expect(normaliseArticleNumber(' 153 a ')).toBe('153-A');
    expect(normaliseArticleNumber('129ñ')).toBe('129-Ñ');
    expect(resolveArticle(peru, '153a', '2012-02-02')?.article.articleNumber).toBe('153-A');
  });

  it('tries the last day the facts may have begun when the start is known only as a span and the article did not exist on its first day', () => {
    // "2007": 2007-01-01 … 2007-12-31 — art. 153 came into force on 2007-01-17.
    expect(resolveArticleForFacts(peru, '153', { start: '2007-01-01', beganBy: '2007-12-31' })?.regime.code).toBe('law_28950');
    expect(resolveArticleForFacts(peru, '182', { start: '2007-01-01', beganBy: '2007-12-31' })?.regime.code).toBe('pre_2007');
    expect(resolveArticleForFacts(peru, '129-A', { start: '2016-01-01', beganBy: '2016-12-31' })).toBeUndefined();
  });

  it('applies the regime in force when straddling facts began, never the later one they ran into (issue 9 item 9)', () => {
    // Facts began on 2020-06-01 and went on past Law 31146 (2021-03-30): art. 153 of Law 28950 applies …
    expect(resolveArticleForFacts(peru, '153', { start: '2020-06-01', beganBy: null })?.regime.code).toBe('law_30963');
    expect(resolveArticleForFacts(peru, '153', { start: '2020-06-01', beganBy: null })?.article.regimeCode).toBe('law_28950');
    // … and the renumbered 129-A, which did not exist when they began, does not.
    expect(resolveArticleForFacts(peru, '129-A', { start: '2020-06-01', beganBy: null })).toBeUndefined();
  });
});
