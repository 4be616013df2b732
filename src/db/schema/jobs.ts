// Background jobs (src/server/jobs) and what imports keep between runs (src/server/imports).
import { bigint, customType, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institutions, users } from './accounts';
import { recordColumns, tstz } from './columns';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * One table of background work for every instance: a worker claims a `queued` job (or a `running` one whose
 * heartbeat stopped: its process died) with `FOR UPDATE SKIP LOCKED`, beats while it works, stores progress,
 * and ends it `done` (with a result to download), `failed` or `cancelled`. `input` keeps what the job needs to
 * start again from the beginning (an uploaded file), so a job of a killed process is resumed by another.
 */
export const jobs = pgTable(
  'jobs',
  {
    ...recordColumns(),
    kind: text('kind').notNull(),
    /** `queued`, `running`, `done`, `failed`, `cancelled`. */
    status: text('status').notNull().default('queued'),
    params: jsonb('params').notNull().default({}),
    input: bytea('input'),
    progress: jsonb('progress').notNull().default({}),
    result: jsonb('result'),
    resultFile: bytea('result_file'),
    resultFileName: text('result_file_name'),
    resultContentType: text('result_content_type'),
    error: jsonb('error'),
    cancelRequested: integer('cancel_requested').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    /** Who claimed it last (host:pid:random), for the logs; the heartbeat decides whether it is alive. */
    workerId: text('worker_id'),
    heartbeatAt: tstz('heartbeat_at'),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    createdBy: uuid('created_by').references(() => users.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    inputBytes: bigint('input_bytes', { mode: 'number' }),
  },
  (t) => [index('jobs_status_idx').on(t.status, t.createdAt), index('jobs_created_by_idx').on(t.createdBy, t.createdAt)],
);

/** A legacy spreadsheet's column names mapped once to the template's, per institution, reused by name. */
export const importMappings = pgTable(
  'import_mappings',
  {
    ...recordColumns(),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    name: text('name').notNull(),
    /** { sheet: { "legacy column": "template column" } } */
    mapping: jsonb('mapping').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    lastUsedAt: tstz('last_used_at'),
  },
  (t) => [uniqueIndex('import_mappings_name_idx').on(t.institutionId, t.name)],
);
