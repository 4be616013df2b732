import { z } from 'zod';
import { statsQuery, statsResult } from './stats';

/** `GET /api/v1/system/info` (public): lets the web app mark training data and say what it runs on. */
export const systemInfo = z.object({
  demoMode: z.boolean(),
  version: z.string(),
  databaseKind: z.enum(['pglite', 'postgres']),
});

const year = z.coerce.number().int().min(2000).max(2100);

export const annualCreate = z.object({
  year,
  /** Publish disclosure-controlled figures (counts 1–9 hidden) instead of exact ones. */
  suppress: z.boolean().default(false),
});
export type AnnualCreate = z.infer<typeof annualCreate>;

const figure = z.object({
  indicator: z.string(),
  measure: z.string(),
  current: z.number().nullable(),
  previous: z.number().nullable(),
  currentDisplay: z.string(),
  previousDisplay: z.string(),
  change: z.number().nullable(),
  /** Relative change in percent, one decimal, as text (`+12.5`); null when the previous year is 0 or hidden. */
  changePercent: z.string().nullable(),
  available: z.boolean(),
});
export type AnnualFigure = z.infer<typeof figure>;

const reportTable = z.object({
  id: z.string(),
  indicator: z.string(),
  by: z.array(z.string()),
  /** Rows of the current year: key, label, value and display; the previous year's value beside it. */
  rows: z.array(z.object({ key: z.string(), label: z.string(), current: z.number().nullable(), currentDisplay: z.string(), previous: z.number().nullable(), previousDisplay: z.string() })),
  available: z.boolean(),
});
export type AnnualTable = z.infer<typeof reportTable>;

export const annualSectionIds = ['overview', 'prevention', 'prosecution', 'protection'] as const;

export const annualContent = z.object({
  kind: z.literal('annual'),
  year: z.number().int(),
  previousYear: z.number().int(),
  period: z.object({ from: z.string(), to: z.string() }),
  previousPeriod: z.object({ from: z.string(), to: z.string() }),
  definitionsVersion: z.string(),
  exact: z.boolean(),
  threshold: z.number().int().nullable(),
  /** Whose scope the figures cover (absent on snapshots made before scopes were recorded: national). */
  scope: z.object({ national: z.boolean(), departments: z.array(z.string()), institutionId: z.string().nullable() }).optional(),
  sections: z.array(z.object({ id: z.enum(annualSectionIds), figures: z.array(figure), tables: z.array(reportTable) })),
  funnel: z.array(z.object({ stage: z.string(), current: z.number().nullable(), previous: z.number().nullable() })),
  routes: z.array(z.object({ origin: z.string(), destination: z.string(), originLabel: z.string(), destinationLabel: z.string(), value: z.number().nullable(), display: z.string() })),
});
export type AnnualContent = z.infer<typeof annualContent>;

export const snapshotSummary = z.object({
  id: z.uuid(),
  kind: z.string(),
  year: z.number().int(),
  period: z.string(),
  definitionsVersion: z.string(),
  contentHash: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export const snapshotList = z.object({ items: z.array(snapshotSummary) });
export const annualReportView = snapshotSummary.extend({ content: annualContent, hashVerified: z.boolean() });
export type AnnualReportView = z.infer<typeof annualReportView>;

export const snapshotParams = z.object({ snapshotId: z.uuid() });
export const snapshotListQuery = z.object({ year: year.optional() });

/** Any statistics table as a file: the same query as `GET /api/v1/stats/query`. */
export const exportTableQuery = statsQuery;
export const exportYearQuery = z.object({ year });

export const ctdcExtractQuery = z.object({
  year: year.optional(),
  /** Each combination of quasi-identifiers appears at least k times in the extract. */
  k: z.coerce.number().int().min(2).max(50).default(5),
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
});
export type CtdcExtractQuery = z.infer<typeof ctdcExtractQuery>;

export { statsResult };
