import type { Deps } from '../deps';
import type { DemoSummary } from './generator';

export interface DemoResetJob {
  state: 'idle' | 'running' | 'succeeded' | 'failed';
  victimsDone: number;
  victimsTotal: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  rows: Record<string, number> | null;
  error: string | null;
}

/**
 * The reset from the web app runs in the background of this server process (a few seconds for the default
 * 3,000 victims, minutes for large demos); its progress lives here, one per registry. A server killed
 * during a reset leaves the database marked `generating`, which a new reset puts right.
 */
const jobs = new WeakMap<Deps, { job: DemoResetJob; done?: Promise<void> }>();

const idle = (): DemoResetJob => ({ state: 'idle', victimsDone: 0, victimsTotal: 0, startedAt: null, finishedAt: null, rows: null, error: null });

export function demoResetJob(deps: Deps): DemoResetJob {
  return { ...(jobs.get(deps)?.job ?? idle()) };
}

/** Starts `run` unless a reset is already running (then returns false). */
export function startDemoResetJob(deps: Deps, victimsTotal: number, run: (onProgress: (done: number) => void) => Promise<DemoSummary>, onFailure: (error: unknown) => void): boolean {
  if (jobs.get(deps)?.job.state === 'running') return false;
  const job: DemoResetJob = { ...idle(), state: 'running', victimsTotal, startedAt: new Date() };
  const entry: { job: DemoResetJob; done?: Promise<void> } = { job };
  jobs.set(deps, entry);
  entry.done = (async () => {
    try {
      const summary = await run((done) => (job.victimsDone = done));
      Object.assign(job, { state: 'succeeded', rows: summary.rows, finishedAt: new Date() });
    } catch (error) {
      Object.assign(job, { state: 'failed', error: 'demo.reset_failed', finishedAt: new Date() });
      onFailure(error);
    }
  })();
  return true;
}

/** Waits for the running reset, if any (tests, and a clean shutdown). */
export async function demoResetSettled(deps: Deps): Promise<void> {
  await jobs.get(deps)?.done;
}
