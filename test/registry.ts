import { readFileSync } from 'node:fs';
import { openDatabase, type Database, type PgliteThread } from '../src/db/connect';
import { buildApp } from '../src/server/app';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig, type Config } from '../src/server/config';
import type { Deps } from '../src/server/deps';
import type { App } from '../src/server/http/types';
import { createDatabaseFromTemplate, ensurePgliteTemplate } from './template';

export const TEST_ADMIN_PASSWORD = 'Test-Admin-Password-2026';
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
export const TEST_AUDIT_KEY = Buffer.alloc(32, 9).toString('base64');

export interface TestRegistry {
  deps: Deps;
  app: App;
  config: Config;
  close(): Promise<void>;
}

export const testDriver = (): 'pglite' | 'postgres' => (process.env.RETA_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite');

/**
 * A fresh, migrated database of its own (PGlite from the template, or a new PostgreSQL database made
 * from the template database), with the real bootstrap and the real app on top. Never a mock.
 */
export async function createTestRegistry(overrides: Partial<Config> = {}, options: TestDatabaseOptions = {}): Promise<TestRegistry> {
  const config: Config = {
    ...loadConfig({}),
    encryptionKey: TEST_ENCRYPTION_KEY,
    auditKey: TEST_AUDIT_KEY,
    auditAnchorEveryMinutes: 0,
    adminPassword: TEST_ADMIN_PASSWORD,
    logLevel: 'silent',
    // Suites that are not about sign-in use the administrator and supervisors without a second factor;
    // the two-factor tests set the roles they exercise.
    twoFactorRoles: [],
    ...overrides,
  };
  const { database, drop } = await openTestDatabase(options);
  const registry = await prepareRegistry(config, database);
  const app = await buildApp(registry.deps, { serveWeb: false });
  await app.ready();
  return {
    deps: registry.deps,
    app,
    config,
    async close() {
      await app.close();
      await registry.close();
      await drop();
    },
  };
}

export interface TestDatabaseOptions {
  /**
   * PostgreSQL only: also a read connection (RETA_READ_DATABASE_URL) to the same database, made read-only
   * (`default_transaction_read_only`) as a streaming replica is, so that any write sent to it fails.
   */
  readReplica?: boolean;
  /** PGlite only: the thread it runs on (else `testPgliteThread()`). */
  pgliteThread?: PgliteThread;
}

/** The URL of a read-only connection to `url`'s database: what a hot-standby replica accepts. */
export const readOnlyUrl = (url: string) => {
  const parsed = new URL(url);
  parsed.searchParams.set('options', '-c default_transaction_read_only=on');
  return parsed.toString();
};

/**
 * In-process test registries run PGlite on the test's own thread: the worker's message round trips made the
 * database suites about a third slower, and they test SQL and services, not the thread. The worker is tested
 * on its own (test/pglite-worker.test.ts) and by every test that starts a real server (the CLI tests, the
 * SIGKILL import test, every browser test), which opens PGlite as production does. RETA_TEST_PGLITE_THREAD=worker
 * runs the whole suite on the worker.
 */
export const testPgliteThread = (): PgliteThread => (process.env.RETA_TEST_PGLITE_THREAD === 'worker' ? 'worker' : 'main');

async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (testDriver() === 'pglite') {
    if (options.readReplica) throw new Error('a read replica needs the postgres test driver');
    const template = readFileSync(await ensurePgliteTemplate());
    // A test database holds a few hundred rows: 16 MB of shared buffers instead of PGlite's 128 MB
    // makes each start (which clears the buffers) about a second of CPU cheaper, nothing else changes.
    const database = await openDatabase({ pgliteImage: template, pgliteThread: options.pgliteThread ?? testPgliteThread(), pgliteSettings: { shared_buffers: '16MB' } });
    return { database, drop: async () => undefined };
  }
  const url = process.env.RETA_TEST_DATABASE_URL;
  if (!url) throw new Error('RETA_TEST_DATABASE_URL is required for the postgres test driver');
  const copy = await createDatabaseFromTemplate(url, 'reta_test');
  const database = await openDatabase({ databaseUrl: copy.url, ...(options.readReplica ? { readDatabaseUrl: readOnlyUrl(copy.url) } : {}), poolSize: 4 });
  return { database, drop: copy.drop };
}
