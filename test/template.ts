import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrateDatabase, migrationsFolder, openDatabase } from '../src/db/connect';

/** The template is keyed by the migrations' content: a new migration makes a new template. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else hash.update(name.name).update(readFileSync(path));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 16);
}

const cacheDir = join(process.cwd(), '.test-cache');
export const pgliteTemplatePath = () => join(cacheDir, `pglite-template-${migrationsHash()}.tar.gz`);
export const postgresTemplateName = () => `reta_template_${migrationsHash()}`;

/** A migrated PGlite data directory, dumped once; each test database is loaded from it (~0.6 s). */
export async function ensurePgliteTemplate(): Promise<string> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return path;
  mkdirSync(cacheDir, { recursive: true });
  const client = await PGlite.create();
  const database = await openDatabase({ pglite: client });
  await migrateDatabase(database);
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
  renameSync(temp, path);
  return path;
}

export function adminUrl(url: string, database = 'postgres'): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A migrated template database on the server; each test file gets `CREATE DATABASE … TEMPLATE` of it. */
export async function ensurePostgresTemplate(url: string): Promise<string> {
  const name = postgresTemplateName();
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    const building = `${name}_building_${process.pid}`;
    await admin.query(`drop database if exists "${building}"`);
    await admin.query(`create database "${building}"`);
    const database = await openDatabase({ databaseUrl: adminUrl(url, building), poolSize: 1 });
    await migrateDatabase(database);
    await database.close();
    await admin.query(`alter database "${building}" rename to "${name}"`);
    return name;
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database on the server of `url`, copied from the migrated template (`CREATE DATABASE … TEMPLATE`):
 * its URL, and `drop` to remove it (forcing out any connection left).
 */
export async function createDatabaseFromTemplate(url: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = await ensurePostgresTemplate(url);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const onServer = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await onServer(`create database "${name}" template "${template}"`);
  return { url: adminUrl(url, name), drop: () => onServer(`drop database if exists "${name}" with (force)`) };
}
