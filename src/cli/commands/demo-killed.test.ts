import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/reta.js');

function environment(dir: string, extra: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, RETA_DEMO_PASSWORD: _chosen, ...env } = process.env;
  return { ...env, RETA_DATA_DIR: join(dir, 'data'), RETA_KEY_FILE: join(dir, 'key'), RETA_ADMIN_PASSWORD: 'Cli-Test-Password-2026', ...extra };
}

function reta(dir: string, args: string[], extra?: Record<string, string>) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: environment(dir, extra), encoding: 'utf8', timeout: 150_000 });
  return { status: result.status, out: result.stdout + result.stderr };
}

// Real processes on an embedded database of their own, one of them killed with SIGKILL part-way.
describe('reta demo killed part-way', () => {
  it('leaves a database marked as demo: `reta demo` says what to do, `reta demo --reset` generates it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reta-demo-killed-'));
    const child = spawn(process.execPath, [bin, 'demo', '--victims', '40000', '--seed', '3', '--no-serve'], { cwd: dir, env: environment(dir) });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // The first progress line comes after the first batch is committed: cases are in, the rest is not.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress: ${output}`)), 150_000);
      const check = () => {
        if (/victims .*\d+\/40000/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stderr.on('data', check);
      child.stdout.on('data', check);
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toMatch(/Synthetic training data/);

    const again = reta(dir, ['demo', '--victims', '40', '--no-serve']);
    expect(again.status, again.out).toBe(1);
    expect(again.out).toMatch(/interrupted before it finished/);
    expect(again.out).toMatch(/reta demo --reset/);

    const reset = reta(dir, ['demo', '--reset', '--victims', '40', '--seed', '3', '--no-serve'], { RETA_DEMO_PASSWORD: 'Chosen-For-Training-2026' });
    expect(reset.status, reset.out).toBe(0);
    expect(reset.out).toMatch(/case_victims 40\b/);
    expect(reset.out).toMatch(/password: Chosen-For-Training-2026 \(RETA_DEMO_PASSWORD\)/);

    // Complete now: a plain `reta demo` keeps it and does not print a password it no longer knows.
    const kept = reta(dir, ['demo', '--no-serve']);
    expect(kept.status, kept.out).toBe(0);
    expect(kept.out).toMatch(/already holds synthetic training data/);
    expect(kept.out).not.toMatch(/Chosen-For-Training-2026/);
    expect(reta(dir, ['audit', 'verify']).status).toBe(0);
  }, 400_000);
});
