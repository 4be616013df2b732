import { inArray } from 'drizzle-orm';
import { peruDepartments } from '../../core/geo/departments';
import { dimensions, type DimensionId } from '../../core/stats/dimensions';
import type { StatsTable } from '../../core/stats/table';
import type { Db } from '../../db/connect';
import { institutions, shelters, units } from '../../db/schema';
import { loadDistrictNames } from './districts.repository';

const departmentNames = new Map(peruDepartments.map((d) => [d.code, d.name]));
const isUuid = (v: string) => /^[0-9a-f-]{36}$/i.test(v);

/**
 * Names for values that are reference data rather than code lists (departments, districts, institutions,
 * units, shelters): those are data, not interface text. Code-list values are labelled by the UI.
 */
export async function labelsFor(db: Db, dim: DimensionId, keys: readonly string[]): Promise<Map<string, string>> {
  const kind = dimensions[dim].values;
  const ids = keys.filter(isUuid);
  switch (kind) {
    case 'department':
      return departmentNames;
    case 'prosecution_district':
      return loadDistrictNames(db);
    case 'institution':
      return ids.length ? new Map((await db.select({ id: institutions.id, name: institutions.name }).from(institutions).where(inArray(institutions.id, ids))).map((r) => [r.id, r.name])) : new Map();
    case 'unit':
      return ids.length ? new Map((await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))).map((r) => [r.id, r.name])) : new Map();
    case 'shelter':
      return ids.length ? new Map((await db.select({ id: shelters.id, name: shelters.name }).from(shelters).where(inArray(shelters.id, ids))).map((r) => [r.id, r.name])) : new Map();
    default:
      return new Map();
  }
}

export async function labelTable(db: Db, table: StatsTable, by: readonly DimensionId[]): Promise<StatsTable> {
  const apply = async (headers: StatsTable['rows'], dim: DimensionId | undefined) => {
    if (!dim) return headers;
    const names = await labelsFor(db, dim, headers.map((h) => h.key));
    return headers.map((h) => (names.has(h.key) ? { ...h, label: names.get(h.key)! } : h));
  };
  return { ...table, rows: await apply(table.rows, by[0]), columns: by.length >= 2 ? await apply(table.columns, by[1]) : table.columns };
}
