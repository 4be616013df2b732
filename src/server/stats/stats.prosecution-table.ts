/**
 * The prosecution table of the 2017 report's chapter, in its shape: one row per year, the defendants
 * investigated, prosecuted (charged), convicted, acquitted, with a decision suspended for insufficient
 * evidence, and pending at the year's end. Every column is an indicator of the one engine broken down by
 * year (same scope, disclosure control and definitions as GET /api/v1/stats/query), so the table can
 * never disagree with the figures it gathers; a year with no record in a column shows 0.
 */
import { DEFINITIONS_VERSION } from '../../core/stats/indicators';
import type { ProsecutionTableQuery, ProsecutionTableResult, StatsQuery, StatsResult } from '../../contracts/stats';

export const prosecutionTableIndicators = {
  investigations: 'investigated',
  prosecutions: 'prosecuted',
  convictions: 'convictions',
  acquittals: 'acquittals',
  suspended: 'suspended_insufficient_evidence',
  pending: 'pending_year_end',
} as const;

const zero = { value: 0, display: '0', percent: null, status: 'published' as const };

export async function prosecutionTable(run: (q: StatsQuery) => Promise<StatsResult>, q: ProsecutionTableQuery): Promise<ProsecutionTableResult> {
  const entries = Object.entries(prosecutionTableIndicators) as Array<[keyof typeof prosecutionTableIndicators, string]>;
  const results: StatsResult[] = [];
  for (const [, indicator] of entries) {
    results.push(await run({ indicator, by: ['year'], from: q.from, to: q.to, department: q.department, suppress: q.suppress, decimals: 1 } as StatsQuery));
  }
  const years = [...new Set(results.flatMap((r) => r.rows.map((h) => h.key)))].filter((y) => /^\d{4}$/.test(y)).sort();
  return {
    exact: results[0]?.exact ?? false,
    threshold: results[0]?.threshold ?? null,
    definitionsVersion: DEFINITIONS_VERSION,
    columns: entries.map(([id, indicator]) => ({ id, indicator })),
    rows: years.map((year) => ({
      year,
      cells: results.map((r) => {
        const i = r.rows.findIndex((h) => h.key === year);
        return i >= 0 ? r.totals.rows[i]! : zero;
      }),
    })),
  };
}
