import type { Database, Db } from '../db/connect';
import type { Cipher } from './crypto/cipher';
import type { Config } from './config';

/** What services are built from. Plain objects, made once in main.ts or by the test helpers. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  cipher: Cipher;
}

export function createDeps(config: Config, database: Database, cipher: Cipher): Deps {
  return { config, database, db: database.db, cipher };
}
