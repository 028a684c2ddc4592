#!/usr/bin/env node
// `npm test`: every vitest test (the schema drift check is one of them), then the closing line
// "N passed, N failed" that CI reads. The exit status is vitest's own.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const report = '.vitest.json';
rmSync(report, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
let passed = 0;
let failed = 1;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  // a suite that failed to load, or an unhandled error, fails the run without failing a test
  if (run.status !== 0 && failed === 0) failed = Math.max(1, r.numFailedTestSuites ?? 0);
} catch {
  // no report: vitest itself failed to start
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status ?? 1);
