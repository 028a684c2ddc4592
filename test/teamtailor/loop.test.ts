/**
 * Teamtailor end to end over HTTP: recruiter sends the partner form → bridge → reference partner →
 * unified result → Teamtailor partner-result → the candidate card, for both marketplace partners.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import type { ResultCardView } from '../../schemas/generated/sandbox/candidate-card.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
});
afterAll(() => sb.close());

const behaviour = (b: Record<string, unknown>) =>
  fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
const cardOf = async (nativeId: string): Promise<ResultCardView> => (await sb.admin.candidate('teamtailor', 'cand_ada')).results.find((r) => r.nativeId === nativeId)!;

describe('Teamtailor: the whole loop', () => {
  it('assessment: the card shows "82 out of 100", Completed, See results, one attachment and the summary', async () => {
    const report = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
    expect(report.ok).toBe(true);
    expect(report.recruiterSees).toBe('Webhook sent');
    expect(report.orderId).toMatch(/^ord_/);
    const card = await sb.admin.waitForCard('teamtailor', 'cand_ada', (c) => c.results.some((r) => r.nativeId === report.nativeId && r.status.label === 'Completed'));
    const r = card.results.find((x) => x.nativeId === report.nativeId)!;
    expect(r.orderId).toBe(report.orderId);
    expect(r.category).toBe('assessment');
    expect(r.title).toBe('Sandbox Assessments webhook');
    expect(r.label).toBe('JavaScript – Senior');
    expect(r.status).toMatchObject({ label: 'Completed', tone: 'success' });
    expect(r.score?.text).toBe('82 out of 100');
    expect(r.summary).toBe('Strong on algorithms, weaker on CSS');
    expect(r.links).toEqual([{ text: 'See results', url: `${sb.urls.partner}/reports/${report.orderId}` }]);
    expect(r.attachments).toEqual([{ name: `${report.orderId}.pdf`, url: `${sb.urls.partner}/reports/${report.orderId}.pdf` }]);
    // the result went to Teamtailor in its own protocol, and both sides judged it valid
    const put = (await sb.admin.journal({ orderId: report.orderId, limit: 50 })).find((h) => h.service === 'bridge' && h.hop === 'result-mapping');
    expect(put?.method).toBe('PUT');
    expect(put?.url).toContain(`/partner/v1/partner-results/${report.nativeId}`);
    expect(put?.requestHeaders?.['x-api-version']).toBe('20180828');
    expect(put?.verdicts?.every((v) => v.valid)).toBe(true);
  });

  it('background check: the other marketplace partner; no score means a check icon instead of the score tile', async () => {
    const report = await sb.admin.sendTest('teamtailor', { category: 'background_check' });
    expect(report.ok).toBe(true);
    expect(report.packages?.map((p) => p.id)).toEqual(['bgc_standard', 'bgc_employment']);
    const hop = report.hops.find((h) => h.service === 'bridge' && h.direction === 'in' && h.url.includes('/webhook'));
    expect(hop?.url).toBe('/external-trigger/teamtailor/background_check/webhook');
    const card = await sb.admin.waitForCard('teamtailor', 'cand_ada', (c) => c.results.some((r) => r.nativeId === report.nativeId && r.status.label === 'Completed'));
    const r = card.results.find((x) => x.nativeId === report.nativeId)!;
    expect(r.category).toBe('background_check');
    expect(r.title).toBe('Sandbox Background Checks webhook');
    expect(r.status).toEqual({ label: 'Completed', tone: 'success', icon: 'check' });
    expect(r.score).toBeUndefined();
    expect(r.summary).toBe('Clear: identity verified, no criminal records found');
    expect(r.links.map((l) => l.text)).toEqual(['See results']);
    expect(r.attachments).toHaveLength(1);
    const orders = (await (await fetch(`${sb.urls.partner}/_partner/orders`)).json()) as { id: string; category: string }[];
    expect(orders.find((o) => o.id === report.orderId)?.category).toBe('background_check');
  });
});

describe('Teamtailor: results the partner writes itself', () => {
  let orderId: string;
  let nativeId: string;
  beforeAll(async () => {
    await behaviour({ complete: false });
    const report = await sb.admin.sendTest('teamtailor', { category: 'assessment', packageId: 'pkg_logic' });
    orderId = report.orderId!;
    nativeId = report.nativeId!;
    expect((await cardOf(nativeId)).status).toMatchObject({ label: 'Sent', tone: 'pending' });
  });
  afterAll(async () => {
    await behaviour({ complete: true });
  });

  const full = {
    score: { label: 'Percentage', value: '41', min: '0', max: '50' },
    result: { value: 'passed', source_value: 'Passed' },
    summary: 'Passed',
    result_url: 'https://vendor.example/r/1',
    attachments: [{ url: 'https://vendor.example/r/1/report.pdf', content_type: { value: 'pdf', source_value: 'application/pdf' } }],
  };

  it('accepts the same result twice (Teamtailor allows repeated updates) and the card stays right', async () => {
    const first = await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', orderId), full);
    const second = await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', orderId), full);
    expect([first.status, second.status]).toEqual([200, 200]);
    const r = await cardOf(nativeId);
    expect(r.score?.text).toBe('82 out of 100'); // 41 on 0..50
    expect(r.status.label).toBe('Completed');
    expect(r.attachments).toEqual([{ name: 'report.pdf', url: 'https://vendor.example/r/1/report.pdf' }]);
    expect(r.links).toEqual([{ text: 'See results', url: 'https://vendor.example/r/1' }]);
  });

  it('renders completed without a score (check icon) and without a URL (no See results link)', async () => {
    const rep = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
    const res = await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', rep.orderId!), { result: { value: 'completed' }, summary: 'x'.repeat(200) });
    expect(res.status).toBe(200);
    const r = await cardOf(rep.nativeId!);
    expect(r.status).toEqual({ label: 'Completed', tone: 'success', icon: 'check' });
    expect(r.score).toBeUndefined();
    expect(r.links).toEqual([]);
    expect(r.attachments).toEqual([]);
    expect(r.summary).toBe('x'.repeat(150));
  });

  it('renders failed in red, with its score and link', async () => {
    const rep = await sb.admin.sendTest('teamtailor', { category: 'background_check' });
    const res = await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('background_check', rep.orderId!), {
      result: { value: 'failed', source_value: 'consider' },
      summary: 'Criminal record found',
      result_url: 'https://vendor.example/bgc/9',
    });
    expect(res.status).toBe(200);
    const r = await cardOf(rep.nativeId!);
    expect(r.status).toMatchObject({ label: 'Failed', tone: 'danger' });
    expect(r.summary).toBe('Criminal record found');
    expect(r.links).toEqual([{ text: 'See results', url: 'https://vendor.example/bgc/9' }]);
  });

  it('accepts a score it cannot place on the 0..100 scale, keeps the shown score and warns; clamps one outside min..max', async () => {
    const before = await cardOf(nativeId);
    const res = await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', orderId), { score: { value: 'eighty', min: '0', max: '100' } });
    expect(res.status).toBe(200);
    expect(res.warnings).toEqual([expect.stringMatching(/^score\.value cannot be read as a number: the score is left out \(inferred\)/)]);
    const after = await cardOf(nativeId);
    expect(after.score?.text).toBe(before.score?.text);
    const over = await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', orderId), { score: { value: '120', min: '0', max: '100' } });
    expect(over.status).toBe(200);
    expect(over.warnings[0]).toMatch(/^score\.value lies outside score\.min\.\.score\.max \(0\.\.100\): shown as 100 out of 100/);
    expect((await cardOf(nativeId)).score?.text).toBe('100 out of 100');
  });

  it("passes Teamtailor's refusal on with provider_errors (the partner-result was deleted in Teamtailor)", async () => {
    const rep = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
    const del = await fetch(`${sb.urls.teamtailor}/partner/v1/partner-results/${rep.nativeId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sb.accounts.teamtailor.native.partnerApiKey}`, 'x-api-version': '20180828' },
    });
    expect(del.status).toBe(204);
    const res = await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', rep.orderId!), { result: { value: 'passed' } });
    expect(res.status).toBe(404);
    expect(res.json.errorCode).toBe('ProviderRefusedError');
    expect(res.json.provider_errors).toEqual([
      expect.objectContaining({ status: 404, url: expect.stringContaining(`/partner/v1/partner-results/${rep.nativeId}`), raw: { errors: [expect.objectContaining({ status: '404' })] } }),
    ]);
  });
});
