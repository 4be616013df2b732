import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { CASE_CODE_PREFIX, formatCaseCode } from '../../core/case-code';
import type { Db, Tx } from '../../db/connect';
import { caseCodeSequences, cases } from '../../db/schema';
import { isUniqueViolation } from '../db-errors';

/** The unique constraint on `cases.code`: a violation means the year's sequence was behind the codes in use. */
export const CASE_CODE_CONSTRAINT = 'cases_code_unique';

/**
 * Case numbers come from one PostgreSQL SEQUENCE per year (`case_code_<year>`). `nextval` holds no lock
 * until commit, so registrations never wait for each other's number (the row counter used before was the
 * one row every registration of the year queued on). The price, a product decision recorded in the README:
 * a number taken by a registration that then fails is not given back, so a year's codes can have gaps
 * (rare: the number is taken as the last step before the audit entries and the commit). Codes stay unique
 * (the unique constraint) and readable per year. `case_code_sequences` keeps, per year, the highest number
 * bulk writers (the demo generator) used, and is the floor a year's sequence starts above.
 */
const sequenceName = (year: number) => {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`not a case year: ${year}`);
  return `case_code_${year}`;
};

const ensured = new WeakMap<object, Set<number>>();
const ensuredFor = (db: Db | Tx) => {
  let years = ensured.get(db);
  if (!years) ensured.set(db, (years = new Set()));
  return years;
};

const SQLSTATE_UNDEFINED_TABLE = '42P01';
const SQLSTATE_DUPLICATE_TABLE = '42P07';
const codeOf = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code ?? e?.cause?.code;
};

/**
 * Creates the sequence of `year` if it does not exist yet (racing instances: the loser's duplicate error is
 * ignored) and brings it past every number already used. Outside a registration's transaction: once per
 * year and process.
 */
export async function ensureCaseCodeSequence(db: Db | Tx, year: number): Promise<void> {
  const years = ensuredFor(db);
  if (years.has(year)) return;
  try {
    await db.execute(sql.raw(`create sequence if not exists ${sequenceName(year)} as bigint minvalue 1`));
  } catch (error) {
    if (codeOf(error) !== SQLSTATE_DUPLICATE_TABLE && !isUniqueViolation(error)) throw error;
  }
  await resyncCaseCodeSequence(db, year);
  years.add(year);
}

/** The next `RETA-<year>-<nnnnnn>` for a registration at `at` (UTC year), from the year's sequence. */
export async function nextCaseCode(tx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const result = await tx.execute<{ n: string }>(sql.raw(`select nextval('${sequenceName(year)}') as n`));
  return formatCaseCode(year, Number(rowsOf<{ n: string }>(result)[0]!.n));
}

/**
 * The next `count` codes of the year of `at`, in order, from the year's sequence in one statement (a batch of
 * an import registers many cases in one transaction). Like nextCaseCode, taken last before the audit entries.
 */
export async function nextCaseCodes(tx: Tx, at: Date, count: number): Promise<string[]> {
  if (count < 1) return [];
  const year = at.getUTCFullYear();
  const result = await tx.execute<{ n: string }>(sql.raw(`select nextval('${sequenceName(year)}') as n from generate_series(1, ${Math.trunc(count)}) order by 1`));
  return rowsOf<{ n: string }>(result).map((r) => formatCaseCode(year, Number(r.n)));
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

/**
 * `count` codes of `year` from the same sequence, in one statement (bulk writers such as the demo
 * generator), recorded as the year's floor in `case_code_sequences` in the caller's transaction. Every
 * writer of case codes goes through the sequence, so a registration is never handed a code a bulk writer
 * used.
 */
export async function reserveCaseCodes(tx: Tx, year: number, count: number): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1) return [];
  await ensureCaseCodeSequence(tx, year);
  const result = await tx.execute(sql.raw(`select nextval('${sequenceName(year)}') as n from generate_series(1, ${count}) order by 1`));
  const numbers = rowsOf<{ n: string }>(result).map((r) => Number(r.n));
  const last = Math.max(...numbers);
  await tx
    .insert(caseCodeSequences)
    .values({ year, lastNumber: last })
    .onConflictDoUpdate({ target: caseCodeSequences.year, set: { lastNumber: sql`greatest(${caseCodeSequences.lastNumber}, ${last})` } });
  return numbers.map((n) => formatCaseCode(year, n));
}

/**
 * Moves the sequence of `year` past every number of that year already used: codes in `cases` (written
 * without the sequence, e.g. by a demo generated before it used it) and the recorded floor. Never moves a
 * sequence back.
 */
export async function resyncCaseCodeSequence(db: Db | Tx, year: number): Promise<void> {
  const name = sequenceName(year);
  const prefix = `${CASE_CODE_PREFIX}-${year}-`;
  await db.execute(sql`
    select setval(${name}::regclass, floor.n)
    from (select greatest(
      coalesce((select max(substring(code from ${`^${prefix}(\\d{1,9})$`})::bigint) from cases where code like ${`${prefix}%`}), 0),
      coalesce((select last_number from case_code_sequences where year = ${year}::int), 0)) as n) floor
    where floor.n > 0 and floor.n > (select case when is_called then last_value else 0 end from ${sql.raw(name)})`);
}

/**
 * Runs a registration (its own transaction) with the year's sequence in place, and if its case code turned
 * out to be taken, brings the sequence past the codes in use and runs it again: the person registering never
 * sees the clash. After `attempts` clashes the unique violation is rethrown for the caller to answer with a
 * clear conflict.
 */
export async function withCaseCodeRetry<T>(db: Db, run: () => Promise<T>, attempts = 3, now: () => Date = () => new Date()): Promise<T> {
  // The year of the registration's clock (the case service's; a test factory's may be in the past).
  const year = () => now().getUTCFullYear();
  await ensureCaseCodeSequence(db, year());
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const missing = codeOf(error) === SQLSTATE_UNDEFINED_TABLE; // a new year began, or the sequences were reset
      if ((!missing && !isUniqueViolation(error, CASE_CODE_CONSTRAINT)) || attempt >= attempts) throw error;
      ensuredFor(db).delete(year());
      if (missing) await ensureCaseCodeSequence(db, year());
      else await resyncCaseCodeSequence(db, year());
    }
  }
}

/**
 * Drops every year's sequence (the demo reset: regenerated cases are numbered from 1 again). A process that
 * had them finds them missing at its next registration and creates them again (withCaseCodeRetry).
 */
export async function dropCaseCodeSequences(tx: Tx): Promise<void> {
  const result = await tx.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'S' and n.nspname = current_schema() and c.relname ~ '^case_code_[0-9]{1,4}$'`);
  for (const { name } of rowsOf<{ name: string }>(result)) await tx.execute(sql.raw(`drop sequence if exists ${name}`));
  ensured.delete(tx);
}

/**
 * A unique stand-in for the code while the registration writes its people and places. It never leaves
 * the transaction: assignCaseCode replaces it before commit (other transactions never see the row).
 */
export const provisionalCaseCode = () => `RETA-PENDING-${randomUUID()}`;

/**
 * Gives the case registered in this transaction its real code, taken last (one statement) so that a
 * registration refused on the way leaves no gap.
 */
export async function assignCaseCode(tx: Tx, caseId: string, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const [row] = await tx
    .update(cases)
    .set({ code: sql`(select ${`${CASE_CODE_PREFIX}-${year}-`} || lpad(n::text, greatest(6, length(n::text)), '0') from (select nextval(${sequenceName(year)}::regclass) as n) s)` })
    .where(eq(cases.id, caseId))
    .returning({ code: cases.code });
  return row!.code;
}
