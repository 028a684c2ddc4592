/** Run-time schema verdicts: a payload that breaks its schema at a boundary is in the journal, with pointer and reason. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../harness/sandbox.ts';
import { bridgeCall } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, only: ['bridge', 'partner', 'controlPlane'], partner: { autoComplete: false } });
});
afterAll(() => sb?.close());

const behave = (b: Record<string, unknown>) =>
  fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });

describe('schema verdicts in the journal', () => {
  it('a bare-array package list: the bridge\'s outbound package-list hop has an invalid response verdict at / (must be object)', async () => {
    await behave({ packageList: 'bare-array' });
    const r = await bridgeCall(sb, 'greenhouse', 'GET', '/unified/ats/assessments/packages');
    expect(r.status).toBe(502);
    const hop = (await sb.admin.journal({ service: 'bridge', hop: 'package-list' })).filter((e) => e.direction === 'out').at(-1);
    expect(hop?.verdicts).toEqual([
      { schema: 'unified/package-list-request', part: 'request', valid: true },
      { schema: 'unified/package-list-response', part: 'response', valid: false, issues: [expect.objectContaining({ pointer: '', message: 'must be object', expected: 'object', actual: expect.stringMatching(/^array/) })] },
    ]);
  });

  it('a package without a name: the verdict points at /data/0/name and says it is required', async () => {
    await behave({ packageList: 'missing-fields' });
    await bridgeCall(sb, 'greenhouse', 'GET', '/unified/ats/assessments/packages');
    const hop = (await sb.admin.journal({ service: 'bridge', hop: 'package-list' })).filter((e) => e.direction === 'out').at(-1);
    const response = hop?.verdicts?.find((v) => v.part === 'response');
    expect(response?.valid).toBe(false);
    expect(response?.issues).toContainEqual(expect.objectContaining({ pointer: '/data/0/name', message: 'is required' }));
  });

  it('a result update with a numeric score: the inbound result-update hop has an invalid request verdict at /score/value', async () => {
    await behave({ packageList: 'ok' });
    const order = await bridgeCall(sb, 'greenhouse', 'POST', '/unified/ats/assessments/orders', { package: { id: 'pkg_logic' }, candidate: { id: 'c' } });
    const r = await bridgeCall(sb, 'greenhouse', 'PATCH', `/unified/ats/assessments/orders/${order.json.id}/result`, { score: { value: 80 } });
    expect(r.status).toBe(400);
    const hop = (await sb.admin.journal({ service: 'bridge', hop: 'result-update' })).filter((e) => e.direction === 'in').at(-1);
    expect(hop?.verdicts).toEqual([
      { schema: 'unified/result-update', part: 'request', valid: false, issues: [expect.objectContaining({ pointer: '/score/value', message: 'must be string or null', actual: 'number 80' })] },
    ]);
  });
});
