/**
 * A server of the sandbox that closes takes its pooled client connections with it: a sandbox started
 * right after on the same port (the fixed bridge port of scenario runs against your own partner) is
 * reached on a new connection, never on the closed one (it was "fetch failed: other side closed" on
 * every second run).
 */
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../harness/sandbox.ts';
import { SERVICES } from '../../harness/config.ts';
import { freePort } from '../helpers.ts';

describe('connection pools', () => {
  it('sandboxes started one after another on the same port are each reached', async () => {
    const port = await freePort();
    const ports = Object.fromEntries(SERVICES.map((s) => [s, s === 'controlPlane' ? port : 0]));
    for (let i = 0; i < 4; i++) {
      const sb = await startSandbox({ ports, configFile: false, inMemory: true, referencePartner: false, hopWaitMs: 0 });
      try {
        expect(sb.urls.controlPlane).toBe(`http://127.0.0.1:${port}`);
        await sb.admin.state();
        const sent = await sb.admin.sendTest('greenhouse', { category: 'assessment' });
        expect(sent.ats).toBe('greenhouse');
      } finally {
        await sb.close();
      }
    }
  });
});
