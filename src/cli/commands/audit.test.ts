import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/reta.js');

function reta(dataDir: string, args: string[]) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const env = {
    ...rest,
    RETA_DATA_DIR: dataDir,
    RETA_KEY_FILE: `${dataDir}.key`,
    RETA_AUDIT_KEY_FILE: `${dataDir}.audit.key`,
    RETA_AUDIT_SIGNING_KEY_FILE: `${dataDir}.signing.key`,
    RETA_AUDIT_ANCHOR_DIR: `${dataDir}.anchors`,
    RETA_ADMIN_PASSWORD: 'Cli-Test-Password-2026',
  };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8', timeout: 150_000 });
  return { status: result.status, stdout: result.stdout, out: result.stdout + result.stderr };
}

// Real processes on an embedded data directory (seconds each): generous time limits.
describe('reta audit anchor and verify --anchor', { timeout: 400_000 }, () => {
  it('prints a signed anchor, keeps the keys private, and detects entries cut from the end of the log', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reta-audit-'));
    const anchored = reta(dataDir, ['audit', 'anchor']);
    expect(anchored.status, anchored.out).toBe(0);
    const line = anchored.stdout.trim();
    const anchor = JSON.parse(line);
    expect(anchor).toMatchObject({ type: 'reta-audit-anchor', seq: expect.any(Number), head: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: expect.any(String), signature: expect.any(String) });
    expect(readFileSync(join(`${dataDir}.anchors`, 'anchors.jsonl'), 'utf8').trim()).toBe(line);
    for (const secret of [`${dataDir}.audit.key`, `${dataDir}.signing.key`]) expect(statSync(secret).mode & 0o777, secret).toBe(0o600);
    expect(existsSync(join(`${dataDir}.anchors`, `signing-key-${anchor.keyId}.pem`))).toBe(true);

    const intact = reta(dataDir, ['audit', 'verify']);
    expect(intact.status, intact.out).toBe(0);
    expect(intact.out).toMatch(/intact: .*checked against 1 anchor/);
    const forged = reta(dataDir, ['audit', 'verify', '--anchor', JSON.stringify({ ...anchor, seq: anchor.seq + 1 })]);
    expect(forged.status).toBe(1);
    expect(forged.out).toMatch(/signature .* does not hold/);

    // Someone with direct database access: TRUNCATE is refused; as the owner they cut the last entries anyway.
    const pg = await PGlite.create({ dataDir });
    await expect(pg.exec('truncate audit_log')).rejects.toThrow(/append-only/);
    await pg.exec(`alter table audit_log disable trigger user;
      delete from audit_log where id = (select max(id) from audit_log);
      alter table audit_log enable trigger user;`);
    await pg.close();

    for (const args of [['--anchor', line], []]) {
      const cut = reta(dataDir, ['audit', 'verify', ...args]);
      expect(cut.status, cut.out).toBe(1);
      expect(cut.out).toMatch(/BROKEN: the log ends before the position of an anchor/);
    }
  });
});
