// Tables of the releases feature. Owned by src/server/releases.
import { check, foreignKey, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts';
import { tstz } from './columns';

/**
 * A public release: the open-data tables of one completed year, frozen when an analyst with national
 * scope published them. Append-only (the database refuses UPDATE, DELETE and TRUNCATE): a correction is a
 * new row of the same year with the next revision number, the previous release and a note. `content`
 * holds only disclosure-controlled values; `content_hash` is the sha-256 of its canonical JSON.
 */
export const publicReleases = pgTable(
  'public_releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    revision: integer('revision').notNull(),
    previousId: uuid('previous_id'),
    note: text('note'),
    definitionsVersion: text('definitions_version').notNull(),
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    publishedBy: uuid('published_by').notNull().references(() => users.id),
    publishedAt: tstz('published_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('public_releases_year_revision_idx').on(t.year, t.revision),
    foreignKey({ columns: [t.previousId], foreignColumns: [t.id], name: 'public_releases_previous_fk' }),
    check('public_releases_revision_chain', sql`(${t.revision} = 1 AND ${t.previousId} IS NULL) OR (${t.revision} > 1 AND ${t.previousId} IS NOT NULL AND ${t.note} IS NOT NULL)`),
  ],
);
