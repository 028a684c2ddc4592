/** SmartRecruiters' rules on results, enforced by the bridge before sending and by the emulator when it receives. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import { call, json, setBehaviour } from './sr-helpers.ts';

let sb: Sandbox;
let orderId: string;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
  await setBehaviour(sb, { complete: false });
  const report = await sb.admin.sendTest('smartrecruiters', { category: 'assessment' });
  expect(report.ok).toBe(true);
  orderId = report.orderId!;
});
afterAll(() => sb.close());

const card = async () => (await sb.admin.candidate('smartrecruiters', 'cand_ada')).results.find((r) => r.orderId === orderId)!;
const patchesTo = () => sb.journal.query({ orderId, service: 'bridge', hop: 'result-mapping' }).filter((h) => h.method === 'PATCH').length;

describe('SmartRecruiters result rules', () => {
  it('refuses a score without min and max before sending, naming /score/min and /score/max', async () => {
    const before = patchesTo();
    const res = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', orderId), { result: { value: 'passed' }, score: { label: 'Percentage', value: '82' } });
    expect(res.status).toBe(400);
    expect(res.json.errorCode).toBe('ValidationError');
    expect(res.json.details.map((d: { pointer: string }) => d.pointer).sort()).toEqual(['/score/max', '/score/min']);
    expect(res.json.message).toContain('/score/min');
    expect(res.json.message).toContain('/score/max');
    expect(res.json.message).toContain('GET /connectors/meta/smartrecruiters');
    expect(patchesTo()).toBe(before); // nothing reached SmartRecruiters
    const c = await card();
    expect(c.status.label).toBe('Sent');
    expect(c.score).toBeUndefined();
  });

  it('refuses a score part that is not a number (SmartRecruiters stores integers), naming it', async () => {
    const res = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', orderId), { score: { value: '82', min: '0', max: 'hundred' } });
    expect(res.status).toBe(400);
    expect(res.json.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/score/max']);
  });

  it('rounds a decimal score and sends an attachment without content_type as OTHER_URL, with a warning for each', async () => {
    const res = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', orderId), {
      score: { value: '82.5', min: '0', max: '100' },
      attachments: [{ url: 'https://partner.example/r.pdf' }],
    });
    expect(res.status).toBe(200);
    expect(res.warnings).toEqual([expect.stringMatching(/^score\.value is not a whole number: sent to SmartRecruiters as 83/), expect.stringMatching(/^attachments\.0\.content_type is missing: listed under Download Reports as OTHER_URL/)]);
    const c = await card();
    expect(c.score).toMatchObject({ value: 83, min: 0, max: 100 });
    expect(c.links).toContainEqual({ text: 'Download Reports: Report', url: 'https://partner.example/r.pdf' });
    expect(c.warnings).toHaveLength(2);
  });

  it('connector meta lists exactly the mapped fields, score value/min/max required', async () => {
    const res = await fetch(`${sb.urls.bridge}/connectors/meta/smartrecruiters`, { headers: { authorization: `Basic ${Buffer.from(`${sb.apiKey}:`).toString('base64')}` } });
    const meta = (await res.json()) as any;
    const fields = meta.models['assessments/results'].update.input.default_fields;
    expect(fields.map((f: { name: string }) => f.name)).toEqual(['result', 'score', 'summary', 'result_url', 'attachments', 'start_date', 'submission_date']);
    const score = fields.find((f: { name: string }) => f.name === 'score');
    expect(score.type.filter((f: { required?: boolean }) => f.required).map((f: { name: string }) => f.name)).toEqual(['value', 'min', 'max']);
  });

  it('maps every unified result value to a SmartRecruiters status on the card', async () => {
    const seen: Record<string, string> = {};
    for (const value of ['initiated', 'in_progress', 'expired', 'cancelled', 'completed']) {
      const res = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', orderId), { result: { value } });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      seen[value] = (await card()).status.label;
    }
    expect(seen).toEqual({ initiated: 'Pending', in_progress: 'In Progress', expired: 'Expired', cancelled: 'Rejected', completed: 'Completed' });
    expect((await card()).status).toMatchObject({ icon: 'check', tone: 'success' });
  });

  it("returns SmartRecruiters' refusal as ProviderRefusedError with the provider's words (strict terminal mode)", async () => {
    const put = await call(`${sb.urls.smartrecruiters}/_sandbox/settings`, json('PUT', { strictTerminalStatus: true }));
    expect(put.status).toBe(200);
    try {
      const res = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', orderId), { summary: 'late change' });
      expect(res.status).toBe(400);
      expect(res.json.errorCode).toBe('ProviderRefusedError');
      expect(res.json.provider_errors[0]).toMatchObject({ status: 400, headers: null });
      expect(res.json.provider_errors[0].url).toContain('/assessment-api/v202010/orders/');
      expect(res.json.provider_errors[0].raw.errors[0].code).toBe('ORDER_RESULT_FINAL');
      expect((await card()).summary).toBeUndefined();
    } finally {
      await call(`${sb.urls.smartrecruiters}/_sandbox/settings`, json('PUT', { strictTerminalStatus: false }));
    }
  });

  it('gets a fresh customer token when SmartRecruiters has expired the cached one', async () => {
    const expired = await call(`${sb.urls.smartrecruiters}/_sandbox/oauth/expire-tokens`, { method: 'POST', headers: { 'x-ats-sandbox': '1' } });
    expect(expired.json.expired).toBeGreaterThan(0);
    const res = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', orderId), { summary: '<p>Rich <b>text</b></p>' });
    expect(res.status).toBe(200);
    expect((await card()).summary).toBe('<p>Rich <b>text</b></p>');
    const calls = sb.journal.query({ orderId, service: 'bridge', hop: 'result-mapping' }).slice(-3).map((h) => `${h.method} ${h.status}`);
    expect(calls).toEqual(['PATCH 401', 'POST 200', 'PATCH 200']);
  });
});
