#!/usr/bin/env node
// `npm run start:split`: the same services as `npm start`, one process each. Extra arguments go to
// every process (e.g. --config FILE). Each process is spawned with an argument array, never through
// a shell, so an argument (a secret, a path) is passed as it is and never run. Output is prefixed
// with the service's name; when one process fails the others are stopped; Ctrl-C stops them all.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const services = ['bridge', 'teamtailor', 'recruitee', 'greenhouse', 'smartrecruiters', 'partner', 'controlPlane'];
const extra = process.argv.slice(2);
const cli = fileURLToPath(new URL('./ats-sandbox.mjs', import.meta.url));
const width = Math.max(...services.map((s) => s.length));
const children = new Map();
let failed = false;

const stopAll = (signal = 'SIGTERM') => {
  for (const child of children.values()) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};

for (const name of services) {
  const child = spawn(process.execPath, [cli, 'up', '--only', name, ...extra], { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
  children.set(name, child);
  const prefix = `[${name.padEnd(width)}] `;
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    createInterface({ input: stream }).on('line', (line) => out.write(`${prefix}${line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (code !== 0 && !failed && signal === null) {
      failed = true;
      process.stderr.write(`${prefix}exited with code ${code}: stopping the other services\n`);
      stopAll();
    }
    if (children.size === 0) process.exit(failed ? 1 : 0);
  });
}
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => stopAll(s));
