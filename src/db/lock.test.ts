import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock';

describe('PGlite data directory lock', () => {
  it('refuses a second holder, naming the directory and the holder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reta-lock-'));
    const release = acquireDataDirLock(dir, 'reta serve');
    try {
      expect(() => acquireDataDirLock(dir, 'reta migrate')).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir, 'reta migrate')).toThrow(new RegExp(`${dir}.*process ${process.pid}.*reta serve`));
    } finally {
      release();
    }
    expect(existsSync(join(dir, 'reta.lock'))).toBe(false);
  });

  it('takes over a lock left behind by a process that no longer exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reta-lock-'));
    writeFileSync(join(dir, 'reta.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), command: 'crashed', since: '2026-01-01' }));
    const release = acquireDataDirLock(dir, 'reta serve');
    release();
  });
});
