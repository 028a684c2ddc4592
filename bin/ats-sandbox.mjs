#!/usr/bin/env node
// The ats-sandbox command: the compiled CLI in dist/, run by plain node (no loader).
import { ensureFreshDist } from './fresh-dist.mjs';

try {
  ensureFreshDist(); // a checkout only: rebuild dist/ once after a source edit
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
const { main } = await import('../dist/harness/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
// `up` in the foreground keeps serving until Ctrl-C; every other command ends now, open handles or not
if (process.argv[2] !== 'up' || process.argv.includes('--help') || process.argv.includes('-h')) process.exit(process.exitCode);
