import { sql } from 'drizzle-orm';
import { formatCaseCode } from '../../core/case-code';
import type { Tx } from '../../db/connect';
import { caseCodeSequences } from '../../db/schema';

/**
 * The next `RETA-<year>-<nnnnnn>` for a registration at `at` (UTC year). The upsert takes the year's row
 * lock until the transaction ends, so concurrent registrations never share a number, and a rolled-back
 * registration gives its number back.
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
