import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { tstz } from './columns';

/**
 * Idempotency-Key header of create requests (src/server/idempotency): per user, the key names one created
 * record; `request_hash` is the keyed hash of what was asked (kind, target and body), so a retry of the same
 * request answers with `record_id` and the same key with other data is refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull().references(() => users.id),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    requestHash: text('request_hash').notNull(),
    recordId: text('record_id').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pkey', columns: [t.userId, t.key] })],
);
