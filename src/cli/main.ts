import { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when needed: a command imports the part of the server it uses, and
 * importing all of them (the web server, PDF, XLSX and Word renderers, charts) costs seconds of start-up
 * that `reta migrate` or `reta user create` do not need. The names are the top-level commands each module
 * registers; help, --version and unknown words load every module, so they list and check every command.
 */
const modules: Array<{ names: string[]; load: () => Promise<Register> }> = [
  { names: ['serve'], load: async () => (await import('./commands/serve')).registerServeCommand },
  { names: ['migrate'], load: async () => (await import('./commands/migrate')).registerMigrateCommand },
  { names: ['user', 'token'], load: async () => (await import('./commands/user')).registerUserCommands },
  { names: ['reference'], load: async () => (await import('./commands/reference')).registerReferenceCommand },
  { names: ['import'], load: async () => (await import('./commands/import')).registerImportCommand },
  { names: ['audit'], load: async () => (await import('./commands/audit')).registerAuditCommand },
  { names: ['backup', 'restore'], load: async () => (await import('./commands/backup')).registerBackupCommands },
  { names: ['demo'], load: async () => (await import('./commands/demo')).registerDemoCommand },
  { names: ['report', 'export'], load: async () => (await import('./commands/report')).registerReportCommands },
  { names: ['stats'], load: async () => (await import('./commands/stats')).registerStatsCommands },
  { names: ['unlock'], load: async () => (await import('./commands/unlock')).registerUnlockCommand },
];

const program = new Command('reta').description('RETA — registry and statistics of trafficking in persons');
const named = process.argv[2];
const wanted = modules.filter((m) => m.names.includes(named ?? ''));
for (const register of await Promise.all((wanted.length ? wanted : modules).map((m) => m.load()))) register(program);

await program.parseAsync(process.argv);
