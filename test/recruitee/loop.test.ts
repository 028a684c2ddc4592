/** The whole Recruitee loop over HTTP, for both partner kinds: modal → send_candidate → order webhook → partner result → report → candidate row. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import { CODENAME, partnerBehaviour, partnerOrders, reportsOf } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
});
afterAll(() => sb.close());

describe('Recruitee end to end', () => {
  it('assessment: the row shows the test name, "82%" beside it, Completed in its tooltip and an Open link', async () => {
    const report = await sb.admin.sendTest('recruitee', { category: 'assessment' });
    expect(report.ok).toBe(true);
    expect(report.packages?.map((p) => p.id)).toEqual(['pkg_js_senior', 'pkg_logic']);
    expect(report.orderId).toMatch(/^ord_/);
    const card = await sb.admin.waitForCard('recruitee', 'cand_ada', (c) => c.results.some((r) => r.nativeId === report.nativeId && r.status.label === 'Completed'));
    const row = card.results.find((r) => r.nativeId === report.nativeId)!;
    expect(row.title).toBe('JavaScript – Senior');
    expect(row.score?.text).toBe('82%');
    expect(row.status.tooltip).toBe('Completed');
    expect(row.status.icon).toBeUndefined();
    expect(row.links).toEqual([{ text: 'Open', url: `${sb.urls.partner}/reports/${report.orderId}` }]);
    expect(row.fields).toContainEqual({ label: 'Sent by', value: 'Edison Kuhn' });
    expect(card.candidate.nativeId).toBe('54321');

    // send_candidate carried the report id, test_id as a string; the result went out as a flat report update
    const hops = await sb.admin.journal({ hop: 'result-mapping' });
    const out = hops.find((h) => h.service === 'bridge' && h.direction === 'out' && h.orderId === report.orderId)!;
    expect(out.url).toContain(`/rc/api/p/${CODENAME(sb)}/reports/${report.nativeId}`);
    expect(JSON.parse(out.requestBody!)).toEqual({ status: 'completed', score: '82%', completed_at: expect.any(String), urls: { result: `${sb.urls.partner}/reports/${report.orderId}` } });
    expect(out.verdicts?.every((v) => v.valid)).toBe(true);
  });

  it('background check: a second partner (own codename) gets the order; the row has no score and an Open link', async () => {
    const report = await sb.admin.sendTest('recruitee', { category: 'background_check' });
    expect(report.ok).toBe(true);
    expect(report.packages?.map((p) => p.id)).toEqual(['bgc_standard', 'bgc_employment']);
    const card = await sb.admin.waitForCard('recruitee', 'cand_ada', (c) => c.results.some((r) => r.nativeId === report.nativeId && r.links.length > 0));
    const row = card.results.find((r) => r.nativeId === report.nativeId)!;
    expect(row).toMatchObject({ category: 'background_check', title: 'Standard background check', status: { label: 'Completed', tooltip: 'Completed' } });
    expect(row.score).toBeUndefined();
    expect(row.links[0]).toEqual({ text: 'Open', url: `${sb.urls.partner}/reports/${report.orderId}` });
    const reports = await reportsOf(sb, `${CODENAME(sb)}-background-check`);
    expect(reports.map((r) => r.id)).toEqual([report.nativeId]);
    const order = (await partnerOrders(sb)).find((o) => o.id === report.orderId);
    expect(order.category).toBe('background_check');
  });

  it('under Public + Partner auth the order carries the job and its hiring team read from the Public API', async () => {
    const orders = await partnerOrders(sb);
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      const data = o.payload.event_data;
      expect(data.job).toMatchObject({ id: '12345', title: 'Backend Engineer' });
      expect(data.job.hiring_team.map((m: { email: string; role: string }) => `${m.role}:${m.email}`)).toEqual(['recruiter:edison.kuhn@acme.example', 'hiring_manager:mira.santos@acme.example']);
      expect(data.candidate).toMatchObject({ id: '54321', first_name: 'Ada', emails: [{ value: 'ada@example.com' }] });
      expect(data.requester).toBeUndefined();
    }
  });

  it('a pending row shows a clock; partial updates merge and repeated updates are accepted', async () => {
    await partnerBehaviour(sb, { complete: false });
    try {
      const report = await sb.admin.sendTest('recruitee', { category: 'assessment', packageId: 'pkg_logic', candidateId: 'cand_grace', recruiterId: 'rec_mira' });
      expect(report.ok).toBe(true);
      let card = await sb.admin.candidate('recruitee', 'cand_grace');
      let row = card.results.find((r) => r.nativeId === report.nativeId)!;
      expect(row.status).toMatchObject({ label: 'Sent', icon: 'clock', tone: 'pending', tooltip: 'Sent' });
      expect(row.score).toBeUndefined();
      expect(row.fields).toContainEqual({ label: 'Sent by', value: 'Mira Santos' });

      const path = resultPath('assessment', report.orderId!);
      const first = await bridgeCall(sb, 'recruitee', 'PATCH', path, { result: { value: 'in_progress' } });
      expect(first.status).toBe(200);
      const second = await bridgeCall(sb, 'recruitee', 'PATCH', path, { score: { label: 'Points', value: '12', min: '0', max: '15' } });
      expect(second.status).toBe(200);
      const [merged] = await reportsOf(sb, CODENAME(sb), 54323);
      expect(merged).toMatchObject({ status: 'sent', score: '12/15', urls: {} });
      const third = await bridgeCall(sb, 'recruitee', 'PATCH', path, { result: { value: 'failed' }, score: { value: '7', max: '15' }, result_url: 'https://vendor.example/r/1' });
      expect(third.status).toBe(200);

      card = await sb.admin.candidate('recruitee', 'cand_grace');
      row = card.results.find((r) => r.nativeId === report.nativeId)!;
      expect(row.score?.text).toBe('7/15');
      expect(row.status).toMatchObject({ label: 'Failed', tooltip: 'Failed', tone: 'danger' });
      expect(row.status.icon).toBeUndefined();
      expect(row.links).toEqual([{ text: 'Open', url: 'https://vendor.example/r/1' }]);
      const [stored] = await reportsOf(sb, CODENAME(sb), 54323);
      expect(stored).toMatchObject({ id: report.nativeId, status: 'failed', score: '7/15', urls: { result: 'https://vendor.example/r/1' }, test_id: 'pkg_logic' });
    } finally {
      await partnerBehaviour(sb, { complete: true });
    }
  });

  it('connector meta lists exactly the fields the Recruitee mapper uses', async () => {
    const meta = await bridgeCall(sb, 'recruitee', 'GET', '/connectors/meta/recruitee');
    const fields = meta.json.models['assessments/results'].update.input.default_fields;
    expect(fields.map((f: { name: string }) => f.name)).toEqual(['result', 'score', 'submission_date', 'result_url']);
    const result = fields.find((f: { name: string }) => f.name === 'result');
    expect(result.value_map.matcher).toContainEqual({ source_value: 'canceled', value: 'cancelled' });
  });
});
