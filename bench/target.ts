import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type PgliteThread } from '../src/db/connect';

/**
 * A fresh, empty database for one benchmark run. PostgreSQL: `reta_bench_<random>` on the server of `url`,
 * dropped at the end (--keep keeps it). PGlite: a fresh data directory in the system temp folder.
 */
export async function withTarget<T>(kind: 'pglite' | 'postgres', url: string | undefined, work: (database: Database) => Promise<T>, poolSize = 4, pgliteThread?: PgliteThread): Promise<T> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'reta-bench-'));
    const database = await openDatabase({ dataDir: join(dir, 'data'), lockCommand: 'bench', pgliteThread });
    try {
      return await work(database);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // `--database <name>`: reuse (or create and keep) that database, so a large generated data set can be
  // measured again after a change without generating it again.
  const i = process.argv.indexOf('--database');
  const reuse = i >= 0 ? process.argv[i + 1]! : null;
  const name = reuse ?? `reta_bench_${randomBytes(4).toString('hex')}`;
  const admin = new URL(url!);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (!exists) await client.query(`create database "${name}"`);
  const target = new URL(url!);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), poolSize });
  try {
    return await work(database);
  } finally {
    await database.close();
    if (!process.argv.includes('--keep') && !reuse) await client.query(`drop database if exists "${name}" with (force)`);
    else console.error(`kept database ${name}`);
    await client.end();
  }
}
