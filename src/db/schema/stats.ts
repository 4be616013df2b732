// Tables of the stats feature. Owned by src/server/stats.
import { pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Which prosecution district (distrito fiscal) a UBIGEO area belongs to: the longest matching prefix
 * wins. Seeded from the built-in list in src/core/stats/districts.ts; an administrator may correct rows.
 */
export const statsProsecutionDistrictAreas = pgTable('stats_prosecution_district_areas', {
  prefix: text('prefix').primaryKey(),
  districtCode: text('district_code').notNull(),
  districtName: text('district_name').notNull(),
});
