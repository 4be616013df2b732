import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/reta.js');

function environment(dataDir: string, extra: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, RETA_DATA_DIR: dataDir, RETA_KEY_FILE: `${dataDir}.key`, RETA_ADMIN_PASSWORD: 'Cli-Test-Password-2026', ...extra };
}

function reta(dataDir: string, args: string[], extra?: Record<string, string>) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: environment(dataDir, extra), encoding: 'utf8', timeout: 150_000 });
  return { status: result.status, out: result.stdout + result.stderr };
}

// Each command is a real process that opens a PGlite directory (seconds each): generous time limits.
describe('reta CLI on an embedded database', { timeout: 400_000 }, () => {
  it('migrates, creates a user, verifies the audit chain', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reta-cli-'));
    expect(reta(dataDir, ['migrate']).out).toMatch(/up to date \(pglite\)/);
    const created = reta(dataDir, ['user', 'create', '--username', 'ana.analyst', '--institution', 'RETA', '--roles', 'analyst']);
    expect(created.status).toBe(0);
    expect(created.out).toMatch(/First password/);
    const bad = reta(dataDir, ['user', 'create', '--username', 'x', '--institution', 'RETA', '--roles', 'wizard']);
    expect(bad.status).toBe(1);
    // Reserved names are refused by the same contract as the admin API and the web app (issue 8).
    const reserved = reta(dataDir, ['user', 'create', '--username', 'system', '--institution', 'RETA', '--roles', 'registrar']);
    expect(reserved.status).toBe(1);
    expect(reserved.out).toMatch(/username_reserved|reserved|reservado/);
    const verified = reta(dataDir, ['audit', 'verify']);
    expect(verified.status).toBe(0);
    expect(verified.out).toMatch(/intact: \d+ entries/);
  });

  it('stops a second process from opening a directory the server holds, and the server shuts down cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reta-cli-'));
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const server = spawn(process.execPath, [bin, 'serve'], { cwd: root, env: environment(dataDir, { RETA_PORT: port, RETA_LOG_LEVEL: 'warn' }) });
    let output = '';
    server.stdout.on('data', (chunk) => (output += chunk));
    server.stderr.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 150_000);
      server.stdout.on('data', () => {
        if (output.includes('RETA is serving')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
    expect(health.database).toBe('pglite');

    const second = reta(dataDir, ['migrate']);
    expect(second.status).toBe(1);
    expect(second.out).toContain(`The database directory ${dataDir} is in use by process ${server.pid} `);
    expect(second.out).toContain("reta serve");

    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'reta.lock'))).toBe(false);
    expect(reta(dataDir, ['audit', 'verify']).status).toBe(0);

    const backup = join(mkdtempSync(join(tmpdir(), 'reta-backup-')), 'reta.tar.gz');
    expect(reta(dataDir, ['backup', backup]).status).toBe(0);
    const restoredDir = join(mkdtempSync(join(tmpdir(), 'reta-restore-')), 'data');
    expect(reta(restoredDir, ['restore', backup]).status).toBe(0);
    // Same key as the original: the restored database opens, and its audit chain is intact.
    const verified = reta(restoredDir, ['audit', 'verify'], { RETA_KEY_FILE: `${dataDir}.key` });
    expect(verified.status).toBe(0);
    expect(verified.out).toMatch(/intact/);
  });
});
