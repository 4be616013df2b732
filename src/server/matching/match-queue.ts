import { asc, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect';
import { matchQueue, persons } from '../../db/schema';
import { proposeMatchesOf } from './matching.repository';
import { markWritesNoFacts } from '../stats/facts/facts.hook';

/** How many queued persons one drain transaction takes. */
const BATCH = 100;

/**
 * Queues persons for duplicate matching in the caller's transaction (one statement): a registration no
 * longer runs the matching inside its own transaction, so the matching's reads and candidate inserts never
 * lengthen the registration's locks. The queue row commits or rolls back with the persons.
 */
export async function enqueueMatches(tx: Tx, personIds: readonly string[], proposedBy: string | null): Promise<void> {
  if (!personIds.length) return;
  await tx.insert(matchQueue).values(personIds.map((personId) => ({ personId, proposedBy })));
}

/**
 * Runs the matching of queued persons until the queue is empty, a batch per transaction. Rows are taken with
 * `FOR UPDATE SKIP LOCKED`, so concurrent drains (other requests, other instances) share the work and never
 * run one person twice at once; a drain that fails leaves its rows queued for the next one. Because every
 * drain starts after the commit that queued its persons, two persons registered at the same time still see
 * each other: whichever is matched second finds the first.
 */
export async function drainMatchQueue(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const taken = await db.transaction(async (tx) => {
      markWritesNoFacts(tx);
      const rows = await tx.select().from(matchQueue).orderBy(asc(matchQueue.queuedAt)).limit(BATCH).for('update', { skipLocked: true });
      // The batch's persons in one query: a person with no blind index to match on costs no statement of its own.
      const people = rows.length ? new Map((await tx.select().from(persons).where(inArray(persons.id, rows.map((r) => r.personId)))).map((p) => [p.id, p])) : new Map();
      for (const row of rows) await proposeMatchesOf(tx, people.get(row.personId), row.proposedBy);
      if (rows.length) await tx.delete(matchQueue).where(inArray(matchQueue.id, rows.map((r) => r.id)));
      return rows.length;
    });
    done += taken;
    if (taken < BATCH) return done;
  }
}

/** Queued persons not yet matched (readiness and metrics). */
export async function matchQueueLength(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(matchQueue);
  return Number(row?.n ?? 0);
}

/** Per database: the drain running in this process, and the one follow-up drain queued behind it. */
const drains = new WeakMap<Db, { current?: Promise<number>; next?: Promise<number> }>();

/**
 * One drain at a time in this process: concurrent registrations no longer run drains side by side, which
 * inserted the same candidate pairs and waited on each other's transactions (measured: most lock waits under
 * parallel registration). A caller arriving while a drain runs shares ONE follow-up drain that starts after it,
 * so the persons it committed are matched by a drain that began after its commit. Other instances still
 * share the queue through SKIP LOCKED.
 */
export function drainMatchQueueOnce(db: Db): Promise<number> {
  let state = drains.get(db);
  if (!state) drains.set(db, (state = {}));
  const s = state;
  if (!s.current) {
    s.current = drainMatchQueue(db).finally(() => {
      s.current = undefined;
    });
    return s.current;
  }
  s.next ??= s.current
    .catch(() => 0)
    .then(() => {
      s.next = undefined;
      return drainMatchQueueOnce(db);
    });
  return s.next;
}

/**
 * After a commit that queued persons: runs the queue now, so the candidates exist when the request answers.
 * The registration is already committed, so a failing match run never turns it into an error: its rows stay
 * queued for the next drain (the next registration, or the server's next start).
 */
export async function matchAfterCommit(db: Db): Promise<void> {
  try {
    await drainMatchQueueOnce(db);
  } catch {
    // Left queued; see above.
  }
}
