import { randomBytes } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_ENCRYPTION_KEY, testDriver } from '../../test/registry';
import { adminUrl } from '../../test/template';
import { migrateDatabase, openDatabase, type Database } from '../db/connect';
import { MigrationError } from '../db/migrate';
import { auditLog, institutions, users } from '../db/schema';
import { buildApp } from './app';
import { prepareRegistry, type Registry } from './bootstrap';
import { loadConfig } from './config';

/** Empty PostgreSQL databases made by this file, dropped at the end. */
const made: string[] = [];
const serverUrl = () => process.env.RETA_TEST_DATABASE_URL!;

async function emptyPostgresDatabase(): Promise<string> {
  const name = `reta_boot_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(serverUrl()) });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  made.push(name);
  return adminUrl(serverUrl(), name);
}

afterAll(async () => {
  if (!made.length) return;
  const admin = new pg.Client({ connectionString: adminUrl(serverUrl()) });
  await admin.connect();
  for (const name of made) await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

/** An empty database of the driver under test (never migrated). */
async function emptyDatabase(): Promise<Database> {
  if (testDriver() === 'pglite') return openDatabase({ pgliteMemory: true });
  return openDatabase({ databaseUrl: await emptyPostgresDatabase(), poolSize: 2 });
}

describe('start-up', () => {
  it.runIf(testDriver() === 'postgres')('two instances started at once on an empty PostgreSQL database both start, with one administrator', async () => {
    const url = await emptyPostgresDatabase();
    // No RETA_ADMIN_PASSWORD: each instance would generate one and print it; only one may.
    const config = { ...loadConfig({}), encryptionKey: TEST_ENCRYPTION_KEY, adminPassword: undefined, logLevel: 'silent' as const };
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, poolSize: 1 })));
    const waits: string[] = [];
    const settled = await Promise.allSettled(instances.map((database) => prepareRegistry(config, database, { onWait: (m) => waits.push(m) })));
    const registries = settled.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    }) as Registry[];
    try {
      expect(registries.filter((r) => r.generatedAdminPassword).length).toBe(1);
      expect(waits.length).toBeGreaterThanOrEqual(1);
      const db = registries[0]!.deps.db;
      expect((await db.select({ n: count() }).from(users))[0]!.n).toBe(1);
      expect((await db.select({ n: count() }).from(institutions).where(eq(institutions.code, 'RETA')))[0]!.n).toBe(1);
      expect((await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'user.create')))[0]!.n).toBe(1);
      const appliedIn = async (d: Database) => ((await d.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
      const applied = await appliedIn(registries[0]!.deps.database);
      const again = await openDatabase({ databaseUrl: url, poolSize: 1 });
      await migrateDatabase(again); // nothing left to apply
      expect(await appliedIn(again)).toBe(applied);
      await again.close();
      // Every instance serves: each reads through its own pool, and each one's HTTP app says it is ready.
      for (const r of registries) expect((await r.deps.db.select({ n: count() }).from(users))[0]!.n).toBe(1);
      for (const r of registries) {
        const app = await buildApp(r.deps, { serveWeb: false });
        try {
          const ready = await app.inject({ method: 'GET', url: '/api/ready' });
          expect(ready.statusCode, ready.body).toBe(200);
          expect(JSON.parse(ready.body)).toMatchObject({ ready: true, migrations: { applied: applied } });
        } finally {
          await app.close();
        }
      }
    } finally {
      for (const r of registries) await r.close();
    }
  });

  it('a migration the database refuses reports the database error, not only "Failed query"', async () => {
    const database = await emptyDatabase();
    try {
      // A table in the way of the first migration: PostgreSQL says it exists (42P07).
      await database.db.execute(sql`create table institutions (x int)`);
      const failure = await migrateDatabase(database).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationError);
      expect((failure as MigrationError).message).toMatch(/relation "institutions" already exists; SQLSTATE 42P07/);
      expect((failure as MigrationError).message).toContain('while running: CREATE TABLE');
      expect((failure as MigrationError).code).toBe('42P07');
    } finally {
      await database.close();
    }
  });
});
