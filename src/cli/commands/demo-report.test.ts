import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/reta.js');

function reta(dir: string, args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { ...env, RETA_DATA_DIR: join(dir, 'data'), RETA_KEY_FILE: join(dir, 'key'), RETA_ADMIN_PASSWORD: 'Cli-Test-Password-2026' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

// The CLI runs on an embedded database of its own, whichever database the other tests use.
describe('reta demo, report and export on an embedded database', () => {
  it('generates training data, then writes the annual report and a k-anonymous extract', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reta-demo-'));
    const demo = reta(dir, ['demo', '--victims', '150', '--seed', '3', '--as-of', '2026-06-30', '--no-serve']);
    expect(demo.status, demo.out).toBe(0);
    expect(demo.out).toMatch(/case_victims 150/);
    expect(demo.out).toMatch(/demo-registrar/);
    // The demo accounts' password is made for this demo and printed once; none is known in advance.
    expect(demo.out).toMatch(/password: \S{12,} \(generated for this demo; shown only now\)/);
    expect(demo.out).not.toMatch(/Demo-Reta-2026!/);

    const report = reta(dir, ['report', 'annual', '--year', '2025']);
    expect(report.status, report.out).toBe(0);
    expect(report.out).toMatch(/content sha-256 [0-9a-f]{64}/);
    expect(readFileSync(join(dir, 'reta-annual-report-2025.pdf')).subarray(0, 4).toString()).toBe('%PDF');
    expect(existsSync(join(dir, 'reta-annual-report-2025.xlsx'))).toBe(true);

    const extract = reta(dir, ['export', 'ctdc', '--k', '5', '--out', 'ctdc.csv']);
    expect(extract.status, extract.out).toBe(0);
    const lines = readFileSync(join(dir, 'ctdc.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toMatch(/^yearOfRegistration,Datasource,gender,ageBroad/);
    expect(lines.length).toBeGreaterThan(50);
  }, 300_000);
});
