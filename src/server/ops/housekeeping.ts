import type { AuthService } from '../auth/auth.service';
import type { Deps } from '../deps';
import { purgeIdempotencyKeysBefore } from '../idempotency/idempotency-key.repository';
import { purgeJobsFinishedBefore } from '../jobs/job.repository';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * How long an Idempotency-Key answers with the record it created: as long as a device may keep queued
 * work offline (RETA_OFFLINE_DAYS), and a day more, so a retry from the field is never a duplicate.
 */
export const idempotencyRetentionMs = (deps: Deps): number => (deps.config.offlineDays + 1) * DAY;

/**
 * Removes what has expired: sessions, sign-in challenges, quiet throttle counters, old idempotency keys, and
 * background jobs ended more than RETA_JOB_RESULT_DAYS ago (their report or export files, an import's upload).
 */
export async function runHousekeeping(deps: Deps, auth: AuthService, now: Date = new Date()): Promise<void> {
  await auth.purgeExpiredSessions(now);
  await purgeIdempotencyKeysBefore(deps.db, new Date(now.getTime() - idempotencyRetentionMs(deps)));
  await purgeJobsFinishedBefore(deps.db, new Date(now.getTime() - deps.config.jobResultDays * DAY));
}

/** Housekeeping once an hour while the server runs (and once shortly after start). Returns the stop function. */
export function startHousekeeping(deps: Deps, auth: AuthService, report: (error: unknown) => void): () => void {
  const run = () => { runHousekeeping(deps, auth).catch(report); };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, HOUR);
  first.unref();
  timer.unref();
  return () => { clearTimeout(first); clearInterval(timer); };
}
