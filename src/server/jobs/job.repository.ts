import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { jobs } from '../../db/schema';

export type JobRow = typeof jobs.$inferSelect;
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface NewJob {
  kind: string;
  params?: Record<string, unknown>;
  input?: Buffer | null;
  createdBy?: string | null;
  institutionId?: string | null;
}

export async function insertJob(q: Tx, job: NewJob): Promise<JobRow> {
  const [row] = await q
    .insert(jobs)
    .values({ kind: job.kind, params: job.params ?? {}, input: job.input ?? null, inputBytes: job.input?.length ?? null, createdBy: job.createdBy ?? null, institutionId: job.institutionId ?? null })
    .returning();
  return row!;
}

export async function findJob(q: Tx, id: string): Promise<JobRow | undefined> {
  const [row] = await q.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row;
}

/** A job without its input and file (their size only): what a status or a list shows. */
const summaryColumns = {
  id: jobs.id, kind: jobs.kind, status: jobs.status, params: jobs.params, progress: jobs.progress, result: jobs.result, error: jobs.error,
  cancelRequested: jobs.cancelRequested, attempts: jobs.attempts, createdBy: jobs.createdBy, createdAt: jobs.createdAt, startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt, resultFileName: jobs.resultFileName, fileBytes: sql<number | null>`octet_length(${jobs.resultFile})`,
};
export type JobSummary = { [K in keyof typeof summaryColumns]: K extends 'fileBytes' ? number | null : JobRow[Exclude<K, 'fileBytes'>] };

export async function findJobSummary(q: Tx, id: string): Promise<JobSummary | undefined> {
  const [row] = await q.select(summaryColumns).from(jobs).where(eq(jobs.id, id)).limit(1);
  return row as JobSummary | undefined;
}

/** A user's most recent jobs of the given kinds, newest first. */
export async function listJobsOf(q: Tx, userId: string, kinds: readonly string[], limit: number): Promise<JobSummary[]> {
  const rows = await q.select(summaryColumns).from(jobs).where(and(eq(jobs.createdBy, userId), inArray(jobs.kind, [...kinds]))).orderBy(desc(jobs.createdAt), desc(jobs.id)).limit(limit);
  return rows as JobSummary[];
}

/** Removes jobs that ended before `before`, with their files and inputs (housekeeping); how many. */
export async function purgeJobsFinishedBefore(q: Tx, before: Date): Promise<number> {
  const rows = await q.delete(jobs).where(and(inArray(jobs.status, ['done', 'failed', 'cancelled']), lt(jobs.finishedAt, before))).returning({ id: jobs.id });
  return rows.length;
}

/** The running jobs of the given kinds and who runs them (to find those whose worker is known to be dead). */
export async function listRunningJobs(q: Tx, kinds: readonly string[]): Promise<Array<{ id: string; workerId: string | null }>> {
  if (kinds.length === 0) return [];
  return q.select({ id: jobs.id, workerId: jobs.workerId }).from(jobs).where(and(eq(jobs.status, 'running'), inArray(jobs.kind, [...kinds])));
}

/**
 * Takes the oldest job of the given kinds that is queued, or running under a heartbeat older than
 * `staleSeconds` (its process died: it is resumed), or running under one of `orphanIds` (jobs whose worker
 * is known to be dead: taken at once, without waiting for the lease). `FOR UPDATE SKIP LOCKED`: several
 * instances on one PostgreSQL never take the same job, and none waits for another's claim.
 */
export async function claimJob(q: Tx, kinds: readonly string[], workerId: string, staleSeconds: number, orphanIds: readonly string[] = []): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  const kindList = sql.join(kinds.map((k) => sql`${k}`), sql`, `);
  const orphans = orphanIds.length ? sql` or id in (${sql.join(orphanIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  const result = await q.execute(sql`
    update jobs set status = 'running', worker_id = ${workerId}, heartbeat_at = now(), started_at = coalesce(started_at, now()),
      attempts = attempts + 1, version = version + 1, updated_at = now()
    where id = (
      select id from jobs
      where kind in (${kindList})
        and (status = 'queued' or (status = 'running' and (heartbeat_at < now() - ${staleSeconds}::int * interval '1 second'${orphans})))
      order by created_at, id
      for update skip locked
      limit 1
    )
    returning id`);
  const rows = (result as unknown as { rows: Array<{ id: string }> }).rows;
  return rows[0] ? findJob(q, rows[0].id) : undefined;
}

/** The worker's heartbeat with its progress; false when the job is no longer this worker's (taken over, or gone). */
export async function beat(q: Tx, id: string, workerId: string, progress?: Record<string, unknown>): Promise<{ owned: boolean; cancelRequested: boolean }> {
  const rows = await q
    .update(jobs)
    .set({ heartbeatAt: new Date(), updatedAt: new Date(), ...(progress ? { progress } : {}) })
    .where(and(eq(jobs.id, id), eq(jobs.workerId, workerId), eq(jobs.status, 'running')))
    .returning({ cancel: jobs.cancelRequested });
  return { owned: rows.length === 1, cancelRequested: rows[0]?.cancel === 1 };
}

export interface JobOutcome {
  status: Exclude<JobStatus, 'queued' | 'running'>;
  result?: unknown;
  error?: unknown;
  file?: { data: Buffer; name: string; contentType: string };
}

/** Ends the job, only if it is still this worker's. */
export async function finishJob(q: Tx, id: string, workerId: string, outcome: JobOutcome): Promise<boolean> {
  const rows = await q
    .update(jobs)
    .set({
      status: outcome.status, result: (outcome.result ?? null) as never, error: (outcome.error ?? null) as never, finishedAt: new Date(), updatedAt: new Date(),
      version: sql`${jobs.version} + 1`,
      ...(outcome.file ? { resultFile: outcome.file.data, resultFileName: outcome.file.name, resultContentType: outcome.file.contentType } : {}),
    })
    .where(and(eq(jobs.id, id), eq(jobs.workerId, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** A queued job is cancelled at once; a running one is asked to stop (its worker checks at each beat). */
export async function requestCancel(q: Tx, id: string): Promise<JobRow | undefined> {
  await q.update(jobs).set({ status: 'cancelled', cancelRequested: 1, finishedAt: new Date(), updatedAt: new Date() }).where(and(eq(jobs.id, id), eq(jobs.status, 'queued')));
  await q.update(jobs).set({ cancelRequested: 1, updatedAt: new Date() }).where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
  return findJob(q, id);
}

/** Background jobs waiting and running, by kind (for /metrics): what the job queue holds right now. */
export async function countOpenJobs(q: Tx): Promise<Array<{ kind: string; status: 'queued' | 'running'; n: number }>> {
  const result = (await q.execute(sql`select kind, status, count(*)::int as n from jobs where status in ('queued', 'running') group by kind, status`)) as unknown as {
    rows: Array<{ kind: string; status: 'queued' | 'running'; n: number }>;
  };
  return result.rows.map((r) => ({ ...r, n: Number(r.n) }));
}
