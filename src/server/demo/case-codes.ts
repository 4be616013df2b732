import type { Tx } from '../../db/connect';
import { reserveCaseCodes } from '../cases/case.code';
import type { CaseBatch } from './case-batch';

/**
 * Gives the batch's cases their codes from the same per-year sequence registration uses, in the batch's
 * order (so the same seed gives the same codes on a fresh database). Done inside the batch's transaction:
 * the sequence and the cases it numbered are committed together, so they can never disagree.
 */
export async function assignCaseCodes(tx: Tx, batch: CaseBatch): Promise<void> {
  const byYear = new Map<number, number[]>();
  batch.cases.forEach((row, index) => {
    const year = (row.registeredAt as Date).getUTCFullYear();
    const indexes = byYear.get(year) ?? [];
    indexes.push(index);
    byYear.set(year, indexes);
  });
  const codeOf = new Map<string, string>();
  for (const [year, indexes] of [...byYear].sort(([a], [b]) => a - b)) {
    const codes = await reserveCaseCodes(tx, year, indexes.length);
    indexes.forEach((index, i) => {
      const row = batch.cases[index]!;
      row.code = codes[i]!;
      codeOf.set(row.id!, row.code);
    });
  }
  for (const fact of batch.facts) fact.code = codeOf.get(fact.caseId) ?? fact.code;
}
