import type { StatsQuery } from '../../contracts/stats';

/**
 * The fixed tables of the public open-data release (no login). Always disclosure-controlled; nothing
 * else is reachable publicly. A year narrows the period; without one the whole registry is counted.
 */
const tables: Record<string, Omit<StatsQuery, 'decimals'>> = {
  'cases-by-year': { indicator: 'cases', by: ['year'] },
  'victims-by-sex-age': { indicator: 'victims', by: ['sex', 'ageBandReta'] },
  'victims-by-exploitation': { indicator: 'victims', by: ['purpose'] },
  'victims-by-department': { indicator: 'victims', by: ['exploitationDepartment'] },
};

export function publicTableQuery(name: string, options: { year?: number }): StatsQuery {
  const base = tables[name];
  if (!base) throw new Error(`unknown public table ${name}`);
  const period = options.year ? { from: `${options.year}-01-01`, to: `${options.year}-12-31` } : {};
  return { ...base, ...period, decimals: 1 } as StatsQuery;
}
