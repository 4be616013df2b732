import { index, jsonb, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * Boundaries of the country's divisions for maps, as imported (`reta reference import boundaries`, or
 * POST /api/v1/reference/boundaries/import): level 1 departments (code of 2 digits), level 2 provinces
 * (4 digits), keyed like the UBIGEO table. `geometry` is a GeoJSON Polygon or MultiPolygon (WGS84).
 */
export const geoBoundaries = pgTable(
  'geo_boundaries',
  {
    code: text('code').primaryKey(),
    level: smallint('level').notNull(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    geometry: jsonb('geometry').notNull(),
    /** Where the boundaries came from (the file's attribution), shown with the map. */
    source: text('source'),
    importedAt: tstz('imported_at').notNull().defaultNow(),
  },
  (t) => [index('geo_boundaries_level_parent_idx').on(t.level, t.parentCode)],
);
