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
// main() returns when the command is done (`up`: once the sandbox has closed after Ctrl-C/SIGTERM):
// exit now, without waiting for idle keep-alive sockets or retry timers to run out
process.exit(await main(process.argv.slice(2)));
