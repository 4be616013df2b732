import { describe, expect, it } from 'vitest';
import { peruLegalFramework as peru } from './peru';
import { resolveArticle } from './resolve';
import { checkSentence, type ChargedArticle } from './sentencing';

const charge = (number: string, date: string, tierCode?: string): ChargedArticle => {
  const resolved = resolveArticle(peru, number, date)!;
  return { article: resolved.article, regime: resolved.regime, tierCode };
};

describe('sentencing check against the range in force on the date of the facts', () => {
  // [article, tier, facts date, months, effective, belowMinimum, suspendedNotAllowed]
  const table: Array<[string, string | undefined, string, number, boolean, boolean, boolean]> = [
    ['153', undefined, '2016-05-01', 72, true, true, false], // the case: 6 years under 8–15
    ['153', undefined, '2016-05-01', 96, true, false, false], // exactly the minimum
    ['153', undefined, '2016-05-01', 95, true, true, false],
    ['153', undefined, '2016-05-01', 48, false, true, true], // suspended: the range starts above 4 years
    ['153-A', 'aggravated', '2012-01-01', 150, true, false, false],
    ['153-A', 'aggravated', '2012-01-01', 143, true, true, false],
    ['153-A', 'aggravated_severe', '2012-01-01', 290, true, true, false],
    ['153-A', 'aggravated_severe', '2012-01-01', 300, true, false, false],
    ['182', 'basic', '2005-01-01', 60, true, false, false],
    ['181', 'basic', '2015-01-01', 48, false, false, false], // 3–6 years: a 4-year suspended sentence is possible
    ['181', 'basic', '2015-01-01', 49, false, false, true], // longer than 4 years cannot be suspended
    ['129-O', undefined, '2022-01-01', 72, true, false, false],
    ['129-O', undefined, '2022-01-01', 60, true, true, false],
    ['129-H', undefined, '2022-01-01', 180, true, false, false],
  ];
  it.each(table)('art. %s (%s), facts %s: %i months, effective %s', (number, tier, date, months, effective, below, suspended) => {
    const result = checkSentence({ months, effective }, [charge(number, date, tier)]);
    expect(result.checked).toBe(true);
    expect(result.belowMinimum).toBe(below);
    expect(result.suspendedNotAllowed).toBe(suspended);
  });

  it('checks against the most serious article when several are convicted', () => {
    const result = checkSentence({ months: 100, effective: true }, [charge('181', '2015-01-01', 'basic'), charge('153-A', '2015-01-01', 'aggravated')]);
    expect(result.range).toMatchObject({ articleNumber: '153-A', tierCode: 'aggravated', minMonths: 144, regimeCode: 'law_28950' });
    expect(result.belowMinimum).toBe(true);
  });

  it('flags a sentence above the maximum without calling it below the minimum', () => {
    const result = checkSentence({ months: 200, effective: true }, [charge('153', '2016-01-01')]);
    expect(result).toMatchObject({ belowMinimum: false, aboveMaximum: true });
  });

  it('says nothing when no article is known', () => {
    expect(checkSentence({ months: 12, effective: false }, [])).toMatchObject({ checked: false, belowMinimum: false, suspendedNotAllowed: false });
  });
});
