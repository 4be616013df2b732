/**
 * The one mechanism that keeps the statistics' fact tables true: `refreshCaseFacts(tx, caseIds)` recomputes
 * the facts of the given cases from their records, in the caller's transaction. Write paths do not call
 * it themselves: statement-level triggers on the records' tables (migration 0010, custom SQL) queue every
 * case a statement touches, and `refreshQueuedFacts` — run at the end of every `db.transaction` (see
 * facts.hook.ts) and before every statistics read — recomputes the queued cases. So registration, edits,
 * justice events, merges, transfers, identification status and removals are covered by construction,
 * including write paths added later.
 */
import { deriveCaseFacts } from '../../../core/stats/facts';
import type { Tx } from '../../../db/connect';
import type { StoredFramework } from '../../legal/legal.repository';
import { loadFactsInputs, loadFramework, lockCases, replaceFacts, takeAndLockQueuedCases } from './facts.repository';

const BATCH = 500;

export async function refreshCaseFacts(tx: Tx, caseIds: readonly string[], options: { lock?: boolean; cubes?: boolean } = {}): Promise<number> {
  const ids = [...new Set(caseIds)].sort();
  if (!ids.length) return 0;
  let framework: Promise<StoredFramework> | undefined;
  const frameworkOnce = () => (framework ??= loadFramework(tx));
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    if (options.lock !== false) await lockCases(tx, batch);
    const inputs = await loadFactsInputs(tx, batch, frameworkOnce);
    await replaceFacts(tx, batch, inputs.map(deriveCaseFacts), { cubes: options.cubes });
  }
  return ids.length;
}

/** Recomputes the cases queued by the triggers (this transaction's changes, and any left by a write outside one). */
export async function refreshQueuedFacts(tx: Tx): Promise<number> {
  // The queue is taken and its cases locked in one statement (all of them, in bucket order).
  return refreshCaseFacts(tx, await takeAndLockQueuedCases(tx), { lock: false });
}
