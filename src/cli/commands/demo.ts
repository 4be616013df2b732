import type { Command } from 'commander';

// Not built yet: the demo command(s) register here.
export function registerDemoCommand(_program: Command) {}
