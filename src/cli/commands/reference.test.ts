import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { referenceFile } from '../../../test/reference-data';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/reta.js');
const INEI_CSV = referenceFile('ubigeo_distrito.csv');

function reta(dataDir: string, args: string[]) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const env = { ...rest, RETA_DATA_DIR: dataDir, RETA_KEY_FILE: `${dataDir}.key`, RETA_AUDIT_KEY_FILE: `${dataDir}.audit.key`, RETA_AUDIT_ANCHOR_DIR: `${dataDir}.anchors`, RETA_AUDIT_SIGNING_KEY_FILE: `${dataDir}.signing.key`, RETA_ADMIN_PASSWORD: 'Cli-Test-Password-2026' };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8', timeout: 150_000 });
  return { status: result.status, out: result.stdout + result.stderr };
}

// Real processes on an embedded data directory (seconds each): generous time limits.
describe('reta reference import ubigeo, then tampering seen by reta audit verify', { timeout: 400_000 }, () => {
  it('loads the INEI file, is safe to re-run, reports rejects (malformed files: see the API test); one changed audit byte fails verification', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reta-ref-'));
    const first = reta(dataDir, ['reference', 'import', 'ubigeo', INEI_CSV]);
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/Read 1893 rows/);
    expect(first.out).toMatch(/Provinces: 196 new, 0 updated, 0 unchanged/);
    expect(first.out).toMatch(/Districts: 1892 new/);
    expect(first.out).toMatch(/line \d+ \(NA\): invalid_code/);

    const again = reta(dataDir, ['reference', 'import', 'ubigeo', INEI_CSV]);
    expect(again.out).toMatch(/Districts: 0 new, 0 updated, 1892 unchanged/);

    expect(reta(dataDir, ['audit', 'verify']).status).toBe(0);
    // Someone with direct database access edits one byte of an audit row, bypassing the trigger.
    const pg = await PGlite.create({ dataDir });
    await pg.exec(`alter table audit_log disable trigger user;
      update audit_log set action = 'reference.ubigeo_imporT' where id = (select max(id) from audit_log);
      alter table audit_log enable trigger user;`);
    await pg.close();
    const verified = reta(dataDir, ['audit', 'verify']);
    expect(verified.status).toBe(1);
    expect(verified.out).toMatch(/BROKEN at entry \d+/);
  });
});
