#!/usr/bin/env node
// `npm run start:split`: the same services as `npm start`, one process each. Each line of output is
// prefixed with its service; when one process fails, the others are stopped; Ctrl-C stops them all.
// Extra arguments go to every process (e.g. --config FILE). No shell: argument arrays only.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureFreshDist } from './fresh-dist.mjs';

const bin = fileURLToPath(new URL('./ats-sandbox.mjs', import.meta.url));
try {
  ensureFreshDist(); // once here, not in seven processes at the same time
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
// every service of the ATS registry (names only: no server code), the control plane last
const { SERVICES } = await import('../dist/harness/names.js');
const services = [...SERVICES.filter((s) => s !== 'controlPlane'), 'controlPlane'];
const width = Math.max(...services.map((s) => s.length));

let stopping = false;
let status = 0;
const children = services.map((name) => {
  const child = spawn(process.execPath, [bin, 'up', '--only', name, ...process.argv.slice(2)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ATS_SANDBOX_SKIP_BUILD_CHECK: '1' },
  });
  const prefix = `[${name.padEnd(width)}]`;
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    createInterface({ input: from }).on('line', (line) => to.write(`${prefix} ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`${prefix} exited with ${code ?? signal}\n`);
    if (!stopping && code !== 0) {
      status = 1;
      stop();
    }
  });
  return child;
});
const exited = Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)))));

function stop() {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
await exited;
process.exit(status);
