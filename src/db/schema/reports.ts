// Tables of the reports feature. Owned by src/server/reports.
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { tstz } from './columns';

/**
 * A frozen annual report: the figures as computed when the snapshot was taken, never recomputed. The
 * content hash (sha-256 of the canonical JSON of `content`) lets anyone check that a PDF, a spreadsheet or
 * a web page was produced from exactly these figures.
 */
export const reportSnapshots = pgTable(
  'report_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull().default('annual'),
    year: integer('year').notNull(),
    /** The period covered, ISO dates: `2025-01-01/2025-12-31`. */
    period: text('period').notNull(),
    definitionsVersion: text('definitions_version').notNull(),
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('report_snapshots_year_idx').on(t.kind, t.year)],
);
