import type { Tx } from '../../db/connect';
import { createCaseBulk, type BulkResult } from '../cases/case.bulk';
import { withCaseCodeRetry } from '../cases/case.code';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import type { UpsertOutcome } from '../idempotency/upsert-by-external-id';
import { JobStopped } from '../jobs/job.runner';
import { matchAfterCommit } from '../matching/match-queue';
import type { EntityName } from './import.entities';

/** The entities an import writes in batches; the others go record by record through their services. */
export const batchedEntities = ['cases', 'victims', 'suspects'] as const satisfies readonly EntityName[];
export type BatchedEntity = (typeof batchedEntities)[number];
export const isBatched = (entity: EntityName): entity is BatchedEntity => (batchedEntities as readonly string[]).includes(entity);

export type RowOutcome = { outcome: UpsertOutcome; version?: number } | { refused: AppError };
export interface BatchRow {
  externalId: string;
  body: unknown;
}
/** The one-record upsert of a row (what PUT …/by-external-id does), for what a batch leaves to it. */
export type WriteOne = (row: BatchRow) => Promise<{ outcome: UpsertOutcome; view: unknown }>;

/**
 * Writes one batch of an import: the rows' upserts in ONE transaction (src/server/cases/case.bulk.ts), with the
 * import's progress checkpoint in the same transaction, so what the job says it did is exactly what committed.
 * Then, after the commit, what the batch left to the one-record upsert (updates, repeats, rows out of the
 * batch's reach), and one drain of the matching queue for the batch's new persons.
 *
 * A batch that fails as a whole (a concurrent writer took a number first, a constraint no check foresaw) rolls
 * back entirely and its rows are written one by one instead, each in its own transaction: a bad row is
 * refused on its own and never takes the others with it, and nothing is half-written.
 */
export function createImportBatches(deps: Deps) {
  const bulk = createCaseBulk(deps);

  async function writeOne(writeRow: WriteOne, row: BatchRow): Promise<RowOutcome> {
    try {
      const { outcome, view } = await writeRow(row);
      return { outcome, version: (view as { version?: number } | undefined)?.version };
    } catch (error) {
      if (error instanceof AppError) return { refused: error };
      throw error;
    }
  }

  async function inOneTransaction(tx: Tx, ctx: Ctx, entity: BatchedEntity, rows: readonly BatchRow[]): Promise<BulkResult[]> {
    if (entity === 'cases') return bulk.upsertCases(tx, ctx, rows as never);
    return bulk.upsertParties(tx, ctx, entity === 'victims' ? 'victim' : 'suspect', rows as never);
  }

  return async function writeBatch(ctx: Ctx, entity: BatchedEntity, rows: readonly BatchRow[], writeRow: WriteOne, checkpoint: (tx: Tx) => Promise<void>): Promise<RowOutcome[]> {
    let results: BulkResult[] | undefined;
    try {
      results = await withCaseCodeRetry(deps.db, () =>
        deps.db.transaction(async (tx) => {
          const written = await inOneTransaction(tx, ctx, entity, rows);
          await checkpoint(tx);
          return written;
        }),
      );
    } catch (error) {
      if (error instanceof JobStopped) throw error;
    }
    const outcomes: RowOutcome[] = [];
    for (const [i, result] of (results ?? rows.map((): BulkResult => ({ deferred: true }))).entries()) {
      if ('deferred' in result) outcomes.push(await writeOne(writeRow, rows[i]!));
      else outcomes.push(result);
    }
    // Written one by one: the checkpoint follows them.
    if (!results) await deps.db.transaction(checkpoint);
    if (entity !== 'cases') await matchAfterCommit(deps.db);
    return outcomes;
  };
}
