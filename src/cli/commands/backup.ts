import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Command } from 'commander';
import { acquireDataDirLock, inspectDataDirLock } from '../../db/lock';
import { BACKUP_NAME, pgDump } from '../../server/backup/backup.service';
import { loadConfig, type Config } from '../../server/config';
import { reportFailure } from '../run';

const backupsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => BACKUP_NAME.test(name)) : []);

/**
 * Asks the server that owns the PGlite directory for an online backup (SIGUSR2: only its own OS user or root
 * can send it) and waits for the file to appear, complete, in RETA_BACKUP_DIR.
 */
async function backupThroughServer(config: Config, pid: number, timeoutMs = 30 * 60_000): Promise<string> {
  const before = new Set(backupsIn(config.backupDir));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const made = backupsIn(config.backupDir).filter((name) => !before.has(name)).sort().at(-1);
    if (made) return join(config.backupDir, made);
  }
  throw new Error(`the server (process ${pid}) wrote no backup into ${config.backupDir} within ${timeoutMs / 60_000} minutes: see its log`);
}

/**
 * Backups as one file. The encryption and audit keys are deliberately NOT in the backup: keep them apart,
 * restore with the same keys.
 */
export function registerBackupCommands(program: Command) {
  program
    .command('backup [file]')
    .description('back up the database while it serves: through the running server (PGlite), with pg_dump (PostgreSQL), or directly when no server runs; the file goes to RETA_BACKUP_DIR, and to [file] if given')
    .action(async (file: string | undefined) => {
      try {
        const config = loadConfig();
        if (config.databaseUrl) {
          if (!file) throw new Error('give the file to write: reta backup <file>.pgdump (a pg_dump custom-format archive)');
          await pgDump(config.databaseUrl, file);
          console.log(`Consistent online backup of the PostgreSQL database written to ${file} (pg_dump, custom format). Restore with pg_restore into an empty database.`);
          return;
        }
        if (!existsSync(config.dataDir)) throw new Error(`No database at ${config.dataDir}`);
        const lock = inspectDataDirLock(config.dataDir);
        if (lock.state === 'held' && lock.holder) {
          const made = await backupThroughServer(config, lock.holder.pid);
          if (file) copyFileSync(made, file);
          console.log(`Online backup made by the running server: ${made}${file ? `, copied to ${file}` : ''}. Keep the encryption key and the audit key apart from it.`);
          return;
        }
        if (!file) throw new Error('no server is running on this data directory: give the file to write, reta backup <file>.tar.gz');
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
