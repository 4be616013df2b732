import { Command } from 'commander';
import { registerAuditCommand } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerDemoCommand } from './commands/demo';
import { registerImportCommand } from './commands/import';
import { registerMigrateCommand } from './commands/migrate';
import { registerReferenceCommand } from './commands/reference';
import { registerReportCommands } from './commands/report';
import { registerServeCommand } from './commands/serve';
import { registerStatsCommands } from './commands/stats';
import { registerUnlockCommand } from './commands/unlock';
import { registerUserCommands } from './commands/user';

const program = new Command('reta').description('RETA — registry and statistics of trafficking in persons');
registerServeCommand(program);
registerMigrateCommand(program);
registerUserCommands(program);
registerReferenceCommand(program);
registerImportCommand(program);
registerAuditCommand(program);
registerBackupCommands(program);
registerDemoCommand(program);
registerReportCommands(program);
registerStatsCommands(program);
registerUnlockCommand(program);

await program.parseAsync(process.argv);
