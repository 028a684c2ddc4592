/** The whole Greenhouse loop over HTTP, for both categories, and the one-update rule. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import { cardOf, field } from './support.ts';
import { GREENHOUSE_WORDING } from '../../mocks/greenhouse/wording.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
});
afterAll(() => sb.close());

describe.each(['assessment', 'background_check'] as const)('Greenhouse %s: recruiter sends, partner completes, recruiter sees the result', (category) => {
  let orderId: string;

  it('sends the test and shows the partner result on the candidate card', async () => {
    const report = await sb.admin.sendTest('greenhouse', { category });
    expect(report.ok, JSON.stringify(report.steps)).toBe(true);
    expect(report.recruiterSees).toBe(GREENHOUSE_WORDING.submitted);
    expect(report.orderId).toMatch(/^ord_/);
    orderId = report.orderId!;
    const urls = report.hops.filter((h) => h.service === 'greenhouse' && h.direction === 'out').map((h) => h.url);
    expect(urls.some((u) => u.includes('/external-trigger/greenhouse/list_tests?tenant-id=acme-corp'))).toBe(true);
    expect(urls.some((u) => u.includes('/send_test?tenant-id=acme-corp'))).toBe(true);
    expect(urls.every((u) => (category === 'background_check' ? u.includes('category=background_check') : !u.includes('category=')))).toBe(true);

    const card = await sb.admin.waitForCard('greenhouse', 'cand_ada', (c) => cardOf(c, orderId)?.status.label === 'Completed', 5_000);
    const r = cardOf(card, orderId)!;
    expect(r.category).toBe(category);
    expect(r.title).toBe(category === 'assessment' ? 'JavaScript – Senior' : 'Standard background check');
    expect(r.links).toContainEqual({ text: 'View Report', url: `${sb.urls.partner}/reports/${orderId}` });
    expect(field(r, 'Started At')).toMatch(/^\d{1,2}:\d{2} (AM|PM) \d{1,2} \w+ \d{4} UTC$/);
    expect(field(r, 'Completed At')).toMatch(/UTC$/);
    if (category === 'assessment') {
      expect(r.score?.value).toBe(82);
      expect(r.score?.text).toBe('82');
      expect(field(r, 'Stage')).toBe('Take Home Test (Sandbox Assessments)');
      expect(field(r, 'Notes')).toBe('Strong on algorithms, weaker on CSS');
    } else {
      expect(r.score).toBeUndefined();
      expect(field(r, 'Stage')).toBeUndefined();
      expect(field(r, 'Notes')).toBe('Clear: identity verified, no criminal records found');
    }
    expect(r.error).toBeUndefined();

    // every hop of this order: the PATCH, then Greenhouse reading test_status once, every payload schema-valid
    const hops = sb.journal.query({ orderId, limit: 200 });
    const patches = hops.filter((h) => h.hop === 'result-mapping' && h.direction === 'out');
    expect(patches.map((h) => [h.method, h.status])).toEqual([['PATCH', 200]]);
    const reads = hops.filter((h) => h.service === 'bridge' && h.direction === 'in' && h.url.includes('/test_status?'));
    expect(reads).toHaveLength(1);
    expect(reads[0].url).toContain(`?tenant-id=acme-corp`);
    expect(reads[0].url).toContain(`&partner_interview_id=${orderId}`);
    const bad = hops.flatMap((h) => (h.verdicts ?? []).filter((v) => !v.valid).map((v) => `${h.url} ${v.schema}`));
    expect(bad).toEqual([]);
  });

  it('refuses a second update of the same test with 409 and keeps the first result', async () => {
    const second = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath(category, orderId), {
      score: { value: '10' },
      summary: 'changed my mind',
      result_url: `${sb.urls.partner}/reports/other`,
    });
    expect(second.status).toBe(409);
    expect(second.json.errorCode).toBe('DuplicateResultUpdateError');
    expect(second.json.message).toContain('Greenhouse does not allow multiple result updates for the same test; the first result stays');
    expect(second.json.provider_errors[0].status).toBe(409);
    expect(second.json.provider_errors[0].raw.message).toBe(GREENHOUSE_WORDING.alreadyCompleted);

    const r = cardOf(await sb.admin.candidate('greenhouse', 'cand_ada'), orderId)!;
    expect(r.status.label).toBe('Completed');
    expect(r.links[0].url).toBe(`${sb.urls.partner}/reports/${orderId}`);
    expect(field(r, 'Notes')).not.toBe('changed my mind');
    if (category === 'assessment') expect(r.score?.value).toBe(82);

    // test_status keeps serving the accepted result, not the refused one
    const status = await fetch(`${sb.urls.bridge}/external-trigger/greenhouse/test_status?tenant-id=acme-corp&partner_interview_id=${orderId}${category === 'background_check' ? '&category=background_check' : ''}`, {
      headers: { authorization: `Basic ${Buffer.from(`${sb.accounts.greenhouse.externalTriggerToken}:`).toString('base64')}` },
    }).then((x) => x.json() as Promise<any>);
    expect(status.partner_status).toBe('complete');
    expect(status.metadata.Notes).not.toBe('changed my mind');
  });
});

describe('Greenhouse orders as the partner receives them', () => {
  it('carry candidate, application, requester and, with Public + Partner API, the hiring team', async () => {
    const orders = (await fetch(`${sb.urls.partner}/_partner/orders`).then((r) => r.json())) as any[];
    const o = orders.find((x) => x.provider === 'greenhouse')!.payload.event_data;
    expect(o.candidate).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', remote_id: '54321', emails: [{ value: 'ada@example.com' }] });
    expect(o.application.remote_id).toBe('26234709');
    expect(o.requester.email).toBe('edison.kuhn@acme.example');
    expect(o.package).toMatchObject({ id: 'pkg_js_senior', name: 'JavaScript – Senior' });
    expect(o.job.title).toBe('Backend Engineer');
    expect(o.job.hiring_team).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ first_name: 'Edison', role: 'recruiter' }),
        expect.objectContaining({ first_name: 'Mira', role: 'hiring_manager' }),
      ]),
    );
  });
});
