import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, currentBootId, DataDirLockedError, inspectDataDirLock, processStartTime, unlockDataDir, type LockInfo } from './lock';

const freshDir = () => mkdtempSync(join(tmpdir(), 'reta-lock-'));
const lockPath = (dir: string) => join(dir, 'reta.lock');
const writeLock = (dir: string, info: Partial<LockInfo>) =>
  writeFileSync(lockPath(dir), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), command: 'reta serve', since: '2026-01-01T00:00:00Z', ...info }));
/** Makes the lock file look written a minute ago. */
const age = (dir: string) => utimesSync(lockPath(dir), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
const refusal = (dir: string) => {
  try {
    acquireDataDirLock(dir, 'reta serve')();
  } catch (error) {
    expect(error).toBeInstanceOf(DataDirLockedError);
    return (error as Error).message;
  }
  throw new Error('the lock was taken');
};
const takes = (dir: string) => {
  const release = acquireDataDirLock(dir, 'reta serve');
  expect(JSON.parse(readFileSync(lockPath(dir), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
  release();
  expect(existsSync(lockPath(dir))).toBe(false);
};

const linux = existsSync('/proc/self/stat') && existsSync('/proc/sys/kernel/random/boot_id');

describe('PGlite data directory lock', () => {
  /** A live process that is not RETA: what a reused pid points at. */
  let other: ChildProcess;
  beforeAll(() => {
    other = spawn('sleep', ['120'], { stdio: 'ignore' });
  });
  afterAll(() => {
    other.kill();
  });

  it('refuses a second holder, naming the directory and the holder', () => {
    const dir = freshDir();
    const release = acquireDataDirLock(dir, 'reta serve');
    try {
      expect(() => acquireDataDirLock(dir, 'reta migrate')).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir, 'reta migrate')).toThrow(new RegExp(`${dir}.*process ${process.pid}.*reta serve`));
      expect(unlockDataDir(dir)).toMatchObject({ removed: false, reason: expect.stringContaining('is running and holds') });
      expect(existsSync(lockPath(dir))).toBe(true);
    } finally {
      release();
    }
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('takes over a lock left behind by a process that no longer exists', () => {
    const dir = freshDir();
    writeLock(dir, { command: 'crashed' });
    takes(dir);
  });

  it.runIf(linux)('records the start time and boot id of its process', () => {
    const dir = freshDir();
    const release = acquireDataDirLock(dir, 'reta serve');
    const info = JSON.parse(readFileSync(lockPath(dir), 'utf8')) as LockInfo;
    release();
    expect(info.startTime).toMatch(/^\d+$/);
    expect(info.startTime).toBe(processStartTime(process.pid));
    expect(info.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
  });

  it.runIf(linux)('takes over a lock whose pid now belongs to another process (other start time), and refuses the real owner', () => {
    const dir = freshDir();
    const realStart = processStartTime(other.pid!)!;
    writeLock(dir, { pid: other.pid, startTime: String(Number(realStart) - 1000), bootId: currentBootId() });
    expect(inspectDataDirLock(dir)).toMatchObject({ state: 'stale', reason: expect.stringContaining('reused') });
    takes(dir);

    // The same pid with its true start time is a live owner: refused, and `reta unlock` refuses too.
    writeLock(dir, { pid: other.pid, startTime: realStart, bootId: currentBootId() });
    expect(refusal(dir)).toContain(`is in use by process ${other.pid} on ${hostname()}`);
    expect(unlockDataDir(dir)).toMatchObject({ removed: false });
    expect(unlockDataDir(dir, { force: true })).toMatchObject({ removed: false });
    expect(existsSync(lockPath(dir))).toBe(true);
  });

  it.runIf(linux)('takes over a lock written before this machine last started, whatever its pid', () => {
    const dir = freshDir();
    writeLock(dir, { pid: other.pid, startTime: processStartTime(other.pid!), bootId: '00000000-0000-0000-0000-000000000000' });
    expect(inspectDataDirLock(dir)).toMatchObject({ state: 'stale', reason: expect.stringContaining('before this machine last started') });
    takes(dir);
  });

  it.runIf(linux)("takes over a lock carrying this process's own pid (a container restarted as PID 1)", () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.pid, startTime: '1', bootId: currentBootId() });
    expect(inspectDataDirLock(dir)).toMatchObject({ state: 'stale', reason: expect.stringContaining('own pid') });
    takes(dir);
  });

  it('refuses a lock written under another host name, naming `reta unlock`, which removes it', () => {
    const dir = freshDir();
    writeLock(dir, { host: 'a1b2c3d4e5f6', pid: process.pid });
    const message = refusal(dir);
    expect(message).toContain('in use by process');
    expect(message).toContain('written on host a1b2c3d4e5f6');
    expect(message).toContain(`RETA_DATA_DIR=${dir} npx reta unlock`);
    expect(unlockDataDir(dir)).toMatchObject({ removed: true, holder: { host: 'a1b2c3d4e5f6' } });
    takes(dir);
  });

  it('takes over an empty or cut-short lock file once it is a few seconds old, not while it may be being written', () => {
    const dir = freshDir();
    writeFileSync(lockPath(dir), '');
    expect(refusal(dir)).toContain('being written right now');
    expect(unlockDataDir(dir)).toMatchObject({ removed: false });
    age(dir);
    expect(inspectDataDirLock(dir)).toMatchObject({ state: 'stale', reason: 'the lock file is empty' });
    takes(dir);

    writeFileSync(lockPath(dir), '{"pid": 4242, "host": "re');
    age(dir);
    expect(inspectDataDirLock(dir)).toMatchObject({ state: 'stale', reason: expect.stringContaining('cut short') });
    takes(dir);

    writeFileSync(lockPath(dir), '\u0000\u0000\u0000');
    age(dir);
    takes(dir);
  });

  it.runIf(linux)('refuses a lock from an older RETA whose pid is running (cannot be matched); `reta unlock --force` removes it', () => {
    const dir = freshDir();
    writeLock(dir, { pid: other.pid }); // no start time, no boot id
    const message = refusal(dir);
    expect(message).toContain('does not say whether it is the same one');
    expect(message).toContain('npx reta unlock');
    expect(unlockDataDir(dir)).toMatchObject({ removed: false, reason: expect.stringContaining('--force') });
    expect(unlockDataDir(dir, { force: true })).toMatchObject({ removed: true });
    takes(dir);
    expect(unlockDataDir(dir)).toMatchObject({ removed: false, reason: expect.stringContaining('is not locked') });
  });
});
