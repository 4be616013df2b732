import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from './columns';
import { users } from './accounts';

/**
 * A user's TOTP second factor (RFC 6238). The secret is encrypted with the data key (never readable from
 * the database alone). A new enrolment waits in `pendingSecretEncrypted` until its first code confirms it,
 * so re-enrolling never loses the working factor; `lastUsedStep` is the last 30-second step accepted, so
 * a code is never accepted twice.
 */
export const userSecondFactors = pgTable('user_second_factors', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  secretEncrypted: text('secret_encrypted'),
  pendingSecretEncrypted: text('pending_secret_encrypted'),
  confirmedAt: tstz('confirmed_at'),
  lastUsedStep: integer('last_used_step'),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/** One-time recovery codes: only a keyed hash is kept; `usedAt` is set once, atomically. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: tstz('used_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId, t.codeHash)],
);

/** The step between a checked password and the second factor: a short-lived token (sha-256 stored). */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    expiresAt: tstz('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('login_challenges_user_idx').on(t.userId)],
);

/**
 * Failed-sign-in counters that are not a known account: source addresses and unknown usernames (so an
 * unknown name is throttled exactly like a real one). `key` is a keyed hash; no name or address is kept.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull().default(0),
  lastAttemptAt: tstz('last_attempt_at').notNull().defaultNow(),
  blockedUntil: tstz('blocked_until'),
});
