/**
 * The one place that knows where the package's files are: JSON Schemas, scenarios, the dashboard,
 * the pacts and the fixtures. They ship beside `dist/` (never copied into it), so they are found the
 * same way from the TypeScript sources (harness/assets.ts) and from the compiled package
 * (dist/harness/assets.js): the nearest folder above this module holding the package's package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; ) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ats-sandbox') return dir;
      } catch {
        /* not ours: keep looking */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`ats-sandbox: cannot find the package's own package.json above ${from}`);
    dir = up;
  }
}

/** The folder holding the package's package.json (the checkout, or node_modules/ats-sandbox). */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

const at = (...parts: string[]): string => path.join(PACKAGE_ROOT, ...parts);

export const assets = {
  /** schemas/: every *.schema.json (and generated/ types, from a checkout) */
  schemasDir: at('schemas'),
  /** scenarios/: the troubleshooting scenarios */
  scenariosDir: at('scenarios'),
  /** the dashboard's static files (HTML, CSS, JS) */
  dashboardDir: at('harness', 'control-plane', 'dashboard'),
  /** contracts/pacts/: what the consumer tests write (a checkout only) */
  pactsDir: at('contracts', 'pacts'),
  /** contracts/published/: the pacts that ship and that `verify` reads */
  publishedPactsDir: at('contracts', 'published'),
  /** contracts/fixtures/: sample inputs (a StackOne OpenAPI excerpt) */
  fixturesDir: at('contracts', 'fixtures'),
} as const;
