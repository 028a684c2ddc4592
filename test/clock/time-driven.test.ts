/**
 * Time-driven behaviour on the virtual clock (issue 16): SmartRecruiters token lifetimes and refresh,
 * Greenhouse's legacy test_status polling. Real servers on port 0; a day passes in milliseconds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const tokenCalls = (s: Sandbox) => s.journal.query({ limit: 1000, service: 'bridge' }).filter((h) => h.direction === 'out' && h.url.includes('/identity/oauth/token'));
const result = (summary: string) => ({ score: { label: 'Percentage', value: '70', min: '0', max: '100' }, result: { value: 'passed' }, result_url: 'http://127.0.0.1:9/reports/1', summary });

describe('SmartRecruiters token lifetime', () => {
  it('reuses its token within the lifetime and gets a new one once the clock passes it', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { autoComplete: false } });
    sb.clock.freeze('2030-06-01T08:00:00.000Z');
    const sent = await sb.admin.sendTest('smartrecruiters');
    expect(sent.orderId).toBeTruthy();
    await sb.clock.runDue();
    const first = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', sent.orderId!), { ...result('first'), result: { value: 'in_progress' } });
    expect(first.status).toBe(200);
    const before = tokenCalls(sb).length;
    expect(before).toBeGreaterThanOrEqual(1);
    // ten minutes later the token (30 min by default) is still good: no new one
    await sb.clock.advance('10m');
    expect((await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', sent.orderId!), { ...result('second'), result: { value: 'in_progress' } })).status).toBe(200);
    expect(tokenCalls(sb)).toHaveLength(before);
    // two hours later it has expired: the bridge asks for a new one, stamped with the virtual time
    await sb.clock.advance('2h');
    const third = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', sent.orderId!), result('third'));
    expect(third.status).toBe(200);
    const calls = tokenCalls(sb);
    expect(calls).toHaveLength(before + 1);
    expect(calls[calls.length - 1]!.at).toBe('2030-06-01T10:10:00.000Z');
  });
});
