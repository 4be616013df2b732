// Tables of the operations feature. Owned by src/server/operations.
import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institutions, units, users } from './accounts';
import { cases } from './cases';
import { recordColumns, tstz } from './columns';

/** A police operation or a labour inspection, with what it found. */
export const operations = pgTable(
  'operations',
  {
    ...recordColumns(),
    externalId: text('external_id'),
    /** Keyed hash of the canonical create request that used externalId (src/server/idempotency). */
    requestHash: text('request_hash'),
    /** The version the sender's last upsert by external id wrote (null: the version it was created with, 1). */
    syncedVersion: integer('synced_version'),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    unitId: uuid('unit_id').references(() => units.id),
    /** Department of the owning unit: the geographic scope, as for cases. */
    departmentCode: text('department_code'),
    registeredBy: uuid('registered_by').references(() => users.id),
    operationDate: date('operation_date', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    ubigeo: text('ubigeo').notNull(),
    placeDepartment: text('place_department').notNull(),
    personsFound: integer('persons_found').notNull().default(0),
    minorsFound: integer('minors_found').notNull().default(0),
    victimsIdentified: integer('victims_identified').notNull().default(0),
    arrests: integer('arrests').notNull().default(0),
  },
  (t) => [
    uniqueIndex('operations_external_idx').on(t.institutionId, t.externalId),
    index('operations_institution_idx').on(t.institutionId),
    index('operations_date_idx').on(t.operationDate),
  ],
);

export const operationCases = pgTable(
  'operation_cases',
  {
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    linkedAt: tstz('linked_at').notNull().defaultNow(),
    linkedBy: uuid('linked_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.operationId, t.caseId] }), index('operation_cases_case_idx').on(t.caseId)],
);
