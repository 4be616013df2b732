import type { Deps } from '../deps';
import { beat, claimJob, finishJob, listRunningJobs, type JobOutcome, type JobRow } from './job.repository';
import { isDeadLocalWorker, newWorkerId } from './job.worker';

/** Thrown inside a handler (by `control.checkpoint`) when the job must stop: cancelled, or taken over by another worker. */
export class JobStopped extends Error {
  constructor(readonly reason: 'cancelled' | 'lost') {
    super(`job ${reason}`);
  }
}

/** Thrown by a handler to end its job as failed with a payload of its own (e.g. an import's report). */
export class JobFailed extends Error {
  constructor(readonly payload: Record<string, unknown>) {
    super(String(payload.code ?? 'job.failed'));
  }
}

export interface JobControl {
  /** Stores progress and beats; throws JobStopped when the job was cancelled or is no longer this worker's. */
  progress(progress: Record<string, unknown>): Promise<void>;
  /** Lets the event loop turn, beats (at most every `heartbeatMs`) and throws JobStopped as `progress` does; cheap to call often (each row). */
  checkpoint(): Promise<void>;
}

/**
 * Lets the event loop turn (requests, timers, log writes). On PGlite's main thread a handler's queries resolve
 * as microtasks one after another: without a turn now and then, an import would hold every request of the
 * server, its heartbeat and its log until it ends.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Does the work of one kind of job; what it returns is stored on the job (result, a file to download). */
export type JobHandler = (job: JobRow, control: JobControl) => Promise<Omit<JobOutcome, 'status'>>;

export interface JobRunnerOptions {
  workerId?: string;
  pollMs?: number;
  /** A running job whose heartbeat is older than this is considered orphaned and resumed (a job whose worker died on this host is resumed at once: job.worker.ts). */
  staleSeconds?: number;
  heartbeatMs?: number;
  onError?(error: unknown, job: JobRow): void;
  /** Told each progress a handler stores (the server logs it: an operator follows a long import in the log). */
  onProgress?(job: JobRow, progress: Record<string, unknown>): void;
}

/**
 * Runs background jobs from the one `jobs` table: any number of runners (processes or instances) share it.
 * A handler must be safe to run again from the start (a job resumed after its process died runs again):
 * the import is, because every write is an upsert by the sender's external id.
 */
export function createJobRunner(deps: Deps, handlers: Record<string, JobHandler>, options: JobRunnerOptions = {}) {
  const workerId = options.workerId ?? newWorkerId();
  const pollMs = options.pollMs ?? 1000;
  const staleSeconds = options.staleSeconds ?? 60;
  const heartbeatMs = options.heartbeatMs ?? 5000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  let stopped = false;

  async function run(job: JobRow): Promise<void> {
    let lastBeat = Date.now();
    const control: JobControl = {
      async progress(progress) {
        await yieldToEventLoop();
        lastBeat = Date.now();
        const state = await beat(deps.db, job.id, workerId, progress);
        if (!state.owned) throw new JobStopped('lost');
        options.onProgress?.(job, progress);
        if (state.cancelRequested) throw new JobStopped('cancelled');
      },
      async checkpoint() {
        await yieldToEventLoop();
        if (Date.now() - lastBeat < heartbeatMs) return;
        lastBeat = Date.now();
        const state = await beat(deps.db, job.id, workerId);
        if (!state.owned) throw new JobStopped('lost');
        if (state.cancelRequested) throw new JobStopped('cancelled');
      },
    };
    // A handler deep in one long statement still beats, so it is not taken for dead.
    const keepAlive = setInterval(() => void beat(deps.db, job.id, workerId).catch(() => undefined), heartbeatMs);
    try {
      const outcome = await handlers[job.kind]!(job, control);
      await finishJob(deps.db, job.id, workerId, { status: 'done', ...outcome });
    } catch (error) {
      if (error instanceof JobStopped) {
        if (error.reason === 'cancelled') await finishJob(deps.db, job.id, workerId, { status: 'cancelled' });
        return;
      }
      if (error instanceof JobFailed) {
        await finishJob(deps.db, job.id, workerId, { status: 'failed', error: error.payload });
        return;
      }
      options.onError?.(error, job);
      const e = error as { code?: string; message?: string; fields?: unknown; params?: unknown };
      await finishJob(deps.db, job.id, workerId, { status: 'failed', error: { code: e?.code ?? 'job.failed', message: e?.message ?? String(error), fields: e?.fields ?? null, params: e?.params ?? null } });
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Claims and runs one job; false when there was none. A job of a worker that died on this host is taken at once. */
  async function runOnce(): Promise<boolean> {
    const kinds = Object.keys(handlers);
    const orphans = (await listRunningJobs(deps.db, kinds)).filter((j) => isDeadLocalWorker(j.workerId)).map((j) => j.id);
    const job = await claimJob(deps.db, kinds, workerId, staleSeconds, orphans);
    if (!job) return false;
    await run(job);
    return true;
  }

  /** Runs jobs until none is left (tests, the CLI). */
  async function drain(): Promise<number> {
    let n = 0;
    while (await runOnce()) n++;
    return n;
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().catch(() => false);
      void running.then((ran) => schedule(ran ? 0 : pollMs));
    }, delay);
    timer.unref?.();
  }

  return {
    workerId,
    runOnce,
    drain,
    start() {
      stopped = false;
      schedule(0);
    },
    /** Stops polling and waits for the job in hand (it is left running: another worker resumes it if we exit). */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
