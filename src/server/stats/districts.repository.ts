import { sql } from 'drizzle-orm';
import { districtAreas, districtName } from '../../core/stats/districts';
import type { Db, Tx } from '../../db/connect';
import { statsProsecutionDistrictAreas } from '../../db/schema';

const seeded = new WeakSet<object>();

/**
 * Seeds the prosecution-district areas from the built-in list once per database handle, keeping rows an
 * administrator may have corrected (insert … on conflict do nothing). Cheap after the first call.
 */
export async function ensureProsecutionDistricts(db: Db | Tx): Promise<void> {
  if (seeded.has(db)) return;
  const rows = districtAreas().map((a) => ({ prefix: a.prefix, districtCode: a.districtCode, districtName: districtName(a.districtCode) }));
  await db.insert(statsProsecutionDistrictAreas).values(rows).onConflictDoNothing({ target: statsProsecutionDistrictAreas.prefix });
  seeded.add(db);
}

/** District names as stored (editable), for labelling tables. */
export async function loadDistrictNames(db: Db | Tx): Promise<Map<string, string>> {
  const result = (await db.execute(sql`select distinct district_code, district_name from stats_prosecution_district_areas`)) as unknown as {
    rows: Array<{ district_code: string; district_name: string }>;
  };
  return new Map(result.rows.map((r) => [r.district_code, r.district_name]));
}
