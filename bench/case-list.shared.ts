/**
 * What the two case-list benches share (bench/case-list.ts through the HTTP server, bench/case-list-readonly.ts
 * through the service on read-only connections): timing at a concurrency, the statements the pg driver sends,
 * the two users' scopes picked from the database, and the hand-written queries a case's detail needs.
 */
import { asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../src/db/connect';
import { casePlaces, cases, caseSuspects, caseVictims, persons } from '../src/db/schema';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** `n` runs of `job` by `concurrency` callers at once: p50 and p99 in ms. */
export async function timed(n: number, concurrency: number, job: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < n) {
      const t = performance.now();
      await job();
      times.push(performance.now() - t);
    }
  }));
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

export interface SentStatement {
  text: string;
  values: unknown[];
}

/** Records every statement pg clients send (up to 10,000) into `sent` until `stop()`. */
export function recordStatements(): { sent: SentStatement[]; stop: () => void } {
  const sent: SentStatement[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text: string; values?: unknown[] };
    if (sent.length < 10_000) sent.push(typeof first === 'string' ? { text: first, values: (args[1] as unknown[]) ?? [] } : { text: first.text, values: first.values ?? (args[1] as unknown[]) ?? [] });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return { sent, stop: () => void (pg.Client.prototype.query = original) };
}

/** The police unit holding the most cases (the heaviest unit-scoped list) and an institution for a national analyst. */
export async function benchScopes(db: Db) {
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const [busiest] = await rows<{ unit_id: string; institution_id: string; department_code: string; n: number }>(sql`select c.unit_id, c.institution_id, u.department_code, count(*)::int as n
    from cases c join units u on u.id = c.unit_id join institutions i on i.id = c.institution_id where i.kind = 'police' group by 1, 2, 3 order by n desc limit 1`);
  const [national] = await rows<{ id: string }>(sql`select id from institutions order by (kind = 'other') desc limit 1`);
  return { busiest: busiest!, national: national! };
}

/** The hand-written queries that read the rows a case's detail shows: the detail's baseline. */
export async function rawCaseDetail(db: Db, id: string): Promise<void> {
  await db.select().from(cases).where(eq(cases.id, id));
  await db.select().from(caseVictims).innerJoin(persons, eq(persons.id, caseVictims.personId)).where(eq(caseVictims.caseId, id)).orderBy(asc(caseVictims.createdAt));
  await db.select().from(caseSuspects).innerJoin(persons, eq(persons.id, caseSuspects.personId)).where(eq(caseSuspects.caseId, id)).orderBy(asc(caseSuspects.createdAt));
  await db.select().from(casePlaces).where(eq(casePlaces.caseId, id));
}
