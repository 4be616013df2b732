import { systemCtx } from '../context';
import type { BackupService } from './backup.service';

/**
 * While the server runs: a backup every `everyMinutes` (RETA_BACKUP_EVERY; 0 = none). Failures are
 * reported, never thrown: a full disk must not take the registry down. Returns the function that stops it.
 */
export function startBackupSchedule(backups: BackupService, everyMinutes: number, report: (error: unknown) => void): () => void {
  if (everyMinutes <= 0) return () => undefined;
  const timer = setInterval(() => {
    backups.create(systemCtx('backup-schedule'), 'schedule').catch(report);
  }, everyMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
