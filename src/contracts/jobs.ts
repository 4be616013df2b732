import { z } from 'zod';
import { exportTableQuery } from './reports';

const year = z.coerce.number().int().min(2000).max(2100);
export const annualFileFormats = ['pdf', 'xlsx', 'docx'] as const;
export const exportFileFormats = ['csv', 'xlsx', 'json'] as const;
const annualFormat = z.enum(annualFileFormats);
const exportFormat = z.enum(exportFileFormats);

/**
 * Long work run as a background job (src/server/jobs): the annual report (its figures frozen into a snapshot,
 * then the file), the file of a snapshot already frozen, and the standard exports. Each is what the
 * synchronous route of the same name builds, with the same parameters.
 */
export const jobStart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report.annual'), year, suppress: z.boolean().default(false), format: annualFormat }),
  z.object({ kind: z.literal('report.annual_file'), snapshotId: z.uuid(), format: annualFormat }),
  z.object({ kind: z.literal('export.table'), format: exportFormat, query: exportTableQuery }),
  z.object({ kind: z.literal('export.glotip'), year, format: exportFormat }),
  z.object({ kind: z.literal('export.ctdc'), year: year.optional(), k: z.coerce.number().int().min(2).max(50).default(5), format: exportFormat }),
  z.object({ kind: z.literal('export.htcds'), year }),
]);
export type JobStart = z.infer<typeof jobStart>;
/** What a client sends (a table export's `by` as `sex,age`, as the statistics query takes it). */
export type JobStartInput = z.input<typeof jobStart>;
export type JobKind = JobStart['kind'];
export const jobKinds = ['report.annual', 'report.annual_file', 'export.table', 'export.glotip', 'export.ctdc', 'export.htcds'] as const satisfies readonly JobKind[];

/**
 * The steps each kind really takes, in order (progress is `step` of `steps`, at the start of `stage`).
 * The annual report: one step per section of figures, the funnel and the routes, freezing the snapshot, the file.
 */
export const jobStages = {
  'report.annual': ['overview', 'prevention', 'prosecution', 'protection', 'funnel', 'routes', 'save', 'file'],
  'report.annual_file': ['load', 'file'],
  'export.table': ['query', 'file'],
  'export.glotip': ['victims', 'prosecuted', 'convicted', 'file'],
  'export.ctdc': ['victims', 'file'],
  'export.htcds': ['cases', 'file'],
} as const satisfies Record<JobKind, readonly string[]>;
export type JobStage = (typeof jobStages)[JobKind][number];

export const jobStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  /** What was asked, for the list (year, format, snapshot). */
  params: z.object({ year: z.number().nullable(), format: z.string().nullable(), snapshotId: z.string().nullable() }),
  progress: z.object({ step: z.number().int(), steps: z.number().int(), stage: z.string().nullable() }),
  /** What the job made besides its file (the annual report's snapshot and hash, rows exported). */
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ code: z.string() }).nullable(),
  cancelRequested: z.boolean(),
  fileName: z.string().nullable(),
  fileBytes: z.number().int().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** When housekeeping removes the job and its file (RETA_JOB_RESULT_DAYS after it ended). */
  expiresAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobView>;

export const jobParams = z.object({ id: z.uuid() });
export const jobListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export const jobList = z.object({ items: z.array(jobView) });

/** The result file of a job (not JSON: a plain link the browser downloads). */
export const jobResultPath = (id: string) => `/api/v1/jobs/${encodeURIComponent(id)}/result`;
