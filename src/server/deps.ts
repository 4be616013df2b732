import type { Database, Db } from '../db/connect';
import type { Cipher } from './crypto/cipher';
import type { Config } from './config';
import { keepFactsInTransactions } from './stats/facts/facts.hook';

/** What services are built from. Plain objects, made once in main.ts or by the test helpers. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  /**
   * Where statistics and reports read: a read replica when RETA_READ_DATABASE_URL is set, otherwise `db`
   * itself. Never written to; see statsRead (src/server/stats/stats.query.ts) for what runs on the primary.
   */
  readDb: Db;
  cipher: Cipher;
}

export function createDeps(config: Config, database: Database, cipher: Cipher): Deps {
  // Every transaction ends by recomputing the statistics facts its writes touched (src/server/stats/facts).
  keepFactsInTransactions(database.db);
  return { config, database, db: database.db, readDb: database.readDb ?? database.db, cipher };
}
