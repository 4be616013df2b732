import type { Command } from 'commander';

// Not built yet: the report command(s) register here.
export function registerReportCommands(_program: Command) {}
