import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/reta.js');

function environment(dataDir: string, extra: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, RETA_DATA_DIR: dataDir, RETA_KEY_FILE: `${dataDir}.key`, RETA_AUDIT_KEY_FILE: `${dataDir}.audit.key`, RETA_AUDIT_ANCHOR_DIR: `${dataDir}.anchors`, RETA_AUDIT_SIGNING_KEY_FILE: `${dataDir}.signing.key`, RETA_ADMIN_PASSWORD: 'Cli-Test-Password-2026', ...extra };
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
    const reset = reta(dataDir, ['user', '2fa-reset', 'ana.analyst']);
    expect(reset.status).toBe(0);
    expect(reset.out).toMatch(/Second factor of ana.analyst reset/);
    expect(reta(dataDir, ['user', '2fa-reset', 'nobody']).status).toBe(1);
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

  it('names `reta unlock` for a lock it cannot check (written under another host name), and unlock removes it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reta-cli-'));
    writeFileSync(join(dataDir, 'reta.lock'), JSON.stringify({ pid: 1, host: 'old-container', command: 'reta serve', since: '2026-01-01T00:00:00Z' }));
    const refused = reta(dataDir, ['migrate']);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain('written on host old-container');
    expect(refused.out).toContain(`RETA_DATA_DIR=${dataDir} npx reta unlock`);
    const unlocked = reta(dataDir, ['unlock']);
    expect(unlocked.status).toBe(0);
    expect(unlocked.out).toContain('Removed the lock of process 1 on old-container');
    expect(existsSync(join(dataDir, 'reta.lock'))).toBe(false);
    const again = reta(dataDir, ['unlock']);
    expect(again.status).toBe(1);
    expect(again.out).toContain('is not locked');
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
    // `reta unlock` never removes the lock of the running server.
    const unlock = reta(dataDir, ['unlock']);
    expect(unlock.status).toBe(1);
    expect(unlock.out).toContain('is running and holds');
    expect(existsSync(join(dataDir, 'reta.lock'))).toBe(true);

    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'reta.lock'))).toBe(false);
    expect(reta(dataDir, ['audit', 'verify']).status).toBe(0);

    const backup = join(mkdtempSync(join(tmpdir(), 'reta-backup-')), 'reta.tar.gz');
    expect(reta(dataDir, ['backup', backup]).status).toBe(0);
    const restoredDir = join(mkdtempSync(join(tmpdir(), 'reta-restore-')), 'data');
    expect(reta(restoredDir, ['restore', backup]).status).toBe(0);
    // Without the audit key the restored log can be neither verified nor extended: start-up says so.
    const keyless = reta(restoredDir, ['audit', 'verify'], { RETA_KEY_FILE: `${dataDir}.key` });
    expect(keyless.status).toBe(1);
    expect(keyless.out).toMatch(/No audit key/);
    // Same keys as the original: the restored database opens, and its audit chain is intact, up to the
    // anchor the server wrote at start.
    const original = { RETA_KEY_FILE: `${dataDir}.key`, RETA_AUDIT_KEY_FILE: `${dataDir}.audit.key`, RETA_AUDIT_SIGNING_KEY_FILE: `${dataDir}.signing.key`, RETA_AUDIT_ANCHOR_DIR: `${dataDir}.anchors` };
    const verified = reta(restoredDir, ['audit', 'verify'], original);
    expect(verified.status).toBe(0);
    expect(verified.out).toMatch(/intact: .*checked against 1 anchor/);
  });
});
