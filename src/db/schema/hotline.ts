// Tables of the hotline feature. Owned by src/server/hotline.
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institutions, units, users } from './accounts';
import { cases } from './cases';
import { recordColumns, tstz } from './columns';

/**
 * A call (or message) to the trafficking hotline. The summary is restricted (AES-256-GCM). Actionable
 * calls are referred to a police unit, whose institution then sees the call, and followed to an outcome.
 */
export const hotlineCalls = pgTable(
  'hotline_calls',
  {
    ...recordColumns(),
    externalId: text('external_id'),
    /** Keyed hash of the canonical create request that used externalId (src/server/idempotency). */
    requestHash: text('request_hash'),
    /** The version the sender's last upsert by external id wrote (null: the version it was created with, 1). */
    syncedVersion: integer('synced_version'),
    /** The hotline institution that took the call: the owner. */
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    unitId: uuid('unit_id').references(() => units.id),
    /** Department of the owning unit: the geographic scope, as for cases. */
    departmentCode: text('department_code'),
    registeredBy: uuid('registered_by').references(() => users.id),
    receivedAt: tstz('received_at').notNull(),
    channel: text('channel').notNull(),
    callerType: text('caller_type').notNull(),
    classification: text('classification').notNull(),
    /** Where the reported facts are: a UBIGEO (2/4/6 digits) or a country (ISO alpha-3). */
    ubigeo: text('ubigeo'),
    placeDepartment: text('place_department'),
    country: text('country'),
    summaryEnc: text('summary_enc'),
    /** `recorded`, `awaiting_referral`, `referred`, `followed_up`, `closed`. */
    status: text('status').notNull(),
    referredUnitId: uuid('referred_unit_id').references(() => units.id),
    referredInstitutionId: uuid('referred_institution_id').references(() => institutions.id),
    referredAt: tstz('referred_at'),
    /** `nearest` (chosen by the rule) or `manual` (override). */
    referralMode: text('referral_mode'),
    /** `district`, `province`, `department`, `national` for nearest-unit referrals. */
    referralLevel: text('referral_level'),
    linkedCaseId: uuid('linked_case_id').references(() => cases.id),
    linkedAt: tstz('linked_at'),
    arrests: integer('arrests'),
    closedReason: text('closed_reason'),
    closedAt: tstz('closed_at'),
    outcomeAt: tstz('outcome_at'),
  },
  (t) => [
    uniqueIndex('hotline_calls_external_idx').on(t.institutionId, t.externalId),
    index('hotline_calls_institution_idx').on(t.institutionId),
    index('hotline_calls_referred_idx').on(t.referredInstitutionId),
    index('hotline_calls_received_idx').on(t.receivedAt),
  ],
);
