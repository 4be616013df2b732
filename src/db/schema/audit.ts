import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * Append-only and hash-chained: each row carries the keyed hash of the previous one (see server/audit).
 * A row is written unsealed (`prev_hash` empty, `seq` null, `hash` a keyed hash of its content alone) and
 * chained shortly after commit by the sealer, the one update the database allows on this table.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tstz('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    institutionId: uuid('institution_id'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    reason: text('reason'),
    requestId: text('request_id'),
    ip: text('ip'),
    details: jsonb('details').notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** Position in the keyed (HMAC) chain, from 1; null on rows written before the chain was keyed. */
    seq: bigint('seq', { mode: 'number' }),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_actor_idx').on(t.actorId),
    uniqueIndex('audit_seq_idx').on(t.seq),
    /** The rows the sealer has still to chain (few at any time). */
    index('audit_unsealed_idx').on(t.id).where(sql`${t.prevHash} = ''`),
  ],
);
