import { describe, expect, it } from 'vitest';
import { peruLegalFramework as peru } from './peru';
import { sortRegimes } from './resolve';

describe('the Peru seed is consistent data', () => {
  const order = new Map(sortRegimes(peru.regimes).map((r, i) => [r.code, i]));

  it('names only known regimes, and repeals only by a later one', () => {
    for (const a of peru.articles) {
      expect(order.has(a.regimeCode), a.articleNumber).toBe(true);
      if (a.repealedByRegimeCode) expect(order.get(a.repealedByRegimeCode)!, a.articleNumber).toBeGreaterThan(order.get(a.regimeCode)!);
    }
  });

  it('has one article per number and regime, each with at least one tier and ranges in order', () => {
    const keys = peru.articles.map((a) => `${a.regimeCode}|${a.articleNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of peru.articles) {
      expect(a.tiers.length, a.articleNumber).toBeGreaterThan(0);
      expect(new Set(a.tiers.map((t) => t.tierCode)).size).toBe(a.tiers.length);
      for (const t of a.tiers) {
        if (t.maxMonths !== null) expect(t.maxMonths, a.articleNumber).toBeGreaterThanOrEqual(t.minMonths);
        expect(t.maxMonths ?? 0).toBeLessThanOrEqual(35 * 12); // art. 29: the ceiling of temporary imprisonment
        // Suspension only where the range starts at or under the general 4-year limit.
        expect(t.suspensionAllowed, a.articleNumber).toBe(t.minMonths <= 48);
      }
    }
  });

  it('keeps lesser offences apart from trafficking articles and ties them to one', () => {
    for (const a of peru.articles) {
      expect(a.isTrafficking && a.isLesserOffence).toBe(false);
      if (a.isLesserOffence) expect(a.relatedTraffickingArticle).toBeTruthy();
    }
    expect(peru.articles.filter((a) => a.isLesserOffence).map((a) => a.articleNumber).sort()).toEqual(['179', '181', '181-A']);
  });

  it('records the 2021 renumbering: 129-A … 129-O, with 129-Ñ', () => {
    const numbers = peru.articles.filter((a) => a.regimeCode === 'law_31146').map((a) => a.articleNumber);
    expect(numbers).toHaveLength(16);
    expect(numbers).toContain('129-Ñ');
  });
});
