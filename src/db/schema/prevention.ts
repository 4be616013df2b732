// Tables of the prevention feature. Owned by src/server/prevention.
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institutions, units, users } from './accounts';
import { recordColumns } from './columns';

/** A training, awareness campaign or workshop, with its audiences and participants (counts only). */
export const preventionActivities = pgTable(
  'prevention_activities',
  {
    ...recordColumns(),
    externalId: text('external_id'),
    /** Keyed hash of the canonical create request that used externalId (src/server/idempotency). */
    requestHash: text('request_hash'),
    /** The version the sender's last upsert by external id wrote (null: the version it was created with, 1). */
    syncedVersion: integer('synced_version'),
    /** The organiser institution: the owner. */
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    unitId: uuid('unit_id').references(() => units.id),
    departmentCode: text('department_code'),
    registeredBy: uuid('registered_by').references(() => users.id),
    activityDate: date('activity_date', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    title: text('title'),
    audiences: text('audiences').array().notNull().default([]),
    ubigeo: text('ubigeo').notNull(),
    placeDepartment: text('place_department').notNull(),
    participantsTotal: integer('participants_total').notNull().default(0),
    participantsFemale: integer('participants_female').notNull().default(0),
    participantsMale: integer('participants_male').notNull().default(0),
    participantsUnknown: integer('participants_unknown').notNull().default(0),
    /** Optional breakdown: `[{ institutionId, count }]`. */
    participantsByInstitution: jsonb('participants_by_institution').$type<Array<{ institutionId: string; count: number }>>().notNull().default([]),
  },
  (t) => [
    uniqueIndex('prevention_external_idx').on(t.institutionId, t.externalId),
    index('prevention_institution_idx').on(t.institutionId),
    index('prevention_date_idx').on(t.activityDate),
  ],
);
