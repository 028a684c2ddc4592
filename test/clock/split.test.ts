/**
 * Split mode (one process per service, here one sandbox per service in this process, each with its own
 * clock): the control plane forwards clock commands to every service, so all stand at the same time and
 * an advance runs the work that crosses services (delivery → partner → completion → ATS card).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { SERVICES, type ServiceName } from '../../harness/config.ts';
import { freePort } from '../helpers.ts';

const running: Sandbox[] = [];
let dir: string | undefined;
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('clock in split mode', () => {
  it('forwards freeze and advance to every service', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'clock-split-'));
    const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()]))) as Record<ServiceName, number>;
    for (const s of SERVICES) running.push(await startSandbox({ ports, only: [s], configFile: false, dataDir: dir, hopWaitMs: 0, partner: { completeAfterMs: 3_600_000 } }));
    const cp = running.find((s) => s.urls.controlPlane && s.apps.controlPlane)!;
    const post = async (body: unknown) => {
      const r = await fetch(`${cp.urls.controlPlane}/_sandbox/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(r.status).toBe(200);
      return (await r.json()) as { now: string; services: Record<string, { now: string; mode: string }> };
    };
    const f = await post({ freeze: '2030-01-01T00:00:00.000Z' });
    expect(Object.keys(f.services).sort()).toEqual(SERVICES.filter((s) => s !== 'controlPlane').sort());
    for (const sb of running) expect(sb.clock.now()).toBe(Date.parse('2030-01-01T00:00:00.000Z'));
    const sent = await cp.admin.sendTest('teamtailor');
    expect(sent.ok).toBe(true);
    const a = await post({ advance: '1h' });
    for (const v of Object.values(a.services)) expect(v.now).toBe('2030-01-01T01:00:00.000Z');
    const card = await cp.admin.candidate('teamtailor', 'cand_ada');
    expect(card.results.find((r) => r.orderId === sent.orderId)?.status.label).toBe('Completed');
  });
});
