import { z } from 'zod';
import { dimensionIds } from '../core/stats/dimensions';
import { isoDate } from './common';

const dimension = z.enum(dimensionIds);
const filterValue = z.string().max(2000).transform((value) => value.split(',').map((v) => v.trim()).filter(Boolean)).pipe(z.array(z.string().min(1).max(80).regex(/^[^\u0000-\u001f]*$/, { message: 'invalid_value' })).max(100));

/** Filters: any dimension as a query parameter, comma-separated values (`?purpose=forced_labour,forced_begging`). */
const filterShape = Object.fromEntries(dimensionIds.map((id) => [id, filterValue.optional()])) as Record<(typeof dimensionIds)[number], z.ZodOptional<typeof filterValue>>;

const periodQuery = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...filterShape,
  /** Short for `registeringDepartment`. */
  department: filterValue.optional(),
};

export const statsQuery = z.object({
  indicator: z.string().min(1).max(60),
  by: z
    .string()
    .max(200)
    .transform((value) => value.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(dimension).max(2))
    .optional(),
  /** Keep the N largest rows (the published "top five" layout); the subtotal is shown with its share. */
  top: z.coerce.number().int().min(1).max(100).optional(),
  /** 1-D: `total` (default) or `top`; 2-D: `row` (default), `column` or `total`. */
  percentOf: z.enum(['total', 'row', 'column', 'top']).optional(),
  decimals: z.coerce.number().int().min(0).max(4).default(1),
  /** Ask for the disclosure-controlled version even when allowed exact counts (to preview publication). */
  suppress: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...periodQuery,
});
export type StatsQueryInput = z.input<typeof statsQuery>;
export type StatsQuery = z.output<typeof statsQuery>;

const cell = z.object({
  value: z.number().nullable(),
  display: z.string(),
  percent: z.string().nullable(),
  status: z.enum(['published', 'primary', 'secondary']),
});
const header = z.object({ key: z.string(), label: z.string().optional() });

export const statsResult = z.object({
  indicator: z.string(),
  unit: z.string(),
  measure: z.string(),
  by: z.array(z.string()),
  from: z.string().nullable(),
  to: z.string().nullable(),
  filters: z.record(z.string(), z.array(z.string())),
  exact: z.boolean(),
  threshold: z.number().int().nullable(),
  decimals: z.number().int(),
  definitionsVersion: z.string(),
  rows: z.array(header),
  columns: z.array(header),
  cells: z.array(z.array(cell)),
  totals: z.object({ rows: z.array(cell), columns: z.array(cell), grand: cell, top: cell.optional() }),
  percentBase: z.enum(['total', 'row', 'column', 'top']).nullable(),
  /** Codes the UI explains: `multi_select_overlap`, `distinct_persons_overlap`, `suppressed`, `median`. */
  notes: z.array(z.string()),
});
export type StatsResult = z.infer<typeof statsResult>;

export const indicatorView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  measure: z.string(),
  date: z.string(),
  dateDescription: z.string(),
  condition: z.string().nullable(),
  dimensions: z.array(z.string()),
  multi: z.array(z.string()),
  section: z.string(),
});
export const indicatorList = z.object({ definitionsVersion: z.string(), items: z.array(indicatorView), dimensions: z.array(z.object({ id: z.string(), name: z.string(), values: z.string() })) });

export const derivedQuery = z.object({ ...periodQuery, suppress: statsQuery.shape.suppress, sameDepartment: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), limit: z.coerce.number().int().min(1).max(200).default(20) });
export type DerivedQuery = z.output<typeof derivedQuery>;

export const routesResult = z.object({
  exact: z.boolean(),
  threshold: z.number().int().nullable(),
  items: z.array(z.object({ rank: z.number().int(), origin: z.string(), destination: z.string(), originLabel: z.string(), destinationLabel: z.string(), value: z.number().nullable(), display: z.string() })),
});

export const funnelResult = z.object({
  exact: z.boolean(),
  threshold: z.number().int().nullable(),
  steps: z.array(z.object({ step: z.string(), value: z.number().nullable(), display: z.string(), percentOfComplaints: z.string().nullable() })),
});

const duration = z.object({ medianDays: z.number().nullable(), cases: z.number().nullable(), display: z.string() });
export const durationsResult = z.object({
  exact: z.boolean(),
  threshold: z.number().int().nullable(),
  complaintToCharge: duration,
  complaintToFirstInstanceDecision: duration,
  registrationLagFromReport: duration,
  registrationLagFromFacts: duration,
  /** Open cases with no case or justice event for `staleDays` days. */
  staleCases: z.object({ value: z.number().int().nullable(), display: z.string() }),
  staleDays: z.number().int(),
});

export const publicTableNames = ['cases-by-year', 'victims-by-sex-age', 'victims-by-exploitation', 'victims-by-department'] as const;
export const publicTableParams = z.object({ table: z.enum(publicTableNames) });
/** `year` is required and must be a completed year in Peru; checked by stats.public.ts so the refusal names the field. */
export const publicTableQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });

export const occupancyQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), suppress: statsQuery.shape.suppress });
export const occupancyResult = z.object({
  from: z.string(),
  to: z.string(),
  exact: z.boolean(),
  threshold: z.number().int().nullable(),
  items: z.array(z.object({
    shelterId: z.string(), name: z.string(), departmentCode: z.string().nullable(), capacityBeds: z.number().int(), bedNights: z.number().int(),
    availableBedNights: z.number().int(), occupancyPercent: z.string().nullable(), stays: z.number().int().nullable(), staysDisplay: z.string(),
  })),
  totals: z.object({ capacityBeds: z.number().int(), bedNights: z.number().int(), availableBedNights: z.number().int(), occupancyPercent: z.string().nullable() }),
});

/** The 2017 chapter's prosecution table: per year, the defendants at each step (src/server/stats/stats.prosecution-table.ts). */
export const prosecutionTableColumns = ['investigations', 'prosecutions', 'convictions', 'acquittals', 'suspended', 'pending'] as const;
export const prosecutionTableQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), department: filterValue.optional(), suppress: statsQuery.shape.suppress });
export type ProsecutionTableQuery = z.output<typeof prosecutionTableQuery>;
export const prosecutionTableResult = z.object({
  exact: z.boolean(),
  threshold: z.number().int().nullable(),
  definitionsVersion: z.string(),
  columns: z.array(z.object({ id: z.enum(prosecutionTableColumns), indicator: z.string() })),
  rows: z.array(z.object({ year: z.string(), cells: z.array(cell) })),
});
export type ProsecutionTableResult = z.infer<typeof prosecutionTableResult>;
