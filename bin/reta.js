#!/usr/bin/env node
// The `reta` command: loads the TypeScript CLI in this same process through tsx, so signals reach the
// server directly and the checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
