#!/usr/bin/env node
// The ats-sandbox command: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../harness/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
if (!['up'].includes(process.argv[2] ?? '') || process.argv.includes('--help')) process.exit(process.exitCode);
