/**
 * `reta stats rebuild`: recomputes every case's facts from the records, in batches (one transaction and a
 * bounded number of rows in memory per batch), then drops fact rows of cases that no longer exist and
 * computes the cubes once from all the facts. Safe while the registry is in use: each batch takes the same
 * per-case locks as the write transactions, and writes running meanwhile keep applying their differences to
 * the cubes, which the last step recomputes anyway.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect';
import { caseIdsAfter, clearQueue, deleteOrphanFacts, dequeueCases, queuedCaseIds } from './facts.repository';
import { markWritesNoFacts } from './facts.hook';
import { refreshCaseFacts } from './facts.refresh';
import { cubesMissing, rebuildCubes } from '../cubes/cubes.repository';

export interface RebuildOptions {
  batch?: number;
  onProgress?: (cases: number) => void;
}

export async function rebuildFacts(db: Db, options: RebuildOptions = {}): Promise<{ cases: number }> {
  const batch = options.batch ?? 2000;
  // Every case is recomputed below: what the queue holds (committed by writes outside a transaction) is covered.
  await db.transaction((tx) => clearQueue(tx));
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const ids = await caseIdsAfter(db, after, batch);
    if (!ids.length) break;
    // No cube differences batch by batch: the cubes are computed once below, from all the facts.
    await db.transaction((tx) => refreshCaseFacts(tx, ids, { cubes: false }));
    total += ids.length;
    after = ids[ids.length - 1]!;
    options.onProgress?.(total);
  }
  await db.transaction((tx) => deleteOrphanFacts(tx));
  // Computed here once from all the facts, so a rebuild also mends any drift.
  await db.transaction((tx) => rebuildCubes(tx));
  return { cases: total };
}

/**
 * Brings the facts of queued cases up to date in batches, each in a transaction of its own that takes only its
 * cases (not the whole queue, as the end of an ordinary transaction does): a bulk load made outside the
 * registry (SQL, a restore) can queue every case, and one transaction refreshing them all would hold its
 * locks and memory for an hour at national scale. The cases leave the queue only at the end, so a crash
 * half-way leaves them queued for the next start.
 */
export async function catchUpQueuedFacts(db: Db, options: RebuildOptions = {}): Promise<{ cases: number }> {
  const batch = options.batch ?? 2000;
  const ids = await queuedCaseIds(db);
  for (let i = 0; i < ids.length; i += batch) {
    await db.transaction(async (tx) => {
      markWritesNoFacts(tx);
      await refreshCaseFacts(tx, ids.slice(i, i + batch));
    });
    options.onProgress?.(Math.min(ids.length, i + batch));
  }
  if (ids.length) await db.transaction(async (tx) => {
    markWritesNoFacts(tx);
    await dequeueCases(tx, ids);
  });
  return { cases: ids.length };
}

/**
 * At start-up, before anything else writes (an ordinary transaction would take the whole queue at its end):
 * a registry that has cases but no facts (upgraded to the release that introduced them, restored from a
 * backup made before, or bulk-loaded with SQL) gets them computed once; cases queued by writes made outside
 * the registry are caught up in batches; one with facts but no cubes (upgraded to the release that
 * introduced them) gets its cubes.
 */
export async function ensureFacts(db: Db, log: (message: string) => void = () => undefined): Promise<void> {
  const missing = (await db.execute(
    sql`select exists (select 1 from cases) and not exists (select 1 from stats_case_facts) as missing, exists (select 1 from stats_fact_queue) as queued`,
  )) as unknown as { rows: Array<{ missing: boolean; queued: boolean }> };
  if (missing.rows[0]?.missing) {
    log('Computing the statistics facts of the existing records (once)…');
    await rebuildFacts(db);
    return;
  }
  if (missing.rows[0]?.queued) {
    log('Bringing the statistics facts of records changed outside the registry up to date…');
    await catchUpQueuedFacts(db);
  }
  const noCubes = await db.transaction(async (tx) => {
    markWritesNoFacts(tx);
    return cubesMissing(tx);
  });
  if (noCubes) {
    log('Computing the statistics counts of the existing facts (once)…');
    await db.transaction((tx) => rebuildCubes(tx));
  }
}
