#!/usr/bin/env node
// `npm test`: every vitest test (the schema drift check is one of them), then the closing line
// "N passed, N failed" that CI reads. `npm run lint` (import cycles, layer rules, unused exports and
// dependencies: a few seconds, offline) runs first and counts as one failed test when it fails.
// The exit status is vitest's own, or 1 when the lint failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const lint = spawnSync('npm', ['run', '--silent', 'lint'], { stdio: 'inherit' });
const lintFailed = lint.status === 0 ? 0 : 1;
if (lintFailed) console.error('npm run lint failed (see above)');
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
console.log(`${passed} passed, ${failed + lintFailed} failed`);
process.exit(lintFailed || (run.status ?? 1));
