// Tables of the legal feature. Owned by src/server/legal.
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns';

/**
 * A legal regime: the body of law in force from a date (Peru: pre-2007, Law 28950, DL 1323, Law 30963,
 * Law 31146). The regime that applies to a case is the latest one in force on the date of the facts.
 */
export const legalRegimes = pgTable(
  'legal_regimes',
  {
    ...recordColumns(),
    code: text('code').notNull(),
    country: text('country').notNull().default('PER'),
    name: text('name').notNull(),
    /** Null for the oldest regime: in force since before anything the registry records. */
    inForceFrom: date('in_force_from', { mode: 'string' }),
    /** General rule on suspended sentences (Peru, penal code art. 57: up to 4 years). */
    maxSuspendedSentenceMonths: integer('max_suspended_sentence_months').notNull().default(48),
  },
  (t) => [uniqueIndex('legal_regimes_code_idx').on(t.country, t.code)],
);

/**
 * An article as introduced (or last reworded) by a regime. It applies from its regime's date until the
 * date of the regime that repealed or renumbered it.
 */
export const legalArticles = pgTable(
  'legal_articles',
  {
    ...recordColumns(),
    regimeId: uuid('regime_id').notNull().references(() => legalRegimes.id),
    /** `153`, `153-A`, `129-Ñ`. */
    articleNumber: text('article_number').notNull(),
    /** A stable code for the offence (`trafficking`, `pimping`, …); labels live in the catalogues. */
    titleCode: text('title_code').notNull(),
    /** The official heading as written in the law (data, not interface text). */
    heading: text('heading'),
    isTrafficking: boolean('is_trafficking').notNull().default(false),
    /** A lesser offence that trafficking charges are reduced to (favouring prostitution, pimping…). */
    isLesserOffence: boolean('is_lesser_offence').notNull().default(false),
    /** For lesser offences: the trafficking article of the same regime it is an alternative to. */
    relatedTraffickingArticle: text('related_trafficking_article'),
    repealedByRegimeId: uuid('repealed_by_regime_id').references(() => legalRegimes.id),
  },
  (t) => [uniqueIndex('legal_articles_number_idx').on(t.regimeId, t.articleNumber), index('legal_articles_lookup_idx').on(t.articleNumber)],
);

/** A penalty range of an article: `basic`, `aggravated`, `aggravated_severe`, in months of prison. */
export const legalPenaltyTiers = pgTable(
  'legal_penalty_tiers',
  {
    ...recordColumns(),
    articleId: uuid('article_id').notNull().references(() => legalArticles.id),
    tierCode: text('tier_code').notNull(),
    minMonths: integer('min_months').notNull(),
    maxMonths: integer('max_months'),
    /** Whether a suspended sentence is possible at all within this range. */
    suspensionAllowed: boolean('suspension_allowed').notNull().default(false),
    /** False until the range has been checked against the text of the law itself. */
    confirmedInPrimarySource: boolean('confirmed_in_primary_source').notNull().default(false),
  },
  (t) => [uniqueIndex('legal_tiers_article_idx').on(t.articleId, t.tierCode)],
);
