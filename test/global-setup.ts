import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';

/** Pact files merge across runs (deps.md pitfall 2): start every run from an empty pacts folder. */
export default async function setup(): Promise<void> {
  const dir = path.resolve('contracts/pacts');
  await rm(dir, { recursive: true, force: true });
  // tests that spawn bin/ats-sandbox.mjs run the compiled dist/: bring it up to date once, here
  const build = spawnSync(process.execPath, ['bin/fresh-dist.mjs', '--if-stale'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building dist/ failed:\n${build.stdout}${build.stderr}`);
}
