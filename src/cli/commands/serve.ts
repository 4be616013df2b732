import type { Command } from 'commander';
import { buildApp } from '../../server/app';
import { startAnchoring } from '../../server/audit/audit.anchor-schedule';
import { startBackupSchedule } from '../../server/backup/backup.schedule';
import { backupServiceFor } from '../../server/backup/backup.service';
import { systemCtx } from '../../server/context';
import { openRegistry } from '../../server/bootstrap';
import { loadConfig } from '../../server/config';
import { startWebhookDelivery } from '../../server/webhooks/webhook.worker';
import { createJobHandlers } from '../../server/jobs/job.handlers';
import { createJobRunner } from '../../server/jobs/job.runner';
import { reportFailure } from '../run';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('migrate the database and serve the API and the web app')
    .action(async () => {
      const started = performance.now();
      const config = loadConfig();
      let registry;
      try {
        registry = await openRegistry(config, 'reta serve');
      } catch (error) {
        reportFailure(error);
      }
      const app = await buildApp(registry.deps, { logger: { level: config.logLevel } });
      const stopAnchoring = startAnchoring(registry.deps.db, config, (error) => app.log.error({ err: error }, 'audit anchor not written'));
      const stopWebhooks = startWebhookDelivery(registry.deps, (error) => app.log.error({ err: error }, 'webhook delivery round failed'));
      const backups = backupServiceFor(registry.deps);
      const stopBackups = startBackupSchedule(backups, config.backupEveryMinutes, (error) => app.log.error({ err: error }, 'scheduled backup failed'));
      // `reta backup` on this machine asks the running server for an online backup with SIGUSR2.
      process.on('SIGUSR2', () => {
        backups.create(systemCtx('backup-signal'), 'signal').then(
          (made) => app.log.info({ backup: made.name, bytes: made.bytes }, 'online backup written'),
          (error: unknown) => app.log.error({ err: error }, 'online backup failed'),
        );
      });
      // Background jobs (imports, annual reports, exports) from the shared jobs table: any instance may run them
      // (each claims with FOR UPDATE SKIP LOCKED); a job of a dead one is resumed.
      const handlers = createJobHandlers(registry.deps, (what, error) => app.log.warn({ what, err: error instanceof Error ? error.message : String(error) }, 'annual report figure unavailable'));
      const jobs = config.runJobs ? createJobRunner(registry.deps, handlers, {
        onError: (error, job) => app.log.error({ err: error, jobId: job.id }, 'job failed'),
        onProgress: (job, progress) => app.log.info({ jobId: job.id, kind: job.kind, attempt: job.attempts, progress }, 'job progress'),
      }) : undefined;
      jobs?.start();
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down');
        stopAnchoring();
        stopWebhooks();
        stopBackups();
        await jobs?.stop();
        await app.close();
        await registry.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ host: config.host, port: config.port });
      const database = registry.deps.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
      console.log(`RETA is serving http://${config.host}:${config.port} on ${database} (ready in ${Math.round(performance.now() - started)} ms)`);
      if (registry.generatedAdminPassword) {
        console.log('\nFirst start: an administrator was created.');
        console.log(`  username: admin\n  password: ${registry.generatedAdminPassword}`);
        console.log('This password is shown only once; you will be asked to change it at first login.\n');
      }
    });
}
