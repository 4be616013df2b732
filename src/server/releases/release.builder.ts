/**
 * Builds the content of a public release from the statistics engine (its public service functions, never
 * SQL): the exact figures of each public table of the year, then disclosure control with the rule of
 * consistent suppression across revisions (src/core/releases). The exact figures are never stored.
 */
import type { ReleaseContent } from '../../contracts/releases';
import { publicTableNames, type StatsResult } from '../../contracts/stats';
import { changesBetween, releaseTable, type ExactTable, type ReleasedTable } from '../../core/releases/revision-suppression';
import { DEFINITIONS_VERSION } from '../../core/stats/indicators';
import type { StatsService } from '../stats/stats.service';
import { publicTableQuery } from '../stats/stats.public';

export interface ReleaseBuildOptions {
  year: number;
  threshold: number;
  revision: number;
  note: string | null;
  previous: { content: ReleaseContent; contentHash: string } | null;
}

const n = (c: { value: number | null }) => c.value ?? 0;

/** The exact figures of a statistics result as a table of numbers. */
export function exactTableOf(result: StatsResult): ExactTable {
  const twoD = result.by.length >= 2;
  return {
    dimensions: twoD ? 2 : 1,
    rows: result.rows,
    columns: result.columns,
    cells: result.cells.map((row) => row.map(n)),
    rowTotals: result.totals.rows.map(n),
    columnTotals: twoD ? result.totals.columns.map(n) : [],
    grand: n(result.totals.grand),
  };
}

const releasedOf = (result: StatsResult): ReleasedTable => ({ rows: result.rows, columns: result.columns, cells: result.cells as ReleasedTable['cells'], totals: result.totals as ReleasedTable['totals'] });

/** A released table as a statistics result (the shape of the public API), disclosure-controlled. */
function resultOf(exact: StatsResult, released: ReleasedTable, threshold: number): StatsResult {
  const all = [...released.cells.flat(), ...released.totals.rows, ...released.totals.columns, released.totals.grand];
  const notes = exact.notes.filter((note) => note !== 'suppressed');
  if (all.some((c) => c.status !== 'published')) notes.push('suppressed');
  return { ...exact, exact: false, threshold, rows: released.rows, columns: released.columns, cells: released.cells, totals: released.totals, percentBase: null, notes };
}

export async function buildReleaseContent(stats: StatsService, options: ReleaseBuildOptions): Promise<ReleaseContent> {
  const { year, threshold } = options;
  const tables: ReleaseContent['tables'] = [];
  for (const name of publicTableNames) {
    // publicTableQuery refuses a year not yet over in Peru (field-level 400).
    const exact = await stats.systemQuery(publicTableQuery(name, { year }), { exact: true });
    const before = options.previous?.content.tables.find((t) => t.name === name)?.result ?? null;
    const released = releaseTable(exactTableOf(exact), threshold, before ? releasedOf(before) : null);
    tables.push({ name, result: resultOf(exact, released, threshold), changes: before ? changesBetween(releasedOf(before), released) : [] });
  }
  return {
    kind: 'public_release',
    year,
    revision: options.revision,
    previousHash: options.previous?.contentHash ?? null,
    note: options.note,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    threshold,
    definitionsVersion: DEFINITIONS_VERSION,
    tables,
  };
}
