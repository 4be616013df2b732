import type { Command } from 'commander';

// Not built yet: the reference command(s) register here.
export function registerReferenceCommand(_program: Command) {}
