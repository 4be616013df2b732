import { z } from 'zod';
import { statsQuery } from './stats';

/** One department's figure broken down by the provinces of its places of exploitation (the map's drill-down). */
export const provinceQuery = statsQuery.omit({ by: true, top: true, percentOf: true, decimals: true }).extend({
  department: z.string().regex(/^\d{2}$/, { message: 'invalid_value' }),
});
export type ProvinceQuery = z.output<typeof provinceQuery>;

const figure = z.object({ value: z.number().nullable(), display: z.string(), status: z.enum(['published', 'primary', 'secondary']) });
export const provinceResult = z.object({
  indicator: z.string(),
  department: z.string(),
  exact: z.boolean(),
  threshold: z.number().int().nullable(),
  /** `code`: the 4-digit province, or `unknown` for places given only by department. */
  items: z.array(figure.extend({ code: z.string() })),
  total: figure,
});
export type ProvinceResult = z.infer<typeof provinceResult>;
