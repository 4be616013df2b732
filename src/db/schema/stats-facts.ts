// Fact tables of the statistics engine. Owned by src/server/stats/facts: written ONLY by
// refreshCaseFacts (in the transaction of the change) and by `reta stats rebuild`, read ONLY by
// src/server/stats/stats.sources.ts. Every row is derived from the records by src/core rules
// (src/core/stats/facts.ts), so it can always be recomputed. To add a figure: add a column here (nullable
// or with a default), fill it in src/core/stats/facts.ts, read it in stats.sources.ts, run `reta stats rebuild`.
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What every fact row carries about its case: scope, period, registering and owning unit, case-level dimensions. */
const caseFactColumns = () => ({
  caseId: uuid('case_id').notNull(),
  /** The registration date in the country's time zone: what places a case, victim or suspect in a period. */
  registeredOn: date('registered_on', { mode: 'string' }).notNull(),
  /** The owning (current) unit: what the statistics scope follows, and the "owning" dimensions. */
  owningInstitutionId: uuid('owning_institution_id').notNull(),
  owningDepartment: text('owning_department'),
  owningUnitId: uuid('owning_unit_id').notNull(),
  /** The unit that registered the case (its registration event; a transfer does not change it). */
  registeringInstitutionId: uuid('registering_institution_id').notNull(),
  registeringDepartment: text('registering_department'),
  registeringUnitId: uuid('registering_unit_id').notNull(),
  source: text('source').notNull(),
  casePurposes: text('case_purposes').array().notNull(),
  sectors: text('sectors').array().notNull(),
  /** Distinct departments of the case's places of exploitation. */
  exploitationDepartments: text('exploitation_departments').array().notNull(),
});

/** One row per case. */
export const statsCaseFacts = pgTable(
  'stats_case_facts',
  {
    ...caseFactColumns(),
    caseId: uuid('case_id').primaryKey(),
    purposeGroup: text('purpose_group'),
    /** The furthest stage any standing justice event of the case reached (`none` without one). */
    stage: text('stage').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    factsStart: date('facts_start', { mode: 'string' }),
    status: text('status').notNull(),
    /** Attrition funnel steps reached (standing events). */
    investigated: boolean('investigated').notNull(),
    charged: boolean('charged').notNull(),
    tried: boolean('tried').notNull(),
    convicted: boolean('convicted').notNull(),
    firstChargeOn: date('first_charge_on', { mode: 'string' }),
    firstDecisionOn: date('first_decision_on', { mode: 'string' }),
    /** The latest of registration, justice event recorded and case event: what "stale" compares with. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('stats_case_facts_registered_idx').on(t.registeredOn)],
);

/** One row per victim in a case (not-a-victim rows included, with their status, so the sources decide). */
export const statsVictimFacts = pgTable(
  'stats_victim_facts',
  {
    victimId: uuid('victim_id').primaryKey(),
    ...caseFactColumns(),
    /** The person counted: the surviving record when merged. */
    personId: uuid('person_id').notNull(),
    /** The victim's forms of exploitation, else the case's purposes. */
    purposes: text('purposes').array().notNull(),
    purposeGroup: text('purpose_group'),
    stage: text('stage').notNull(),
    identificationStatus: text('identification_status').notNull(),
    sex: text('sex').notNull(),
    ageBandReta: text('age_band_reta'),
    ageBandPeru: text('age_band_peru'),
    ageBandCtdc: text('age_band_ctdc'),
    ageGroup: text('age_group').notNull(),
    unodcCategory: text('unodc_category').notNull(),
    originDepartment: text('origin_department'),
    nationalities: text('nationalities').array().notNull(),
    /** Identification: its date, where the victim was housed then, whether the person has an identity document. */
    identifiedOn: date('identified_on', { mode: 'string' }),
    housing: text('housing'),
    identityDocument: text('identity_document'),
  },
  (t) => [
    index('stats_victim_facts_case_idx').on(t.caseId),
    index('stats_victim_facts_registered_idx').on(t.registeredOn),
    // The rows of one person: distinct persons (src/server/stats/cubes) and the repeat-person list.
    index('stats_victim_facts_person_idx').on(t.personId),
  ],
);

/** One row per suspect (defendant) in a case, with the dates its justice steps were first reached. */
export const statsDefendantFacts = pgTable(
  'stats_defendant_facts',
  {
    suspectId: uuid('suspect_id').primaryKey(),
    ...caseFactColumns(),
    personId: uuid('person_id').notNull(),
    purposeGroup: text('purpose_group'),
    /** The furthest stage this defendant's standing events reached. */
    stage: text('stage').notNull(),
    sex: text('sex').notNull(),
    ageBandPeru: text('age_band_peru'),
    ageGroup: text('age_group').notNull(),
    unodcCategory: text('unodc_category').notNull(),
    nationalities: text('nationalities').array().notNull(),
    publicOfficial: boolean('public_official').notNull(),
    arrestedOn: date('arrested_on', { mode: 'string' }),
    chargedOn: date('charged_on', { mode: 'string' }),
    convictedOn: date('convicted_on', { mode: 'string' }),
    acquittedOn: date('acquitted_on', { mode: 'string' }),
    dismissedOn: date('dismissed_on', { mode: 'string' }),
    archivedOn: date('archived_on', { mode: 'string' }),
    reclassifiedOn: date('reclassified_on', { mode: 'string' }),
    /** The standing sentence (none after an appeal revoked or annulled it). */
    sentenceOn: date('sentence_on', { mode: 'string' }),
    sentenceMonths: integer('sentence_months'),
    sentenceBand: text('sentence_band'),
    /** Rule 4 (src/core/legal/sentencing.ts through assessDefendant): below the minimum or suspended where not allowed. */
    belowMinimum: boolean('below_minimum').notNull(),
    /** First standing prosecution or court step (an archive included): "investigated" as the funnel reads it. */
    investigatedOn: date('investigated_on', { mode: 'string' }),
    /** First standing decision suspended for insufficient evidence. */
    suspendedOn: date('suspended_on', { mode: 'string' }),
    /** Age groups (src/core/age.ts) of the counted victims of the case: convictions by the victims' age. */
    victimAgeGroups: text('victim_age_groups').array().notNull().default([]),
    /** Aggravation omitted (src/core/legal/aggravation.ts): dated by the first standing step naming articles. */
    aggravationOmittedOn: date('aggravation_omitted_on', { mode: 'string' }),
    /**
     * Pending at year end (src/core/justice/pending.ts): the years before the last event's whose 31 December
     * found the process pending, and the first year of an open run to this day (null: it ended closed).
     */
    pendingYears: integer('pending_years').array().notNull().default([]),
    pendingFrom: integer('pending_from'),
    /** The first day a standing event reached each stage: the stage on a day is the furthest reached by then. */
    policeOn: date('police_on', { mode: 'string' }),
    prosecutionOn: date('prosecution_on', { mode: 'string' }),
    courtOn: date('court_on', { mode: 'string' }),
    executionOn: date('execution_on', { mode: 'string' }),
  },
  (t) => [index('stats_defendant_facts_case_idx').on(t.caseId)],
);

/**
 * Cases whose facts are out of date, filled by statement-level triggers on the records' tables (custom SQL
 * of the migration) and emptied by refreshCaseFacts before the transaction that filled it commits.
 */
export const statsFactQueue = pgTable('stats_fact_queue', {
  caseId: uuid('case_id').notNull(),
});
