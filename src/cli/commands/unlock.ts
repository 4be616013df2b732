import type { Command } from 'commander';
import { unlockDataDir } from '../../db/lock';
import { loadConfig } from '../../server/config';
import { reportFailure } from '../run';

/**
 * Removes a data-directory lock left behind where RETA cannot prove it stale by itself (a lock written
 * under another host name, or by an older RETA whose pid is now someone else's). Refuses while the
 * process that wrote the lock is running.
 */
export function registerUnlockCommand(program: Command) {
  program
    .command('unlock')
    .description('remove a stale lock of the PGlite data directory (refuses while its owner is running)')
    .option('--force', 'also remove a lock from an older RETA whose pid is running but cannot be matched')
    .action((options: { force?: boolean }) => {
      try {
        const config = loadConfig();
        if (config.databaseUrl) throw new Error('DATABASE_URL is set: a PostgreSQL server has no data-directory lock.');
        const result = unlockDataDir(config.dataDir, { force: options.force });
        if (!result.removed) {
          console.error(`reta: not unlocked: ${result.reason}.`);
          process.exit(1);
        }
        const who = result.holder ? ` of process ${result.holder.pid} on ${result.holder.host} ("${result.holder.command}", since ${result.holder.since})` : '';
        console.log(`Removed the lock${who} from ${config.dataDir} (${result.reason}).`);
      } catch (error) {
        reportFailure(error);
      }
    });
}
