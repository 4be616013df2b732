import { jobStages, type JobKind, type JobStart } from '../../contracts/jobs';
import type { StatsQuery } from '../../contracts/stats';
import type { Locale } from '../../i18n/translate';
import { loadActor } from '../auth/actor';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import type { JobRow } from '../jobs/job.repository';
import { JobFailed, type JobControl, type JobHandler } from '../jobs/job.runner';
import { mayStartJob } from '../policy';
import { renderAnnualFile } from './annual.files';
import { createExportService, type ExportFile } from './export.service';
import { createSnapshotService } from './snapshot.service';

/** What a report or export job stores as its parameters: what was asked, and in which language. */
export type ReportJobParams = JobStart & { locale: Locale };

export interface JobKindDefinition {
  /** Refuses at once what the job would refuse later (a future year, a snapshot the requester cannot read). */
  check(ctx: Ctx, input: JobStart): Promise<void>;
  handler: JobHandler;
}

/** A file's bytes as the synchronous route sends them (text as UTF-8, a document as JSON). */
const bytesOf = (body: ExportFile['body']): Buffer =>
  Buffer.isBuffer(body) ? body : typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(JSON.stringify(body), 'utf8');

/**
 * The annual report and the standard exports as background jobs: each runs the very builder of its
 * synchronous route (report.routes.ts), as the person who asked (their scope and permissions, re-read when
 * the job runs), reports a step as each part starts — a section of figures, a query, the file — and stops
 * there when cancelled.
 */
export function createReportJobKinds(deps: Deps, log?: (what: string, error: unknown) => void): Record<JobKind, JobKindDefinition> {
  const snapshots = createSnapshotService(deps, log);
  const exports = createExportService(deps);

  /** The requester's context, as of now: a user disabled or stripped of the permission since gets nothing. */
  async function contextOf(job: JobRow): Promise<{ ctx: Ctx; params: ReportJobParams }> {
    const params = job.params as unknown as ReportJobParams;
    const actor = job.createdBy ? await loadActor(deps.db, job.createdBy) : undefined;
    if (!actor) throw new JobFailed({ code: 'auth.unauthenticated' });
    if (!mayStartJob(actor, params.kind)) throw new JobFailed({ code: 'auth.forbidden' });
    return { ctx: { actor, requestId: `job:${job.id}`, locale: params.locale }, params };
  }

  /** Progress as `step` of the kind's `steps`, at the start of `stage`; throws JobStopped when cancelled. */
  const stepper = (kind: JobKind, control: JobControl, extra: Record<string, unknown> = {}) => async (stage: string) => {
    const stages: readonly string[] = jobStages[kind];
    await control.progress({ ...extra, stage, step: stages.indexOf(stage) + 1, steps: stages.length });
  };

  const fileOf = (made: ExportFile) => ({ data: bytesOf(made.body), name: made.filename, contentType: made.contentType });

  async function annualFile(ctx: Ctx, jobId: string, snapshotId: string, format: 'pdf' | 'xlsx' | 'docx') {
    const report = await snapshots.get(ctx, snapshotId);
    const file = await renderAnnualFile(report, format, ctx.locale, deps.config.demoMode);
    await exports.audit(ctx, { kind: 'annual_report', format, snapshotId: report.id, year: report.year, contentHash: report.contentHash, jobId });
    return { result: { snapshotId: report.id, year: report.year, contentHash: report.contentHash }, file: { data: file.body, name: file.filename, contentType: file.contentType } };
  }

  const nothingToCheck = async () => undefined;

  return {
    'report.annual': {
      async check(_ctx, input) {
        if (input.kind === 'report.annual' && input.year > new Date().getUTCFullYear()) throw new AppError('report.year_out_of_range', 400, undefined, { year: 'report.year_out_of_range' });
      },
      async handler(job, control) {
        const { ctx, params } = await contextOf(job);
        if (params.kind !== 'report.annual') throw new JobFailed({ code: 'job.kind_mismatch' });
        // Resumed after its process died with the snapshot already frozen: the file is made from that one.
        let snapshotId = (job.progress as { snapshotId?: string }).snapshotId;
        if (!snapshotId) {
          snapshotId = (await snapshots.create(ctx, { year: params.year, suppress: params.suppress }, stepper('report.annual', control))).id;
        }
        await stepper('report.annual', control, { snapshotId })('file');
        return annualFile(ctx, job.id, snapshotId, params.format);
      },
    },
    'report.annual_file': {
      async check(ctx, input) {
        if (input.kind === 'report.annual_file') await snapshots.get(ctx, input.snapshotId);
      },
      async handler(job, control) {
        const { ctx, params } = await contextOf(job);
        if (params.kind !== 'report.annual_file') throw new JobFailed({ code: 'job.kind_mismatch' });
        const step = stepper('report.annual_file', control);
        await step('load');
        await snapshots.get(ctx, params.snapshotId);
        await step('file');
        return annualFile(ctx, job.id, params.snapshotId, params.format);
      },
    },
    'export.table': {
      check: nothingToCheck,
      async handler(job, control) {
        const { ctx, params } = await contextOf(job);
        if (params.kind !== 'export.table') throw new JobFailed({ code: 'job.kind_mismatch' });
        return { file: fileOf(await exports.table(ctx, params.query as StatsQuery, params.format, stepper('export.table', control))) };
      },
    },
    'export.glotip': {
      check: nothingToCheck,
      async handler(job, control) {
        const { ctx, params } = await contextOf(job);
        if (params.kind !== 'export.glotip') throw new JobFailed({ code: 'job.kind_mismatch' });
        return { file: fileOf(await exports.glotip(ctx, params.year, params.format, stepper('export.glotip', control))) };
      },
    },
    'export.ctdc': {
      check: nothingToCheck,
      async handler(job, control) {
        const { ctx, params } = await contextOf(job);
        if (params.kind !== 'export.ctdc') throw new JobFailed({ code: 'job.kind_mismatch' });
        const made = await exports.ctdc(ctx, { year: params.year, k: params.k, format: params.format }, stepper('export.ctdc', control));
        return { result: { rows: made.rows }, file: fileOf(made) };
      },
    },
    'export.htcds': {
      check: nothingToCheck,
      async handler(job, control) {
        const { ctx, params } = await contextOf(job);
        if (params.kind !== 'export.htcds') throw new JobFailed({ code: 'job.kind_mismatch' });
        return { file: fileOf(await exports.htcds(ctx, params.year, stepper('export.htcds', control))) };
      },
    },
  };
}

/** The runner's handlers of these kinds. */
export const reportJobHandlers = (kinds: Record<JobKind, JobKindDefinition>): Record<JobKind, JobHandler> =>
  Object.fromEntries(Object.entries(kinds).map(([kind, definition]) => [kind, definition.handler])) as Record<JobKind, JobHandler>;
