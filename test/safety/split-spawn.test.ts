/**
 * Split mode spawns each service with an argument array, never through a shell (issue 13): a secret
 * with shell syntax in it is passed as it is and nothing in it runs.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('npm run start:split', () => {
  it('passes a secret with `…`, $(…) and ; to every process as text, running none of it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'split-'));
    const marker = path.join(dir, 'ran');
    try {
      const hostile = `\`touch ${marker}\`$(touch ${marker});touch ${marker}`;
      const out = spawnSync(process.execPath, ['bin/ats-sandbox-split.mjs', '--webhook-secret', hostile, '--help'], { encoding: 'utf8', timeout: 30_000 });
      expect(out.status, out.stderr).toBe(0);
      for (const s of ['bridge', 'teamtailor', 'recruitee', 'greenhouse', 'smartrecruiters', 'partner', 'controlPlane']) expect(out.stdout).toContain(`[${s}`);
      expect(existsSync(marker)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
