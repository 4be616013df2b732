/**
 * Conditions of statistics decided by the pure rules (src/core) rather than by SQL, so a count and the
 * case-level flags shown on GET /api/v1/cases/:id/justice agree by construction. Convictions with a
 * sentence are few: every sentenced defendant is assessed, and the statistic's own SQL then applies
 * scope, period and filters to the ids returned.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { systemAssessDefendants } from '../justice/justice.assess';
import type { AssessedCondition } from './stats.sources';

/** Defendants whose standing sentence is below the governing minimum or suspended where the range forbids it (rule 4). */
async function sentencingFlagged(tx: Tx): Promise<string[]> {
  const cases = (await tx.execute(sql`select distinct case_id::text as id from justice_events where type = 'sentence'`)) as unknown as { rows: Array<{ id: string }> };
  const assessed = await systemAssessDefendants(tx, cases.rows.map((r) => r.id));
  return assessed.filter((d) => d.flags.belowMinimum || d.flags.suspendedNotAllowed).map((d) => d.suspectId);
}

/** Defendants charged or convicted under a lower tier than the recorded facts require (src/core/legal/aggravation.ts). */
async function aggravationOmitted(tx: Tx): Promise<string[]> {
  const cases = (await tx.execute(sql`select distinct e.case_id::text as id from justice_events e join justice_event_articles a on a.event_id = e.id`)) as unknown as { rows: Array<{ id: string }> };
  const ids = cases.rows.map((r) => r.id);
  const flagged: string[] = [];
  // In slices: one query's bind parameters stay far below PostgreSQL's 65 535 however many cases there are.
  for (let i = 0; i < ids.length; i += 2000) {
    const assessed = await systemAssessDefendants(tx, ids.slice(i, i + 2000));
    flagged.push(...assessed.filter((d) => d.aggravation.omitted).map((d) => d.suspectId));
  }
  return flagged;
}

export async function assessedIds(tx: Tx, condition: AssessedCondition): Promise<string[]> {
  switch (condition) {
    case 'sentencing':
      return sentencingFlagged(tx);
    case 'aggravation':
      return aggravationOmitted(tx);
  }
}
