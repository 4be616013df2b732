/**
 * Installs the facts refresh at the end of every transaction of a database handle: the work runs, then
 * the cases its statements queued get their facts recomputed, then the transaction commits — so a figure
 * read after a write includes it, and a rolled-back write leaves no fact behind. Installed once by
 * createDeps (src/server/deps.ts); nested transactions (savepoints) are covered by the outer one.
 */
import type { Db } from '../../../db/connect';
import { refreshQueuedFacts } from './facts.refresh';

const installed = new WeakSet<object>();
/** Transactions that write nothing to the records (statistics reads): nothing to refresh at their end. */
const readOnly = new WeakSet<object>();
export const markStatisticsRead = (tx: object) => void readOnly.add(tx);
/**
 * Transactions that write only tables no fact derives from (no facts trigger: the match queue and candidates,
 * the audit log's seal), run after each registration: their refresh would take an empty queue (one statement
 * each). Anything a write outside a transaction queued meanwhile is taken by the next write transaction or
 * statistics read, which drains the queue first.
 */
export const markWritesNoFacts = (tx: object) => void readOnly.add(tx);

export function keepFactsInTransactions(db: Db): Db {
  if (installed.has(db)) return db;
  installed.add(db);
  const original = db.transaction.bind(db);
  const transaction: Db['transaction'] = (work, config) =>
    original(async (tx) => {
      const result = await work(tx);
      if (!readOnly.has(tx)) await refreshQueuedFacts(tx);
      return result;
    }, config);
  Object.defineProperty(db, 'transaction', { value: transaction, configurable: true, writable: true });
  return db;
}
