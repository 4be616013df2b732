import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { tstz } from './columns';

/** When a user last looked at one of the inboxes: rows that arrived later are marked new for that user. */
export const inboxReads = pgTable(
  'inbox_reads',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** `justice`, `referrals` or `hotline`. */
    inbox: text('inbox').notNull(),
    seenAt: tstz('seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.inbox] })],
);
