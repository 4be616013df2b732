import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { formatCaseCode } from '../../core/case-code';
import type { Tx } from '../../db/connect';
import { caseCodeSequences, cases } from '../../db/schema';

/**
 * The next `RETA-<year>-<nnnnnn>` for a registration at `at` (UTC year). The upsert takes the year's row
 * lock until the transaction ends, so concurrent registrations never share a number, and a rolled-back
 * registration gives its number back (codes of a year have no gaps). Because that row is the one every
 * registration of the year waits for, call this as late in the transaction as possible
 * (see assignCaseCode).
 */
export async function nextCaseCode(tx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const [row] = await tx
    .insert(caseCodeSequences)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: caseCodeSequences.year, set: { lastNumber: sql`${caseCodeSequences.lastNumber} + 1` } })
    .returning({ lastNumber: caseCodeSequences.lastNumber });
  return formatCaseCode(year, row!.lastNumber);
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
