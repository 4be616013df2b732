// Tables of the justice feature. Owned by src/server/justice.
import { boolean, date, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institutions, units, users } from './accounts';
import { cases, caseSuspects } from './cases';
import { tstz } from './columns';
import { legalArticles, legalRegimes } from './legal';

/**
 * One step in a defendant's path (a case_suspects row), from arrest to release. Append-only: nothing
 * updates or deletes a row; a correction is a new row naming the one it supersedes.
 */
export const justiceEvents = pgTable(
  'justice_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    suspectId: uuid('suspect_id').notNull().references(() => caseSuspects.id),
    type: text('type').notNull(),
    stage: text('stage').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** The institution and unit that recorded the event (their stage's owner). */
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    unitId: uuid('unit_id').references(() => units.id),
    externalId: text('external_id'),
    /** Keyed hash of the canonical create request that used externalId (src/server/idempotency). */
    requestHash: text('request_hash'),
    /** Police report number, carpeta fiscal, court file number. */
    documentNumber: text('document_number'),
    prosecutorOffice: text('prosecutor_office'),
    court: text('court'),
    /** Where the police report or the charges were sent (access is granted to it). */
    receivingInstitutionId: uuid('receiving_institution_id').references(() => institutions.id),
    receivingUnitId: uuid('receiving_unit_id').references(() => units.id),
    archiveReason: text('archive_reason'),
    decision: text('decision'),
    appealOutcome: text('appeal_outcome'),
    /** Years × 12 + months. */
    sentenceMonths: integer('sentence_months'),
    sentenceEffective: boolean('sentence_effective'),
    fineAmount: numeric('fine_amount', { precision: 14, scale: 2 }),
    reparationAmount: numeric('reparation_amount', { precision: 14, scale: 2 }),
    currency: text('currency'),
    /** ISO 3166-1 alpha-3, for international events. */
    country: text('country'),
    supersedesEventId: uuid('supersedes_event_id'),
  },
  (t) => [
    index('justice_events_case_idx').on(t.caseId),
    index('justice_events_suspect_idx').on(t.suspectId),
    index('justice_events_type_idx').on(t.type, t.occurredOn),
    uniqueIndex('justice_events_external_idx').on(t.institutionId, t.externalId),
    uniqueIndex('justice_events_supersedes_idx').on(t.supersedesEventId),
  ],
);

/**
 * The articles an event names, resolved to the article row and the regime in force on the date of the
 * facts. role: `charge` (articles investigated, charged, convicted), `from` / `to` (reclassification).
 */
export const justiceEventArticles = pgTable(
  'justice_event_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => justiceEvents.id),
    role: text('role').notNull(),
    position: integer('position').notNull().default(0),
    articleId: uuid('article_id').notNull().references(() => legalArticles.id),
    regimeId: uuid('regime_id').notNull().references(() => legalRegimes.id),
    tierCode: text('tier_code'),
  },
  (t) => [index('justice_event_articles_event_idx').on(t.eventId), index('justice_event_articles_article_idx').on(t.articleId)],
);
