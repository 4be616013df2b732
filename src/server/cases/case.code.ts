import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { CASE_CODE_PREFIX, formatCaseCode } from '../../core/case-code';
import type { Db, Tx } from '../../db/connect';
import { caseCodeSequences, cases } from '../../db/schema';
import { isUniqueViolation } from '../db-errors';

/** The unique constraint on `cases.code`: a violation means the year's sequence was behind the codes in use. */
export const CASE_CODE_CONSTRAINT = 'cases_code_unique';

/**
 * The next `RETA-<year>-<nnnnnn>` for a registration at `at` (UTC year). The upsert takes the year's row
 * lock until the transaction ends, so concurrent registrations never share a number, and a rolled-back
 * registration gives its number back (codes of a year have no gaps). Because that row is the one every
 * registration of the year waits for, call this as late in the transaction as possible
 * (see assignCaseCode).
 */
export async function nextCaseCode(tx: Tx, at: Date): Promise<string> {
  const [first] = await reserveCaseCodes(tx, at.getUTCFullYear(), 1);
  return first!;
}

/**
 * `count` consecutive codes of `year` from the same sequence, in one statement (bulk writers such as the
 * demo generator). Same row lock and roll-back behaviour as `nextCaseCode`: every writer of case codes goes
 * through this sequence, so a registration can never be handed a code a bulk writer already used.
 */
export async function reserveCaseCodes(tx: Tx, year: number, count: number): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1) return [];
  const [row] = await tx
    .insert(caseCodeSequences)
    .values({ year, lastNumber: count })
    .onConflictDoUpdate({ target: caseCodeSequences.year, set: { lastNumber: sql`${caseCodeSequences.lastNumber} + ${count}` } })
    .returning({ lastNumber: caseCodeSequences.lastNumber });
  const first = row!.lastNumber - count + 1;
  return Array.from({ length: count }, (_, i) => formatCaseCode(year, first + i));
}

/**
 * Moves the sequence of `year` past every code of that year already in `cases` (codes written without the
 * sequence, e.g. by a demo generated before it used it). Never moves a sequence back.
 */
export async function resyncCaseCodeSequence(db: Db | Tx, year: number): Promise<void> {
  const prefix = `${CASE_CODE_PREFIX}-${year}-`;
  await db.execute(sql`
    insert into case_code_sequences (year, last_number)
    select ${year}::int, coalesce(max(substring(code from ${`^${prefix}(\\d{1,9})$`})::int), 0) from cases where code like ${`${prefix}%`}
    on conflict (year) do update set last_number = greatest(case_code_sequences.last_number, excluded.last_number)`);
}

/**
 * Runs a registration (its own transaction) and, if its case code turned out to be taken, brings the
 * sequence past the codes in use and runs it again: the person registering never sees the clash. After
 * `attempts` clashes the unique violation is rethrown for the caller to answer with a clear conflict.
 */
export async function withCaseCodeRetry<T>(db: Db, run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isUniqueViolation(error, CASE_CODE_CONSTRAINT) || attempt >= attempts) throw error;
      await resyncCaseCodeSequence(db, new Date().getUTCFullYear());
    }
  }
}

/**
 * A unique stand-in for the code while the registration writes its people and places. It never leaves
 * the transaction: assignCaseCode replaces it before commit (other transactions never see the row).
 */
export const provisionalCaseCode = () => `RETA-PENDING-${randomUUID()}`;

/**
 * Gives the case registered in this transaction its real code: the year's number is taken here, at the
 * end, so its row lock is held for the last statements of the registration instead of all of them.
 */
export async function assignCaseCode(tx: Tx, caseId: string, at: Date): Promise<string> {
  const code = await nextCaseCode(tx, at);
  await tx.update(cases).set({ code }).where(eq(cases.id, caseId));
  return code;
}
