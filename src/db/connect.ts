import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { acquireDataDirLock } from './lock';
import { MigrationError, withStartupLock } from './migrate';
import { PgliteWorkerClient } from './pglite.proxy';

export type Schema = typeof schema;
/** The one database type services and repositories see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction, or the database itself where no transaction is needed. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  /** PostgreSQL with a read replica configured: the replica's handle (read-only). Absent: read from `db`. */
  readDb?: Db;
  kind: DatabaseKind;
  /**
   * Runs start-up work (migrations, seeds, first administrator) as the only instance doing so: on
   * PostgreSQL under an advisory lock, so instances started together take turns; on PGlite the data
   * directory lock already makes this process the only one.
   */
  exclusive<T>(work: () => Promise<T>, onWait?: (message: string) => void): Promise<T>;
  close(): Promise<void>;
  /**
   * PGlite only: a consistent copy of the data directory (gzip tar) taken while serving. No transaction is
   * open during the copy (new ones wait), and a checkpoint first makes the copy clean to open.
   */
  dumpDataDir?(): Promise<Uint8Array>;
  /** PostgreSQL only: the connection string (pg_dump backups). */
  connectionUrl?: string;
  /** PostgreSQL only: the connection pool's clients (for metrics). */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
  /** PostgreSQL with a read replica: the replica pool's clients. */
  readPoolStats?(): { total: number; idle: number; waiting: number; max: number };
}

/** What the pools call themselves in pg_stat_activity, so an operator tells the two apart. */
export const APPLICATION_NAME = 'reta';
export const READ_APPLICATION_NAME = 'reta-read';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  databaseUrl?: string;
  /** A read replica of databaseUrl (statistics and reports read there). PostgreSQL only. */
  readDatabaseUrl?: string;
  dataDir?: string;
  /** A PGlite instance made by the caller, run on this thread. */
  pglite?: PGlite;
  /** A dumped data directory (gzip tar) to open in memory: test databases from the template, restores. */
  pgliteImage?: Uint8Array;
  /** A new, empty database in memory (initdb: seconds). */
  pgliteMemory?: boolean;
  /**
   * Where PGlite runs: on a worker thread (the default) so a long query never stops the HTTP loop, or on
   * this thread (`RETA_PGLITE_THREAD=main`). See bench/RESULTS.md, "PGlite on a worker", for what each costs.
   */
  pgliteThread?: PgliteThread;
  /** Server settings for an image or memory database (`-c name=value`), e.g. smaller buffers for tests. */
  pgliteSettings?: Record<string, string>;
  /** Who holds the PGlite directory; shown to a second process that tries to open it. */
  lockCommand?: string;
  poolSize?: number;
}

export type PgliteThread = 'worker' | 'main';

/**
 * RETA_PGLITE_THREAD: `worker` (or unset) runs PGlite on a worker thread, `main` on the main thread. Any
 * other value is refused rather than read as one of them: a typo must not silently bring back the stalls.
 */
export function pgliteThreadFromEnv(env: NodeJS.ProcessEnv = process.env): PgliteThread {
  const value = env.RETA_PGLITE_THREAD?.trim() || 'worker';
  if (value === 'worker' || value === 'main') return value;
  throw new Error(`RETA_PGLITE_THREAD must be "worker" or "main", not "${value}"`);
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.readDatabaseUrl);
  if (options.readDatabaseUrl) throw new Error('RETA_READ_DATABASE_URL needs a PostgreSQL primary (DATABASE_URL): PGlite has no replicas');
  if (options.pglite) return wrapPglite(inThread(options.pglite), () => undefined);
  const thread = options.pgliteThread ?? pgliteThreadFromEnv();
  if (options.pgliteImage || options.pgliteMemory) {
    return wrapPglite(await openPgliteClient(thread, { loadDataDir: options.pgliteImage, settings: options.pgliteSettings }), () => undefined);
  }
  if (!options.dataDir) throw new Error('Either databaseUrl or dataDir is required');
  const release = acquireDataDirLock(options.dataDir, options.lockCommand ?? process.argv.slice(1).join(' '));
  try {
    return wrapPglite(await openPgliteClient(thread, { dataDir: options.dataDir }), release);
  } catch (error) {
    release();
    throw error;
  }
}

/** What wrapPglite needs of a PGlite client, on this thread or behind the worker proxy. */
interface PgliteClient {
  /** Given to drizzle-orm/pglite, which calls query() and transaction() on it. */
  drizzleClient: PGlite;
  dumpDataDir(): Promise<Uint8Array>;
  close(): Promise<void>;
}

async function openPgliteClient(
  thread: PgliteThread, source: { dataDir?: string; loadDataDir?: Uint8Array; settings?: Record<string, string> },
): Promise<PgliteClient> {
  if (thread === 'main') {
    const loadDataDir = source.loadDataDir ? new Blob([new Uint8Array(source.loadDataDir)]) : undefined;
    return inThread(await PGlite.create({ dataDir: source.dataDir, loadDataDir, startParams: pgliteStartParams(source.settings) }));
  }
  const proxy = await PgliteWorkerClient.open({ dataDir: source.dataDir, loadDataDir: source.loadDataDir, startParams: pgliteStartParams(source.settings) });
  return { drizzleClient: proxy as unknown as PGlite, dumpDataDir: () => proxy.dumpDataDir('gzip'), close: () => proxy.close() };
}

/** PGlite's start parameters with `settings` added as `-c name=value`. */
export const pgliteStartParams = (settings: Record<string, string> = {}): string[] =>
  [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];

function inThread(client: PGlite): PgliteClient {
  return {
    drizzleClient: client,
    async dumpDataDir() {
      await client.exec('checkpoint'); // less WAL to replay when the copy is opened
      // Under the transaction mutex (query/exec/transaction all take it; dumpDataDir itself takes only the
      // statement mutex): the open transaction ends first, new ones wait until the copy is made.
      const exclusive = (client as unknown as { _runExclusiveTransaction?: <T>(work: () => Promise<T>) => Promise<T> })._runExclusiveTransaction;
      const dump = () => client.dumpDataDir('gzip');
      const file = (await (exclusive ? exclusive.call(client, dump) : dump())) as Blob;
      return new Uint8Array(await file.arrayBuffer());
    },
    close: () => client.close(),
  };
}

function wrapPglite(client: PgliteClient, release: () => void): Database {
  const db = drizzlePglite(client.drizzleClient, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exclusive: (work) => work(),
    dumpDataDir: () => client.dumpDataDir(),
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

function openPool(url: string, max: number, applicationName: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: applicationName });
  // An idle connection the server ends (restart, failover, admin termination) is an 'error' event on the
  // pool; unhandled it would crash the process. The pool drops that client and the next query reconnects;
  // errors of queries in flight still reach their callers.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`));
  return pool;
}

async function openPostgres(url: string, max: number, readUrl?: string): Promise<Database> {
  const pool = openPool(url, max, APPLICATION_NAME);
  const replica = readUrl ? openPool(readUrl, max, READ_APPLICATION_NAME) : undefined;
  try {
    for (const p of replica ? [pool, replica] : [pool]) (await p.connect()).release(); // fail fast with the server's own message
  } catch (error) {
    await Promise.all([pool.end(), replica?.end()]);
    throw error;
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const statsOf = (p: pg.Pool) => () => ({ total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount, max });
  return {
    db,
    ...(replica ? { readDb: drizzlePg(replica, { schema }) as unknown as Db, readPoolStats: statsOf(replica) } : {}),
    kind: 'postgres',
    connectionUrl: url,
    exclusive: (work, onWait) => withStartupLock(url, work, onWait),
    close: async () => void (await Promise.all([pool.end(), replica?.end()])),
    poolStats: statsOf(pool),
  };
}

/**
 * Applies pending migrations. Call it inside `database.exclusive` when other instances may start at the
 * same time (prepareRegistry does). A refusal is a MigrationError carrying the database's own message.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  try {
    if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder });
    else await migratePg(database.db as never, { migrationsFolder });
  } catch (error) {
    throw new MigrationError(error);
  }
}
