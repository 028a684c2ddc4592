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

describe('Greenhouse legacy polling of test_status', () => {
  const polls = (s: Sandbox) => s.journal.query({ limit: 5000, service: 'greenhouse' }).filter((h) => h.direction === 'out' && h.url.includes('test_status'));
  const test = async (s: Sandbox) => (await s.admin.candidate('greenhouse', 'cand_ada')).results;
  const start = (settings: Record<string, unknown> = {}) => startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { autoComplete: false }, emulators: { greenhouse: { legacyPolling: true, ...settings } } });

  it('is off by default: no test_status read in a day', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { autoComplete: false } });
    sb.clock.freeze('2030-01-01T00:00:00.000Z');
    await sb.admin.sendTest('greenhouse');
    await sb.clock.advance('1d');
    expect(polls(sb)).toHaveLength(0);
  });

  it('reads hourly and stops once the status is complete', async () => {
    sb = await start();
    sb.clock.freeze('2030-01-01T00:00:00.000Z');
    const sent = await sb.admin.sendTest('greenhouse');
    await sb.clock.advance('3h');
    expect(polls(sb).map((h) => h.at)).toEqual(['2030-01-01T01:00:00.000Z', '2030-01-01T02:00:00.000Z', '2030-01-01T03:00:00.000Z']);
    // the partner's result becomes readable: the PATCH makes Greenhouse read it once, and the polls stop
    const r = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', sent.orderId!), { result: { value: 'passed' }, score: { value: '80' }, result_url: 'http://127.0.0.1:9/r/1', summary: 'ok' });
    expect(r.status).toBe(200);
    const n = polls(sb).length;
    await sb.clock.advance('1d');
    expect(polls(sb)).toHaveLength(n);
  });

  it('stops when the candidate is hired', async () => {
    sb = await start();
    sb.clock.freeze('2030-01-01T00:00:00.000Z');
    await sb.admin.sendTest('greenhouse');
    await sb.clock.advance('2h');
    expect(polls(sb)).toHaveLength(2);
    const hire = await fetch(`${sb.urls.controlPlane}/_sandbox/actions/greenhouse/candidates/cand_ada/hire`, { method: 'POST', headers: { 'x-ats-sandbox': '1' } });
    expect(hire.status).toBe(200);
    await sb.clock.advance('1d');
    expect(polls(sb)).toHaveLength(2);
  });

  it('gives up 8 weeks after the test was sent', async () => {
    sb = await start({ pollIntervalMinutes: 1440 });
    sb.clock.freeze('2030-01-01T00:00:00.000Z');
    await sb.admin.sendTest('greenhouse');
    const t0 = Date.now();
    await sb.clock.advance('12w');
    expect(Date.now() - t0).toBeLessThan(5_000);
    const at = polls(sb).map((h) => h.at);
    expect(at).toHaveLength(55); // daily from day 1 to day 55; the one at 8 weeks (day 56) stops instead
    expect(at[at.length - 1]).toBe('2030-02-25T00:00:00.000Z');
    expect(sb.clock.state().pending).toBe(0);
    expect(await test(sb)).toHaveLength(1);
  });
});

describe('expiry of a test or order left unanswered', () => {
  const cases = [
    ['teamtailor', 'Expired'],
    ['recruitee', 'Canceled'],
    ['greenhouse', 'Expired'],
    ['smartrecruiters', 'Expired'],
  ] as const;
  it.each(cases)('%s shows "%s" once expireAfterDays have passed on the clock, never by default', async (ats, word) => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { autoComplete: false }, emulators: { [ats]: { expireAfterDays: 14 } } });
    sb.clock.freeze('2030-01-01T00:00:00.000Z');
    const sent = await sb.admin.sendTest(ats);
    expect(sent.ok).toBe(true);
    const status = async () => (await sb!.admin.candidate(ats, 'cand_ada')).results.find((r) => r.orderId === sent.orderId)!.status;
    const before = await status();
    await sb.clock.advance('13d');
    expect((await status()).label).toBe(before.label);
    await sb.clock.advance('1d');
    expect((await status()).label).toBe(word);
    expect((await status()).tooltip).toContain('no result 14 days');
  });

  it('takes the setting at run time too (PUT /_sandbox/settings)', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { autoComplete: false } });
    sb.clock.freeze('2030-01-01T00:00:00.000Z');
    const sent = await sb.admin.sendTest('greenhouse');
    const put = await fetch(`${sb.urls.greenhouse}/_sandbox/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expireAfterDays: 2 }) });
    expect(put.status).toBe(200);
    await sb.clock.advance('2d');
    expect((await sb.admin.candidate('greenhouse', 'cand_ada')).results.find((r) => r.orderId === sent.orderId)!.status.label).toBe('Expired');
  });

  it('does not expire a completed test, nor any test by default', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { completeAfterMs: 60_000 }, emulators: { teamtailor: { expireAfterDays: 1 } } });
    sb.clock.freeze('2030-01-01T00:00:00.000Z');
    const done = await sb.admin.sendTest('teamtailor');
    const open = await sb.admin.sendTest('recruitee');
    await sb.clock.advance('30d');
    expect((await sb.admin.candidate('teamtailor', 'cand_ada')).results.find((r) => r.orderId === done.orderId)!.status.label).toBe('Completed');
    expect((await sb.admin.candidate('recruitee', 'cand_ada')).results.find((r) => r.orderId === open.orderId)!.status.label).not.toBe('Canceled');
  });
});
