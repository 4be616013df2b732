import { jobKinds, jobStages, type JobKind, type JobStart, type JobView } from '../../contracts/jobs';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, forbidden, notFound } from '../errors/app-error';
import { mayReadJob, mayStartJob } from '../policy';
import type { JobKindDefinition } from '../reports/report.jobs';
import { findJob, findJobSummary, insertJob, listJobsOf, requestCancel, type JobSummary } from './job.repository';

const DAY = 86_400_000;
const isJobKind = (kind: string): kind is JobKind => (jobKinds as readonly string[]).includes(kind);

/**
 * The reports' and exports' background jobs as their requester sees them: start one, follow it, cancel it,
 * download its file. A job is its requester's alone (policy: mayReadJob); anyone else is told it does not exist.
 */
export function createJobService(deps: Deps, kinds: Record<JobKind, JobKindDefinition>) {
  const retentionMs = deps.config.jobResultDays * DAY;

  function present(job: JobSummary): JobView {
    const kind = job.kind as JobKind;
    const params = job.params as { year?: number; format?: string; snapshotId?: string };
    const progress = job.progress as { step?: number; steps?: number; stage?: string };
    const steps = progress.steps ?? jobStages[kind]?.length ?? 0;
    const error = job.error as { code?: string } | null;
    return {
      id: job.id,
      kind: job.kind,
      status: job.status as JobView['status'],
      params: { year: params.year ?? ((job.result as { year?: number } | null)?.year ?? null), format: params.format ?? (kind === 'export.htcds' ? 'json' : null), snapshotId: params.snapshotId ?? null },
      progress: { step: job.status === 'done' ? steps : (progress.step ?? 0), steps, stage: progress.stage ?? null },
      result: (job.result ?? null) as Record<string, unknown> | null,
      error: error ? { code: error.code ?? 'job.failed' } : null,
      cancelRequested: job.cancelRequested === 1,
      fileName: job.resultFileName,
      fileBytes: job.fileBytes === null ? null : Number(job.fileBytes),
      createdAt: job.createdAt.toISOString(),
      startedAt: job.startedAt?.toISOString() ?? null,
      finishedAt: job.finishedAt?.toISOString() ?? null,
      expiresAt: job.finishedAt ? new Date(job.finishedAt.getTime() + retentionMs).toISOString() : null,
    };
  }

  async function start(ctx: Ctx, input: JobStart): Promise<JobView> {
    if (!mayStartJob(ctx.actor, input.kind)) throw forbidden();
    await kinds[input.kind].check(ctx, input);
    return deps.db.transaction(async (tx) => {
      const job = await insertJob(tx, { kind: input.kind, params: { ...input, locale: ctx.locale }, createdBy: ctx.actor.userId, institutionId: ctx.actor.institutionId });
      await writeAudit(tx, ctx, { action: 'job.queue', entityType: 'job', entityId: job.id, details: { ...input } });
      return present({ ...job, fileBytes: null });
    });
  }

  /** The job if `ctx` may see it; else 404, as for a job that does not exist. */
  async function load(ctx: Ctx, id: string): Promise<JobSummary> {
    const job = await findJobSummary(deps.db, id);
    if (!job || !isJobKind(job.kind) || !mayReadJob(ctx.actor, job)) throw notFound('job');
    return job;
  }

  const get = async (ctx: Ctx, id: string) => present(await load(ctx, id));

  async function list(ctx: Ctx, limit: number) {
    return { items: (await listJobsOf(deps.db, ctx.actor.userId, jobKinds, limit)).map(present) };
  }

  async function cancel(ctx: Ctx, id: string) {
    await load(ctx, id);
    await requestCancel(deps.db, id);
    return present((await findJobSummary(deps.db, id))!);
  }

  /**
   * The job's file. Every download is audited as a read (who, which job, which file, the stated reason):
   * the files hold record-level data (CTDC, HTCDS) or figures in the requester's scope.
   */
  async function download(ctx: Ctx, id: string) {
    await load(ctx, id);
    const job = (await findJob(deps.db, id))!;
    if (job.status !== 'done' || !job.resultFile) throw new AppError('job.no_result', 409);
    await deps.db.transaction((tx) =>
      writeAudit(tx, ctx, { action: 'job.download', entityType: 'job', entityId: job.id, reason: ctx.accessReason, details: { kind: job.kind, fileName: job.resultFileName, bytes: job.resultFile!.length } }),
    );
    return { body: job.resultFile, contentType: job.resultContentType ?? 'application/octet-stream', filename: job.resultFileName ?? `job-${job.id}` };
  }

  return { start, get, list, cancel, download };
}

export type JobService = ReturnType<typeof createJobService>;
