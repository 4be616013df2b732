import { z } from 'zod';
import { statsQuery } from './stats';

const key = z.string().min(1).max(80).regex(/^[^\u0000-\u001f]*$/, { message: 'invalid_value' });

/**
 * The cases behind one figure of a statistics table: the same query as GET /api/v1/stats/query (indicator,
 * `by`, period, filters, `suppress`) and the cell — `row` (a key of the first dimension) and `column` (a
 * key of the second). Leaving one out means its total (the margin); leaving both out, the grand total.
 */
export const statsCasesQuery = statsQuery.omit({ top: true, percentOf: true, decimals: true }).extend({
  row: key.optional(),
  column: key.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type StatsCasesQueryInput = z.input<typeof statsCasesQuery>;
export type StatsCasesQuery = z.output<typeof statsCasesQuery>;

export const statsCasesResult = z.object({
  indicator: z.string(),
  /** The counting unit of the figure (victims, defendants…): `records` counts these per case. */
  unit: z.string(),
  /** The figure as the table shows it. */
  value: z.number().nullable(),
  display: z.string(),
  /** Cases behind the figure that the reader may open, at most `limit`. */
  cases: z.array(z.object({
    id: z.string(),
    code: z.string(),
    registeredAt: z.string(),
    departmentCode: z.string().nullable(),
    departmentName: z.string().nullable(),
    /** How many of the counted records (victims, defendants…) of this case are in the figure. */
    records: z.number().int(),
  })),
  truncated: z.boolean(),
});
export type StatsCasesResult = z.infer<typeof statsCasesResult>;
