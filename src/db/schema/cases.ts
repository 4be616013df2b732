import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institutions, units, users } from './accounts';
import { recordColumns, tstz } from './columns';

export const cases = pgTable(
  'cases',
  {
    ...recordColumns(),
    code: text('code').notNull().unique(),
    externalId: text('external_id'),
    /** Keyed hash of the canonical create request that used externalId (src/server/idempotency). */
    requestHash: text('request_hash'),
    /** The version the sender's last upsert by external id wrote (null: the version it was created with, 1). */
    syncedVersion: integer('synced_version'),
    /**
     * The institution that registered the case and whose file number `external_id` is. Unlike
     * institution_id it never changes on transfer, so a replay of the same external id stays idempotent
     * for its sender and a transfer never collides with the receiver's own numbers.
     */
    registeredByInstitutionId: uuid('registered_by_institution_id').references(() => institutions.id),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    /** Department of the owning unit: the geographic scope a case falls under. */
    departmentCode: text('department_code'),
    registeredBy: uuid('registered_by').references(() => users.id),
    registeredAt: tstz('registered_at').notNull().defaultNow(),
    source: text('source').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    /** As entered: `2016`, `2016-05` or `2016-05-14`. */
    factsDateFrom: text('facts_date_from'),
    factsDateTo: text('facts_date_to'),
    /** The earliest and latest day the entered facts dates allow; what queries and legal rules use. */
    factsStart: date('facts_start', { mode: 'string' }),
    factsEnd: date('facts_end', { mode: 'string' }),
    acts: text('acts').array().notNull().default([]),
    means: text('means').array().notNull().default([]),
    purposes: text('purposes').array().notNull().default([]),
    sexualExploitationSubtypes: text('sexual_exploitation_subtypes').array().notNull().default([]),
    sectors: text('sectors').array().notNull().default([]),
    recruitmentMethods: text('recruitment_methods').array().notNull().default([]),
    transportModes: text('transport_modes').array().notNull().default([]),
    isInternational: boolean('is_international').notNull().default(false),
    countries: text('countries').array().notNull().default([]),
    organisedCrime: boolean('organised_crime').notNull().default(false),
    publicOfficialInvolved: boolean('public_official_involved').notNull().default(false),
    initialLegalQualification: text('initial_legal_qualification'),
    /** Restricted narrative, AES-256-GCM ciphertext. */
    narrativeEnc: text('narrative_enc'),
    status: text('status').notNull().default('open'),
    closedAt: tstz('closed_at'),
    lastActivityAt: tstz('last_activity_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_external_idx').on(t.registeredByInstitutionId, t.externalId),
    index('cases_institution_idx').on(t.institutionId),
    index('cases_unit_idx').on(t.unitId),
    index('cases_department_idx').on(t.departmentCode),
    index('cases_registered_idx').on(t.registeredAt),
    // Keyed pages of the case list (newest first), per owner institution and overall (analysts, system).
    index('cases_institution_registered_idx').on(t.institutionId, t.registeredAt, t.id),
    index('cases_registered_id_idx').on(t.registeredAt, t.id),
  ],
);

export const persons = pgTable(
  'persons',
  {
    ...recordColumns(),
    externalId: text('external_id'),
    /** Keyed hash of the canonical create request that used externalId (src/server/idempotency). */
    requestHash: text('request_hash'),
    /** The version the sender's last upsert by external id wrote (null: the version it was created with, 1). */
    syncedVersion: integer('synced_version'),
    createdByInstitutionId: uuid('created_by_institution_id').notNull().references(() => institutions.id),
    /** Names, document, birth date, contacts, address: one AES-256-GCM ciphertext of a JSON object. */
    identityEnc: text('identity_enc'),
    /** Keyed hashes (blind indexes) for exact search without decrypting. */
    documentHash: text('document_hash'),
    nameHash: text('name_hash'),
    /** Keyed hashes of phonetic name tokens, for duplicate detection across units. */
    nameTokenHashes: text('name_token_hashes').array().notNull().default([]),
    sex: text('sex').notNull().default('unknown'),
    genderIdentity: text('gender_identity'),
    birthYear: integer('birth_year'),
    nationalities: text('nationalities').array().notNull().default([]),
    indigenousPeople: text('indigenous_people'),
    nativeLanguage: text('native_language'),
    originUbigeo: text('origin_ubigeo'),
    originCountry: text('origin_country'),
    education: text('education'),
    disability: boolean('disability'),
    hasIdentityDocument: text('has_identity_document').notNull().default('unknown'),
    /** Set when a confirmed duplicate was merged into another person (reversible). */
    mergedIntoId: uuid('merged_into_id'),
  },
  (t) => [
    uniqueIndex('persons_external_idx').on(t.createdByInstitutionId, t.externalId),
    index('persons_document_idx').on(t.documentHash),
    index('persons_name_idx').on(t.nameHash),
    // Possible-duplicate matching looks persons up by overlap of name tokens (arrayOverlaps).
    index('persons_name_tokens_idx').using('gin', t.nameTokenHashes),
  ],
);

export const caseVictims = pgTable(
  'case_victims',
  {
    ...recordColumns(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    personId: uuid('person_id').notNull().references(() => persons.id),
    /** Keyed hash of the last upsert by the person's external id (src/server/idempotency/upsert). */
    requestHash: text('request_hash'),
    /** The version the sender's last upsert by external id wrote (null: the version it was created with, 1). */
    syncedVersion: integer('synced_version'),
    identificationStatus: text('identification_status').notNull().default('possible_victim'),
    identifiedByInstitutionId: uuid('identified_by_institution_id').references(() => institutions.id),
    identifiedOn: date('identified_on', { mode: 'string' }),
    /** Age at the time of exploitation, in whole years. */
    ageYears: integer('age_years'),
    ageEstimated: boolean('age_estimated').notNull().default(false),
    ageVerified: boolean('age_verified').notNull().default(false),
    /** When only a band is known: `under_14`, `14_17`, `under_18`, `18_plus`. */
    ageBand: text('age_band'),
    exploitationForms: text('exploitation_forms').array().notNull().default([]),
    means: text('means').array().notNull().default([]),
    relationshipToRecruiter: text('relationship_to_recruiter'),
    monthsInExploitation: integer('months_in_exploitation'),
    consentToServices: boolean('consent_to_services'),
    consentToDataSharing: boolean('consent_to_data_sharing'),
    /** Where the victim was housed when identified (housingOnIdentification in src/core/codes.ts); null = not recorded. */
    housedOnIdentification: text('housed_on_identification'),
    /** The victim died or was seriously injured (aggravation, src/core/legal/aggravation.ts); null = not recorded. */
    deathOrSeriousInjury: boolean('death_or_serious_injury'),
  },
  (t) => [
    uniqueIndex('case_victims_unique').on(t.caseId, t.personId),
    index('case_victims_person_idx').on(t.personId),
  ],
);

export const caseSuspects = pgTable(
  'case_suspects',
  {
    ...recordColumns(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    personId: uuid('person_id').notNull().references(() => persons.id),
    /** Keyed hash of the last upsert by the person's external id (src/server/idempotency/upsert). */
    requestHash: text('request_hash'),
    /** The version the sender's last upsert by external id wrote (null: the version it was created with, 1). */
    syncedVersion: integer('synced_version'),
    roles: text('roles').array().notNull().default([]),
    relationshipToVictims: text('relationship_to_victims'),
    isPublicOfficial: boolean('is_public_official').notNull().default(false),
    officialInstitution: text('official_institution'),
    organisedGroupMember: boolean('organised_group_member').notNull().default(false),
  },
  (t) => [
    uniqueIndex('case_suspects_unique').on(t.caseId, t.personId),
    index('case_suspects_person_idx').on(t.personId),
  ],
);

export const casePlaces = pgTable(
  'case_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    kind: text('kind').notNull(),
    ubigeo: text('ubigeo'),
    /** ISO 3166-1 alpha-3; `PER` for places given by UBIGEO. */
    country: text('country').notNull(),
    departmentCode: text('department_code'),
  },
  (t) => [index('case_places_case_idx').on(t.caseId), index('case_places_department_idx').on(t.departmentCode)],
);

/** The case's own history: registration, transfers between units, links to operations and calls. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    type: text('type').notNull(),
    at: tstz('at').notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    unitId: uuid('unit_id').references(() => units.id),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [index('case_events_case_idx').on(t.caseId)],
);

/**
 * Access another institution gains along the workflow (police report sent to a prosecutor office,
 * charges to a court, a referral to a provider). The owner's access is implicit, never stored here.
 */
export const caseAccess = pgTable(
  'case_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    unitId: uuid('unit_id').references(() => units.id),
    /** `police_report`, `charges`, `referral`, `transfer`. */
    basis: text('basis').notNull(),
    /** For referrals: only these victims (case_victims ids) are visible; null means the whole case. */
    victimIds: uuid('victim_ids').array(),
    grantedAt: tstz('granted_at').notNull().defaultNow(),
    grantedBy: uuid('granted_by').references(() => users.id),
  },
  (t) => [index('case_access_case_idx').on(t.caseId), index('case_access_institution_idx').on(t.institutionId), index('case_access_institution_case_idx').on(t.institutionId, t.caseId)],
);

/**
 * The last case number given per registration year. `insert … on conflict do update … returning` takes
 * the row lock, so concurrent registrations get distinct numbers without gaps from rolled-back ones.
 */
export const caseCodeSequences = pgTable('case_code_sequences', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});
