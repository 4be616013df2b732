import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isAlive, processStartTime } from '../../db/lock';

/**
 * Who runs a job, precisely enough to tell a dead worker from a slow one without waiting for its lease:
 * `<host>:<pid>:<start time of the pid>:<random>`. A worker on this host whose pid is gone, or now belongs
 * to a process started at another time (the number was reused), is dead — its job is resumed at once
 * instead of after the stale-heartbeat delay (which remains the rule for workers on other hosts).
 */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${processStartTime(process.pid) ?? '-'}:${randomBytes(3).toString('hex')}`;
}

/** True only when the worker certainly died: same host, and its process is gone or is another process. */
export function isDeadLocalWorker(workerId: string | null): boolean {
  if (!workerId) return false;
  const parts = workerId.split(':');
  if (parts.length < 4) return false; // an older id (host:pid:random): only its lease can tell
  const [host, pidText, startTime] = parts as [string, string, string];
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  if (!isAlive(pid)) return true;
  const now = processStartTime(pid);
  return startTime !== '-' && now !== undefined && now !== startTime;
}
