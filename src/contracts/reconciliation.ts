import { z } from 'zod';
import { isoDate } from './common';

export const reconciliationQuery = z.object({
  /** The other institution. */
  institutionId: z.uuid(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ReconciliationQuery = z.infer<typeof reconciliationQuery>;

const caseRef = z.object({ id: z.uuid(), code: z.string() });
const side = z.object({ id: z.uuid(), name: z.string(), total: z.number().int(), matched: z.number().int() });

export const reconciliationView = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  /** The actor's own institution: its complaints with no counterpart in the other's records, by code. */
  ours: side.extend({ unmatched: z.array(caseRef) }),
  /** The other institution: counts, and codes only of the unmatched cases the actor may already see. */
  theirs: side.extend({ unmatchedCount: z.number().int(), unmatchedVisible: z.array(caseRef) }),
  matchedBy: z.object({ shared: z.number().int(), file_number: z.number().int(), person: z.number().int(), name_and_facts: z.number().int() }),
});
export type ReconciliationView = z.infer<typeof reconciliationView>;
