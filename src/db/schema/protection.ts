// Tables of the protection feature (referrals, services, shelters, stays, reparations, repatriation,
// residency) and of duplicate matching across cases. Owned by src/server/protection and src/server/matching.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institutions, units, users } from './accounts';
import { cases, caseVictims, persons } from './cases';
import { recordColumns, tstz } from './columns';

/** A victim (case_victims row) referred from one institution or unit to another, for one service type. */
export const referrals = pgTable(
  'referrals',
  {
    ...recordColumns(),
    externalId: text('external_id'),
    /** Keyed hash of the canonical create request that used externalId (src/server/idempotency). */
    requestHash: text('request_hash'),
    /** The version the sender's last upsert by external id wrote (null: the version it was created with, 1). */
    syncedVersion: integer('synced_version'),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    caseVictimId: uuid('case_victim_id').notNull().references(() => caseVictims.id),
    fromInstitutionId: uuid('from_institution_id').notNull().references(() => institutions.id),
    fromUnitId: uuid('from_unit_id').references(() => units.id),
    toInstitutionId: uuid('to_institution_id').notNull().references(() => institutions.id),
    toUnitId: uuid('to_unit_id').references(() => units.id),
    serviceType: text('service_type').notNull(),
    /** requested → accepted → provided | declined → closed (src/core/protection/referral-status.ts). */
    status: text('status').notNull().default('requested'),
    /** Where consent came from: `victim_record` (case_victims), `referral` (given on it), `override`. */
    consentSource: text('consent_source').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    acceptedAt: tstz('accepted_at'),
    providedAt: tstz('provided_at'),
    declinedAt: tstz('declined_at'),
    closedAt: tstz('closed_at'),
    declineReason: text('decline_reason'),
    outcome: text('outcome'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('referrals_external_idx').on(t.fromInstitutionId, t.externalId),
    index('referrals_case_idx').on(t.caseId),
    index('referrals_victim_idx').on(t.caseVictimId),
    index('referrals_to_idx').on(t.toInstitutionId, t.status),
  ],
);

/** A service actually given under a referral, with its dates. */
export const referralServices = pgTable(
  'referral_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id').notNull().references(() => referrals.id),
    caseVictimId: uuid('case_victim_id').notNull().references(() => caseVictims.id),
    serviceType: text('service_type').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    providedByInstitutionId: uuid('provided_by_institution_id').notNull().references(() => institutions.id),
    providedByUnitId: uuid('provided_by_unit_id').references(() => units.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('referral_services_referral_idx').on(t.referralId), index('referral_services_victim_idx').on(t.caseVictimId)],
);

export const shelters = pgTable(
  'shelters',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    unitId: uuid('unit_id').references(() => units.id),
    ubigeo: text('ubigeo'),
    departmentCode: text('department_code'),
    capacityBeds: integer('capacity_beds').notNull(),
    /** Code from shelterPopulations (src/contracts/protection.ts). */
    targetPopulation: text('target_population').notNull(),
    status: text('status').notNull().default('active'),
  },
  (t) => [index('shelters_institution_idx').on(t.institutionId), check('shelters_capacity_positive', sql`${t.capacityBeds} >= 0`)],
);

/**
 * A victim's stay in a shelter. Occupied nights are [checkInOn, checkOutOn); a stay that starts and ends
 * on the same day occupies that day; an open stay (no checkOutOn) occupies every day from checkInOn.
 */
export const shelterStays = pgTable(
  'shelter_stays',
  {
    ...recordColumns(),
    shelterId: uuid('shelter_id').notNull().references(() => shelters.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    caseVictimId: uuid('case_victim_id').notNull().references(() => caseVictims.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    checkInOn: date('check_in_on', { mode: 'string' }).notNull(),
    checkOutOn: date('check_out_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [
    index('shelter_stays_shelter_idx').on(t.shelterId, t.checkInOn),
    index('shelter_stays_victim_idx').on(t.caseVictimId),
    // An open stay occupies every day from its check-in, so a victim has at most one at a time: the
    // database refuses a second one even when two admissions race (shelterStayOpenIndex in the service).
    uniqueIndex('shelter_stays_victim_open_idx').on(t.caseVictimId).where(sql`${t.checkOutOn} is null`),
  ],
);

/** Restitution or reparation ordered for a victim, and what has been paid. Amounts in `currency`. */
export const victimReparations = pgTable(
  'victim_reparations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    caseVictimId: uuid('case_victim_id').notNull().references(() => caseVictims.id),
    kind: text('kind').notNull(),
    orderedAmount: numeric('ordered_amount', { precision: 14, scale: 2 }).notNull(),
    paidAmount: numeric('paid_amount', { precision: 14, scale: 2 }).notNull().default('0'),
    currency: text('currency').notNull().default('PEN'),
    orderedOn: date('ordered_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('victim_reparations_victim_idx').on(t.caseVictimId)],
);

export const victimRepatriations = pgTable(
  'victim_repatriations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    caseVictimId: uuid('case_victim_id').notNull().references(() => caseVictims.id),
    fromCountry: text('from_country').notNull(),
    toCountry: text('to_country').notNull(),
    repatriatedOn: date('repatriated_on', { mode: 'string' }).notNull(),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('victim_repatriations_victim_idx').on(t.caseVictimId)],
);

export const victimResidencyPermits = pgTable(
  'victim_residency_permits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    caseVictimId: uuid('case_victim_id').notNull().references(() => caseVictims.id),
    permitType: text('permit_type').notNull(),
    grantedOn: date('granted_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('victim_residency_victim_idx').on(t.caseVictimId)],
);

/**
 * Possible duplicates across cases, found through blind indexes only (src/server/matching). One row per
 * unordered pair (personAId < personBId). Confirming merges B-or-A into the other (persons.mergedIntoId);
 * unmerging clears it again. Rejected pairs are never proposed again.
 */
export const matchCandidates = pgTable(
  'match_candidates',
  {
    ...recordColumns(),
    personAId: uuid('person_a_id').notNull().references(() => persons.id),
    personBId: uuid('person_b_id').notNull().references(() => persons.id),
    /** `document`, `name`, `name_tokens`. */
    reasons: text('reasons').array().notNull(),
    /** pending → confirmed (merged) | rejected; confirmed → unmerged. */
    status: text('status').notNull().default('pending'),
    /** On confirm: the person whose mergedIntoId was set, and the one it now points to. */
    mergedPersonId: uuid('merged_person_id').references(() => persons.id),
    survivorPersonId: uuid('survivor_person_id').references(() => persons.id),
    decidedAt: tstz('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    /**
     * The user whose action queued the pair (typed or changed the person, or scanned). A candidate that
     * spans institutions is never shown to this user. Not a foreign key: the system queues pairs too.
     */
    proposedBy: uuid('proposed_by'),
  },
  (t) => [
    uniqueIndex('match_candidates_pair_idx').on(t.personAId, t.personBId),
    index('match_candidates_b_idx').on(t.personBId),
    index('match_candidates_status_idx').on(t.status),
    check('match_candidates_ordered', sql`${t.personAId} < ${t.personBId}`),
  ],
);

/**
 * Two-sided confirmation of a merge across institutions: one row per institution whose reviewer confirmed
 * the candidate. The merge happens when every institution holding either record has confirmed.
 */
export const matchConfirmations = pgTable(
  'match_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id').notNull().references(() => matchCandidates.id),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    confirmedBy: uuid('confirmed_by').notNull().references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('match_confirmations_candidate_institution_idx').on(t.candidateId, t.institutionId)],
);

/**
 * Persons whose duplicate matching is still to run (src/server/matching/match-queue.ts). A registration
 * queues its new persons in its own transaction (so a queued person always exists and nothing is lost on a
 * crash) and the matching runs right after commit, outside the registration's locks.
 */
export const matchQueue = pgTable(
  'match_queue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
    /** As match_candidates.proposed_by: the user whose action queued the person. */
    proposedBy: uuid('proposed_by'),
    queuedAt: tstz('queued_at').notNull().defaultNow(),
  },
  (t) => [index('match_queue_queued_idx').on(t.queuedAt)],
);
