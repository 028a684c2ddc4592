/** SmartRecruiters, end to end over HTTP: recruiter orders → bridge → reference partner → result PATCHed back → candidate card. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import { call, emulatorToken, setBehaviour } from './sr-helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
});
afterAll(() => sb.close());

const DATE_WORDS = /date|started|completed at|submitted/i;

describe.each(['assessment', 'background_check'] as const)('SmartRecruiters whole loop: %s', (category) => {
  it('orders, and the partner result lands on the candidate card as SmartRecruiters shows it', async () => {
    const report = await sb.admin.sendTest('smartrecruiters', { category });
    expect(report.ok, JSON.stringify(report.steps)).toBe(true);
    expect(report.orderId).toMatch(/^ord_/);
    expect(report.nativeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(report.hops.some((h) => h.hop === 'order-webhook' && h.direction === 'out')).toBe(true);

    const card = await sb.admin.waitForCard('smartrecruiters', 'cand_ada', (c) => c.results.some((r) => r.orderId === report.orderId && r.status.label === 'Completed'));
    const r = card.results.find((x) => x.orderId === report.orderId)!;
    expect(r.category).toBe(category);
    expect(r.status).toMatchObject({ label: 'Completed', tone: 'success', icon: 'check' });
    if (category === 'assessment') {
      expect(r.score).toEqual({ text: '82/100', value: 82, min: 0, max: 100 });
      expect(r.label).toBe('Percentage');
      expect(r.summary).toBe('Strong on algorithms, weaker on CSS');
    } else {
      expect(r.score).toBeUndefined();
      expect(r.summary).toMatch(/^Clear/);
    }
    // result_url and the PDF both under Download Reports
    expect(r.links.map((l) => l.text)).toEqual(['Download Reports: Report', 'Download Reports: PDF report']);
    expect(r.links[0].url).toBe(`${sb.urls.partner}/reports/${report.orderId}`);
    expect(r.links[1].url).toBe(`${sb.urls.partner}/reports/${report.orderId}.pdf`);
    // no dates anywhere on the card
    expect(r.fields.filter((f) => DATE_WORDS.test(f.label))).toEqual([]);
    expect(Object.keys(r)).not.toContain('updatedAt');
    expect(JSON.stringify(r)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    // the partner's order carried the SmartRecruiters order id as remote_id; the PATCH passed the native schema
    const results = sb.journal.query({ orderId: report.orderId, hop: 'result-mapping', service: 'bridge' });
    const patch = results.find((h) => h.method === 'PATCH')!;
    expect(patch.status).toBe(200);
    expect(patch.url).toContain(`/orders/${report.nativeId}/results`);
    expect(patch.verdicts?.every((v) => v.valid)).toBe(true);
    // start/submission dates are stored even though the card does not show them
    const token = await emulatorToken(sb);
    const app = await call(`${sb.urls.smartrecruiters}/assessment-api/v202107/assessment-orders?applicationId=a9900000-0000-4000-8000-000026234709`, { headers: { authorization: `Bearer ${token}` } });
    expect(app.status).toBe(200);
    const stored = app.json.find((o: { orderId: string }) => o.orderId === report.nativeId);
    expect(stored).toMatchObject({ status: 'COMPLETED', submissionDate: expect.any(String), assessmentPackageDate: expect.any(String) });
  });
});

describe('SmartRecruiters repeated updates (merge patch)', () => {
  it('IN_PROGRESS then COMPLETED both land, the second keeping what the first set', async () => {
    await setBehaviour(sb, { complete: false });
    try {
      const report = await sb.admin.sendTest('smartrecruiters', { category: 'assessment', candidateId: 'cand_grace' });
      expect(report.ok).toBe(true);
      const first = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', report.orderId!), { result: { value: 'in_progress' }, summary: 'Started section 1' });
      expect(first.status).toBe(200);
      let card = await sb.admin.candidate('smartrecruiters', 'cand_grace');
      let r = card.results.find((x) => x.orderId === report.orderId)!;
      expect(r.status).toMatchObject({ label: 'In Progress', tone: 'warning' });
      expect(r.summary).toBe('Started section 1');

      const second = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', report.orderId!), { result: { value: 'passed' }, score: { value: '28', min: '20', max: '80' } });
      expect(second.status).toBe(200);
      card = await sb.admin.candidate('smartrecruiters', 'cand_grace');
      r = card.results.find((x) => x.orderId === report.orderId)!;
      expect(r.status.label).toBe('Completed');
      expect(r.score).toEqual({ text: '28/80', value: 28, min: 20, max: 80 });
      expect(r.summary).toBe('Started section 1'); // untouched by the second (merge) patch

      const third = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', report.orderId!), { result: { value: 'failed' }, summary: null });
      expect(third.status).toBe(200);
      card = await sb.admin.candidate('smartrecruiters', 'cand_grace');
      r = card.results.find((x) => x.orderId === report.orderId)!;
      expect(r.status).toMatchObject({ label: 'Rejected', tone: 'danger', icon: 'cross' });
      expect(r.summary).toBeUndefined(); // null removed it
      expect(r.score?.text).toBe('28/80');
    } finally {
      await setBehaviour(sb, { complete: true });
    }
  });
});
