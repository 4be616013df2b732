import { bigint, bigserial, boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { apiTokens, users } from './accounts';
import { tstz } from './columns';

/**
 * The change feed's transactional outbox. Rows are written by database triggers on the registry tables
 * (custom SQL at the end of the migration), so every write path — services, imports, the demo, a future
 * tool — lands here in the same transaction as the change itself. Ids only: never identifying data.
 */
export const changeLog = pgTable(
  'change_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** pg_current_xact_id() of the writing transaction; joins change_tx, which holds the commit order. */
    txid: bigint('txid', { mode: 'number' }).notNull(),
    /** `case`, `person`, `victim`, `suspect`, `place`, `justice_event`, `referral`, `hotline_call`, `operation`, `prevention_activity`. */
    entity: text('entity').notNull(),
    recordId: uuid('record_id').notNull(),
    /** The case the record belongs to (for scope of removed records, which no longer exist to be checked). */
    caseId: uuid('case_id'),
    externalId: text('external_id'),
    version: integer('version'),
    /** `created`, `updated`, `removed`. */
    kind: text('kind').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('change_log_txid_idx').on(t.txid, t.id)],
);

/**
 * One row per writing transaction. `seq` is assigned at commit by a deferred trigger holding the row lock of
 * change_clock until the commit is visible, so seq order IS commit order and no reader ever sees seq n+1
 * before seq n (the cursor never skips a late commit).
 */
export const changeTx = pgTable(
  'change_tx',
  {
    txid: bigint('txid', { mode: 'number' }).primaryKey(),
    seq: bigint('seq', { mode: 'number' }),
    committedAt: tstz('committed_at'),
  },
  (t) => [index('change_tx_seq_idx').on(t.seq)],
);

/** A single row: the last commit sequence number given. */
export const changeClock = pgTable('change_clock', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
});

/** A webhook of an API token: the token's own view of the change feed, pushed to a URL, signed. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull().default(1),
    tokenId: uuid('token_id').notNull().references(() => apiTokens.id),
    url: text('url').notNull(),
    /** The HMAC-SHA256 secret, AES-256-GCM ciphertext (shown once at creation). */
    secretEnc: text('secret_enc').notNull(),
    /** The feed position delivered so far (commit seq, change_log id). */
    cursorSeq: bigint('cursor_seq', { mode: 'number' }).notNull().default(0),
    cursorId: bigint('cursor_id', { mode: 'number' }).notNull().default(0),
    active: boolean('active').notNull().default(true),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    /** A worker holds the webhook until then (several instances never deliver the same batch at once). */
    leaseUntil: tstz('lease_until'),
    disabledAt: tstz('disabled_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhooks_token_idx').on(t.tokenId), index('webhooks_due_idx').on(t.active, t.nextAttemptAt)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id').notNull().references(() => webhooks.id),
    attemptedAt: tstz('attempted_at').notNull().defaultNow(),
    /** How many consecutive attempts of this batch, this one included. */
    attempt: integer('attempt').notNull(),
    changes: integer('changes').notNull(),
    ok: boolean('ok').notNull(),
    statusCode: integer('status_code'),
    /** A stable code (`http_status`, `timeout`, `network`), never a response body. */
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_deliveries_webhook_idx').on(t.webhookId, t.attemptedAt)],
);
