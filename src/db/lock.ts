import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite lets only one process own a data directory, and a second one loses its writes silently.
 * The owner writes a lock file; anyone else refuses to start while that owner is alive.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `The database directory ${dataDir} is in use by ${holder}. ` +
        'Stop that process first, or use the running server through its API.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  since: string;
}

function isAlive(pid: number): boolean {
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

export function acquireDataDirLock(dataDir: string, command: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'reta.lock');
  const info: LockInfo = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return () => {
        if (existsSync(path)) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.host === info.host && !isAlive(holder.pid)) {
        unlinkSync(path); // left behind by a crash: the process is gone
        continue;
      }
      throw new DataDirLockedError(dataDir, holder ? describe(holder) : 'another process');
    }
  }
  throw new DataDirLockedError(dataDir, 'another process');
}

function readHolder(path: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}
