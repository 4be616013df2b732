/**
 * `reta stats rebuild`: recomputes every case's facts from the records, in batches (one transaction and a
 * bounded number of rows in memory per batch), then drops fact rows of cases that no longer exist. Safe
 * while the registry is in use: each batch takes the same per-case locks as the write transactions.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect';
import { caseIdsAfter, clearQueue, deleteOrphanFacts } from './facts.repository';
import { refreshCaseFacts } from './facts.refresh';
import { cubesMissing, rebuildCubes } from '../cubes/cubes.repository';

export async function rebuildFacts(db: Db, options: { batch?: number; onProgress?: (cases: number) => void } = {}): Promise<{ cases: number }> {
  const batch = options.batch ?? 2000;
  // Every case is recomputed below: what the queue holds (committed by writes outside a transaction) is covered.
  await db.transaction((tx) => clearQueue(tx));
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const ids = await caseIdsAfter(db, after, batch);
    if (!ids.length) break;
    await db.transaction((tx) => refreshCaseFacts(tx, ids));
    total += ids.length;
    after = ids[ids.length - 1]!;
    options.onProgress?.(total);
  }
  await db.transaction((tx) => deleteOrphanFacts(tx));
  // Kept with the facts batch by batch; recomputed here from all of them, so a rebuild also mends any drift.
  await db.transaction((tx) => rebuildCubes(tx));
  return { cases: total };
}

/**
 * At start-up: a registry that has cases but no facts (upgraded to the release that introduced them, or
 * restored from a backup made before) gets them computed once, so its statistics are not silently empty;
 * one with facts but no cubes (upgraded to the release that introduced them) gets its cubes.
 */
export async function ensureFacts(db: Db, log: (message: string) => void = () => undefined): Promise<void> {
  const missing = (await db.execute(
    sql`select exists (select 1 from cases) and not exists (select 1 from stats_case_facts) as missing`,
  )) as unknown as { rows: Array<{ missing: boolean }> };
  if (missing.rows[0]?.missing) {
    log('Computing the statistics facts of the existing records (once)…');
    await rebuildFacts(db);
    return;
  }
  if (await db.transaction((tx) => cubesMissing(tx))) {
    log('Computing the statistics counts of the existing facts (once)…');
    await db.transaction((tx) => rebuildCubes(tx));
  }
}
