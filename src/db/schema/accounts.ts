import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from './columns';

export const institutions = pgTable('institutions', {
  ...recordColumns(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  parentId: uuid('parent_id'),
  ubigeo: text('ubigeo'),
});

export const units = pgTable(
  'units',
  {
    ...recordColumns(),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** UBIGEO of the unit's seat (2, 4 or 6 digits); its first two digits place it in a department. */
    ubigeo: text('ubigeo'),
    departmentCode: text('department_code'),
  },
  (t) => [index('units_institution_idx').on(t.institutionId), index('units_ubigeo_idx').on(t.ubigeo)],
);

export const users = pgTable(
  'users',
  {
    ...recordColumns(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    unitId: uuid('unit_id').references(() => units.id),
    roles: text('roles').array().notNull(),
    scopeNational: boolean('scope_national').notNull().default(false),
    scopeDepartments: text('scope_departments').array().notNull().default([]),
    isServiceAccount: boolean('is_service_account').notNull().default(false),
    disabledAt: tstz('disabled_at'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    /** When the last counted sign-in attempt was: a counter quiet for a day is forgotten. */
    lastLoginAttemptAt: tstz('last_login_attempt_at'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: tstz('password_changed_at'),
    locale: text('locale').notNull().default('es'),
  },
  (t) => [index('users_institution_idx').on(t.institutionId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha-256 of the cookie value: a stolen table does not yield usable sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: tstz('created_at').notNull().defaultNow(),
  revokedAt: tstz('revoked_at'),
  lastUsedAt: tstz('last_used_at'),
});

/** Small instance-wide facts: the encryption key check, the instance id, demo mode. */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});
