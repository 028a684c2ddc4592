// Keeps dist/ in step with the TypeScript sources in a checkout of ats-sandbox (an installed package
// ships dist/ and no sources, so there this does nothing). `npm ci` builds dist/ (the prepare script);
// after a source edit, the next `ats-sandbox` start rebuilds it once (about a second) before running.
// Run directly (`node bin/fresh-dist.mjs`), it builds unconditionally (`npm run build`); with
// --if-stale only when a source is newer (the test run's global setup).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stamp = path.join(root, 'dist', '.built');
const SOURCES = ['index.ts', 'harness', 'mocks', 'schemas', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time among the files the build reads (tests excluded). */
function newestSource() {
  let newest = 0;
  for (const s of SOURCES) {
    const full = path.join(root, s);
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isFile()) newest = Math.max(newest, st.mtimeMs);
    else
      for (const f of readdirSync(full, { recursive: true })) {
        if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
        newest = Math.max(newest, statSync(path.join(full, f)).mtimeMs);
      }
  }
  return newest;
}

/**
 * Builds dist/ with tsc (tsconfig.build.json); throws with tsc's output when it fails. With
 * `tolerateTypeErrors` (the rebuild on start), type errors that still produced output are printed
 * and the output is used: `npm run typecheck` is where they fail.
 */
export function build({ tolerateTypeErrors = false } = {}) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) throw new Error('ats-sandbox: dist/ is missing or older than the sources, and typescript is not installed: run npm ci');
  // a full build starts clean, so no output of a deleted source ships (a rebuild on start keeps the
  // folder: another process may be loading from it)
  if (!tolerateTypeErrors) rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  // tsc's exit status 2: errors found, output written anyway
  if (r.status === 2 && tolerateTypeErrors) process.stderr.write(`ats-sandbox: dist/ built with type errors (npm run typecheck):\n${output}`);
  else if (r.status !== 0) throw new Error(`ats-sandbox: building dist/ failed (tsc -p tsconfig.build.json):\n${output}`);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

/** In a checkout: rebuilds dist/ when a source is newer than the last build. Returns true when it built. */
export function ensureFreshDist() {
  if (process.env.ATS_SANDBOX_SKIP_BUILD_CHECK === '1') return false;
  if (!existsSync(path.join(root, 'harness', 'cli', 'main.ts'))) return false; // an installed package: no sources
  const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built >= newestSource()) return false;
  process.stderr.write(built ? 'ats-sandbox: sources changed since the last build, rebuilding dist/ (npm run build)…\n' : 'ats-sandbox: building dist/ (once after npm ci, about a second)…\n');
  build({ tolerateTypeErrors: true });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--if-stale')) ensureFreshDist();
    else build();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
