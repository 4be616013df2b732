import type { StatsQuery } from '../../contracts/stats';
import { invalid } from '../errors/app-error';

/**
 * The fixed tables of the public open-data release (no login). Always disclosure-controlled; nothing
 * else is reachable publicly. Each table covers ONE completed calendar year: an all-years table beside
 * the single years would let a reader subtract the published years from the total and recover a hidden
 * cell, and the current year changes every day (yesterday's figure minus today's recovers a small count).
 */
const tables: Record<string, Omit<StatsQuery, 'decimals'>> = {
  'cases-by-year': { indicator: 'cases', by: ['year'] },
  'victims-by-sex-age': { indicator: 'victims', by: ['sex', 'ageBandReta'] },
  'victims-by-exploitation': { indicator: 'victims', by: ['purpose'] },
  'victims-by-department': { indicator: 'victims', by: ['exploitationDepartment'] },
};

/** The calendar year in Peru (UTC−5, no daylight saving). */
export function limaYear(now: Date = new Date()): number {
  return new Date(now.getTime() - 5 * 3600_000).getUTCFullYear();
}

/** The latest year a public table may cover: the last one already over in Peru. */
export const latestPublicYear = (now: Date = new Date()) => limaYear(now) - 1;

export function publicTableQuery(name: string, options: { year?: number }, now: Date = new Date()): StatsQuery {
  const base = tables[name];
  if (!base) throw new Error(`unknown public table ${name}`);
  const { year } = options;
  if (year === undefined) throw invalid({ year: 'stats.public_year_required' }, 'stats.public_year_required');
  if (year > latestPublicYear(now)) throw invalid({ year: 'stats.public_year_incomplete' }, 'stats.public_year_incomplete');
  return { ...base, from: `${year}-01-01`, to: `${year}-12-31`, decimals: 1 } as StatsQuery;
}
