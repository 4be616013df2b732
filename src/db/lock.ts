import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * PGlite lets only one process own a data directory, and a second one loses its writes silently.
 * The owner writes a lock file; anyone else refuses to start while that owner is alive.
 *
 * The lock records who wrote it precisely enough to tell a live owner from a stale file:
 * - pid and the process's start time (/proc/<pid>/stat, field 22): a pid alive with another start time
 *   is another process that reused the number;
 * - the kernel's boot id (/proc/sys/kernel/random/boot_id): a lock from an earlier boot of this machine
 *   is stale whatever its pid (this also covers a container restarted as PID 1);
 * - the host name: a lock from another host cannot be checked from here (a re-created container, or
 *   another machine sharing the directory) — then the error names `reta unlock`.
 * A lock file is created whole (written aside, then linked into place), so an empty or cut-short lock is
 * never one being written by this version; it is stale once it is older than a few seconds (an older
 * RETA writing in place takes far less than that).
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
    readonly recovery?: string,
  ) {
    super(`The database directory ${dataDir} is in use by ${holder}. ${recovery ?? 'Stop that process first, or use the running server through its API.'}`);
    this.name = 'DataDirLockedError';
  }
}

export interface LockInfo {
  pid: number;
  host: string;
  command: string;
  since: string;
  /** Start time of `pid` in clock ticks after boot (/proc/<pid>/stat); absent off Linux and in old locks. */
  startTime?: string;
  /** /proc/sys/kernel/random/boot_id when the lock was written; absent off Linux and in old locks. */
  bootId?: string;
}

/** How long an unreadable lock file is given before it counts as left behind. */
export const UNREADABLE_GRACE_MS = 5_000;
const LOCK_FILE = 'reta.lock';

/** Lock files this process holds (a second acquire from the same process is refused, as from any other). */
const heldHere = new Set<string>();

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export const currentBootId = (): string | undefined => readProc('/proc/sys/kernel/random/boot_id')?.trim() || undefined;

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
export function processStartTime(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19]; // fields[0] is field 3 (state)
}

/** Whether a process of this id exists on this machine (EPERM: it exists but belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describe(info: LockInfo): string {
  return `process ${info.pid} on ${info.host} ("${info.command}", since ${info.since})`;
}

export type LockVerdict =
  | { state: 'free' }
  /** A live process holds it: never removed. */
  | { state: 'held'; holder: LockInfo }
  /** Left behind; `reason` says how that is known. Removed on the next start. */
  | { state: 'stale'; holder?: LockInfo; reason: string }
  /** Cannot be decided from here: a start refuses and names `reta unlock`. */
  | { state: 'undecided'; holder?: LockInfo; reason: string };

function parse(text: string): LockInfo | undefined {
  try {
    const info = JSON.parse(text) as LockInfo;
    return Number.isInteger(info?.pid) && info.pid > 0 && typeof info.host === 'string' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Who holds the directory's lock, if anyone, and whether that holder is still there. */
export function inspectDataDirLock(dataDir: string): LockVerdict {
  return inspect(resolve(join(dataDir, LOCK_FILE))).verdict;
}

/** The verdict and the exact text it was reached on (removal checks the file still says that). */
function inspect(path: string): { verdict: LockVerdict; text?: string } {
  let text: string;
  let modified: number;
  try {
    text = readFileSync(path, 'utf8');
    modified = statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { verdict: { state: 'free' } };
    throw error;
  }
  const holder = parse(text);
  if (!holder) {
    if (Date.now() - modified < UNREADABLE_GRACE_MS) return { verdict: { state: 'undecided', reason: 'the lock file is being written right now' }, text };
    return { verdict: { state: 'stale', reason: text.replace(/\0/g, '').trim() ? 'the lock file is cut short or unreadable' : 'the lock file is empty' }, text };
  }
  return { verdict: judge(holder, path), text };
}

function judge(holder: LockInfo, path: string): LockVerdict {
  const bootId = currentBootId();
  if (holder.host !== hostname()) {
    // Same kernel, other host name: a container on this machine (re-created, or running beside us);
    // another kernel: another machine, or this one's container after a reboot. Neither is checkable.
    return { state: 'undecided', holder, reason: `it was written on host ${holder.host}, and this is ${hostname()}` };
  }
  if (holder.bootId && bootId && holder.bootId !== bootId) return { state: 'stale', holder, reason: 'it was written before this machine last started' };
  if (holder.pid === process.pid) {
    if (heldHere.has(path)) return { state: 'held', holder };
    return { state: 'stale', holder, reason: 'it carries this process\'s own pid (an earlier run, e.g. a container restarted as PID 1)' };
  }
  if (!isAlive(holder.pid)) return { state: 'stale', holder, reason: `process ${holder.pid} no longer exists` };
  const startTime = processStartTime(holder.pid);
  if (holder.startTime && startTime) {
    return holder.startTime === startTime ? { state: 'held', holder } : { state: 'stale', holder, reason: `process ${holder.pid} is another program that reused the number` };
  }
  if (!startTime) return { state: 'held', holder }; // no /proc here: a live pid is taken at its word
  return { state: 'undecided', holder, reason: `process ${holder.pid} is running, and the lock (from an older RETA) does not say whether it is the same one` };
}

const recoveryFor = (dataDir: string, verdict: LockVerdict & { reason: string }) =>
  `It cannot be checked from here (${verdict.reason}). If no RETA process uses ${dataDir} any more, remove the lock with: ` +
  `RETA_DATA_DIR=${dataDir} npx reta unlock — then start again.`;

/** Writes the lock whole or not at all: aside first, then linked into place (fails if a lock exists). */
function createLockFile(path: string, info: LockInfo): boolean {
  const aside = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(aside, JSON.stringify(info), { mode: 0o600 });
  try {
    linkSync(aside, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // A filesystem without hard links: create in place (exclusive), as before.
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return true;
    } catch (inPlace) {
      if ((inPlace as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inPlace;
    }
  } finally {
    unlinkSync(aside);
  }
}

/** Removes the lock only if it still is the one judged (another process may have replaced it since). */
function removeIfUnchanged(path: string, judged: string): boolean {
  if (readProc(path) !== judged) return false;
  unlinkSync(path);
  return true;
}

export function acquireDataDirLock(dataDir: string, command: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = resolve(join(dataDir, LOCK_FILE));
  const info: LockInfo = {
    pid: process.pid, host: hostname(), command, since: new Date().toISOString(), startTime: processStartTime(process.pid), bootId: currentBootId(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createLockFile(path, info)) {
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        if (existsSync(path)) unlinkSync(path);
      };
    }
    const { verdict, text } = inspect(path);
    if (verdict.state === 'free') continue;
    if (verdict.state === 'stale') {
      removeIfUnchanged(path, text!);
      continue;
    }
    if (verdict.state === 'held') throw new DataDirLockedError(dataDir, describe(verdict.holder));
    throw new DataDirLockedError(dataDir, verdict.holder ? describe(verdict.holder) : 'another process', recoveryFor(dataDir, verdict));
  }
  throw new DataDirLockedError(dataDir, 'another process');
}

export type UnlockResult = { removed: false; reason: string } | { removed: true; holder?: LockInfo; reason: string };

/**
 * `reta unlock`: removes the lock unless a live process that is provably its writer (same pid and start
 * time, this host, this boot) holds it. An older lock whose live pid cannot be matched needs `force`.
 */
export function unlockDataDir(dataDir: string, options: { force?: boolean } = {}): UnlockResult {
  const path = resolve(join(dataDir, LOCK_FILE));
  const { verdict, text } = inspect(path);
  if (verdict.state === 'free') return { removed: false, reason: `${dataDir} is not locked` };
  if (verdict.state === 'held') {
    return { removed: false, reason: `${describe(verdict.holder)} is running and holds ${dataDir}: stop it instead (SIGTERM closes the database cleanly)` };
  }
  if (verdict.state === 'undecided' && verdict.holder && verdict.holder.host === hostname() && !options.force) {
    return { removed: false, reason: `${verdict.reason}. If process ${verdict.holder.pid} is not RETA, run again with --force` };
  }
  if (verdict.state === 'undecided' && !verdict.holder && !options.force) {
    return { removed: false, reason: `${verdict.reason}: wait a few seconds and try again` };
  }
  if (!removeIfUnchanged(path, text!)) return { removed: false, reason: 'the lock changed while it was being checked: run again' };
  return { removed: true, holder: verdict.holder, reason: verdict.reason };
}
