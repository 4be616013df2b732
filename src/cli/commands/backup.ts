import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Command } from 'commander';
import { acquireDataDirLock } from '../../db/lock';
import { loadConfig } from '../../server/config';
import { reportFailure } from '../run';

/**
 * Backups of the embedded database as one compressed file. (PostgreSQL has pg_dump/pg_restore.)
 * The encryption and audit keys are deliberately NOT in the backup: keep them apart, restore with the same keys.
 */
export function registerBackupCommands(program: Command) {
  program
    .command('backup <file>')
    .description('write the PGlite database to a .tar.gz file (stop the server first)')
    .action(async (file: string) => {
      try {
        const config = loadConfig();
        if (config.databaseUrl) throw new Error('DATABASE_URL is set: back up a PostgreSQL server with pg_dump.');
        if (!existsSync(config.dataDir)) throw new Error(`No database at ${config.dataDir}`);
        const release = acquireDataDirLock(config.dataDir, 'reta backup');
        try {
          const db = await PGlite.create({ dataDir: config.dataDir });
          const dump = await db.dumpDataDir('gzip');
          await db.close();
          writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
          console.log(`Backup of ${config.dataDir} written to ${file}. Keep the encryption key and the audit key apart from it.`);
        } finally {
          release();
        }
      } catch (error) {
        reportFailure(error);
      }
    });
  program
    .command('restore <file>')
    .description('restore a backup made by `reta backup` into an empty RETA_DATA_DIR')
    .action(async (file: string) => {
      try {
        const config = loadConfig();
        if (config.databaseUrl) throw new Error('DATABASE_URL is set: restore a PostgreSQL server with pg_restore.');
        if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) {
          throw new Error(`${config.dataDir} is not empty: choose an empty RETA_DATA_DIR to restore into.`);
        }
        const release = acquireDataDirLock(config.dataDir, 'reta restore');
        try {
          const db = await PGlite.create({ dataDir: config.dataDir, loadDataDir: new Blob([readFileSync(file)]) });
          await db.close();
          console.log(`Restored ${file} into ${config.dataDir}. Start with the encryption and audit keys the backup was made with.`);
        } finally {
          release();
        }
      } catch (error) {
        reportFailure(error);
      }
    });
}
