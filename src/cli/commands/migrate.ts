import type { Command } from 'commander';
import { reportFailure, withRegistry } from '../run';

export function registerMigrateCommand(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      try {
        await withRegistry('migrate', async (registry) => {
          console.log(`Database is up to date (${registry.deps.database.kind}).`);
          if (registry.generatedAdminPassword) console.log(`Administrator created: admin / ${registry.generatedAdminPassword} (change it at first login)`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });
}
