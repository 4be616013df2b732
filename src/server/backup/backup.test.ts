import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/api-client';
import { makeUser, TEST_PASSWORD, type MadeUser } from '../../../test/factories';
import { createTestRegistry, testDriver, type TestRegistry } from '../../../test/registry';
import { adminUrl } from '../../../test/template';
import { openDatabase, type Database } from '../../db/connect';
import { buildApp } from '../app';
import { verifyAuditChain } from '../audit/audit.verify';
import { prepareRegistry } from '../bootstrap';

let registry: TestRegistry;
let administrator: MadeUser;
let registrar: MadeUser;
let analyst: MadeUser;
const backupDir = mkdtempSync(join(tmpdir(), 'reta-backups-'));

beforeAll(async () => {
  registry = await createTestRegistry({ backupDir, backupKeep: 2 });
  administrator = await makeUser(registry, { roles: ['administrator'] });
  registrar = await makeUser(registry, { roles: ['registrar'] });
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
});
afterAll(() => registry.close());

const register = (i: number) =>
  registrar.client.post('/api/v1/cases', {
    source: 'complaint', reportedOn: '2026-02-01', purposes: ['sexual_exploitation'],
    victims: [{ person: { sex: i % 2 ? 'female' : 'male', birthYear: 2000 + (i % 9) }, ageYears: 20 + (i % 30) }, { person: { sex: 'female' } }],
  });

/** What an analyst reads: the figures that must come back identical from a backup. */
async function figures(client: MadeUser['client']) {
  const read = async (query: string) => {
    const res = await client.get(`/api/v1/stats/query?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  return [await read('indicator=victims&by=sex,ageBandReta'), await read('indicator=cases&by=purpose')];
}

/** Opens a restored database as the registry does (same keys), with the web API on top. */
async function openRestored(database: Database) {
  const restored = await prepareRegistry(registry.config, database);
  const app = await buildApp(restored.deps, { serveWeb: false });
  await app.ready();
  return { restored, app, close: async () => (await app.close(), await restored.close()) };
}

/** Restores a backup file: PGlite from its data directory copy, PostgreSQL with pg_restore into a new database. */
async function restore(file: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (testDriver() === 'pglite') {
    return { database: await openDatabase({ pgliteImage: readFileSync(file) }), drop: async () => undefined };
  }
  const url = process.env.RETA_TEST_DATABASE_URL!;
  const name = `reta_restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const restored = spawnSync('pg_restore', ['--no-owner', `--dbname=${adminUrl(url, name)}`, file], { encoding: 'utf8' });
  expect(restored.status, restored.stderr).toBe(0);
  return {
    database: await openDatabase({ databaseUrl: adminUrl(url, name), poolSize: 2 }),
    drop: async () => {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

describe('online backups', () => {
  it('only administrators make or list them', async () => {
    expect((await registrar.client.post('/api/v1/admin/backups', {})).status).toBe(403);
    expect((await analyst.client.get('/api/v1/admin/backups')).status).toBe(403);
  });

  it('a backup taken while registrations run restores to a consistent registry: whole cases only, an intact audit log', async () => {
    for (let i = 0; i < 4; i++) expect((await register(i)).status).toBe(201);
    const [backup, ...made] = await Promise.all([
      administrator.client.post('/api/v1/admin/backups', {}),
      ...Array.from({ length: 6 }, (_, i) => register(10 + i)),
    ]);
    expect(backup!.status, JSON.stringify(backup!.body)).toBe(201);
    expect(made.map((r) => r.status)).toEqual(Array(6).fill(201));
    const file = join(backupDir, backup!.body.name);
    expect(existsSync(file)).toBe(true);

    const { database, drop } = await restore(file);
    const opened = await openRestored(database);
    try {
      const { db } = opened.restored.deps;
      const counts = await db.execute(
        sql.raw(`select (select count(*)::int from cases) as cases, (select count(*)::int from case_victims) as victims, (select count(*)::int from cases c where (select count(*) from case_victims v where v.case_id = c.id) <> 2) as partial`),
      );
      const row = ((counts as unknown as { rows: { cases: number; victims: number; partial: number }[] }).rows)[0]!;
      expect(row.cases).toBeGreaterThanOrEqual(4); // the ones committed before it, and any of the six that committed first
      expect(row.partial).toBe(0);
      expect(row.victims).toBe(row.cases * 2);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      await opened.close();
      await drop();
    }
  });

  it('backup → restore gives identical figures; only the newest RETA_BACKUP_KEEP are kept', async () => {
    const backup = await administrator.client.post('/api/v1/admin/backups', {});
    expect(backup.status).toBe(201);
    const before = await figures(analyst.client);
    expect(before[0].totals.grand.value).toBeGreaterThan(0);

    const listed = await administrator.client.get('/api/v1/admin/backups');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((b: { name: string }) => b.name)).toContain(backup.body.name);
    expect(listed.body.items.length).toBeLessThanOrEqual(2);
    const third = await administrator.client.post('/api/v1/admin/backups', {});
    expect(third.status).toBe(201);
    const kept = (await administrator.client.get('/api/v1/admin/backups')).body.items.map((b: { name: string }) => b.name);
    expect(kept).toEqual([third.body.name, backup.body.name]);

    const { database, drop } = await restore(join(backupDir, backup.body.name));
    const opened = await openRestored(database);
    try {
      const client = await loginAs(opened.app, analyst.username, TEST_PASSWORD);
      expect(await figures(client)).toEqual(before);
    } finally {
      await opened.close();
      await drop();
    }
  });
});
