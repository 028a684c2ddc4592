/**
 * Hostile values through the real paths (issue 13): every emulator's native result API accepts only
 * http(s) links (refused in its own shape, naming the field); Greenhouse never stores a non-http(s)
 * View Report link from test_status; and in the real browser the dashboard never makes a
 * non-http(s) link live and the reference partner's report page runs no script from an order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { validate } from '../../harness/schemas/registry.ts';
import { sign, SIGNATURE_HEADER } from '../../harness/signing.ts';
import { DEFAULT_WEBHOOK_SECRET } from '../../harness/config.ts';
import { isHttpUrl } from '../../harness/http/html.ts';
import { CODENAME, SECRET, native } from '../recruitee/helpers.ts';
import { call, emulatorToken, json } from '../smartrecruiters/sr-helpers.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import { hasChromium, launch } from '../dashboard/browser.ts';

const HOSTILE = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'file:///etc/passwd', ' javascript:alert(1)'];

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
});
afterAll(() => sb?.close());

describe('emulators accept only http(s) links in results', () => {
  it('isHttpUrl: http and https only', () => {
    for (const u of HOSTILE) expect(isHttpUrl(u), u).toBe(false);
    for (const u of ['https://vendor.example/r/1', 'HTTP://vendor.example/', 'http://127.0.0.1:4015/reports/x']) expect(isHttpUrl(u), u).toBe(true);
  });

  it('SmartRecruiters results API: 400 INVALID_PARTIAL_UPDATE naming attachments/0/url; the stored result is unchanged', async () => {
    const report = await sb.admin.sendTest('smartrecruiters', { category: 'assessment' });
    const url = `${sb.urls.smartrecruiters}/assessment-api/v202010/orders/${report.nativeId}/results`;
    const token = await emulatorToken(sb);
    for (const bad of HOSTILE) {
      const r = await call(url, json('PATCH', { status: 'COMPLETED', attachments: [{ type: 'PDF_URL', url: bad }] }, { authorization: `Bearer ${token}` }));
      expect(r.status, bad).toBe(400);
      expect(validate('smartrecruiters/error', r.json).valid).toBe(true);
      expect(JSON.stringify(r.json)).toContain('/attachments/0/url');
    }
    const ok = await call(url, json('PATCH', { attachments: [{ type: 'PDF_URL', url: 'https://vendor.example/r.pdf' }] }, { authorization: `Bearer ${token}` }));
    expect(ok.status).toBe(200);
    expect(ok.json.status).toBeUndefined(); // none of the refused COMPLETED updates was applied
  });

  it('Teamtailor Partner Results: 422 in JSON:API naming the attribute', async () => {
    const report = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
    const key = sb.accounts.teamtailor.native.partnerApiKey;
    for (const bad of HOSTILE) {
      const res = await fetch(`${sb.urls.teamtailor}/partner/v1/partner-results/${report.nativeId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${key}`, 'x-api-version': '20180828', 'content-type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'partner-results', id: report.nativeId, attributes: { status: 'completed', url: 'https://ok.example/', attachments: [{ url: bad, description: 'x' }] } } }),
      });
      expect(res.status, bad).toBe(422);
      const body = (await res.json()) as { errors: { source?: { pointer: string } }[] };
      expect(body.errors.map((e) => e.source?.pointer)).toContain('/data/attributes/attachments/0/url');
    }
  });

  it('Recruitee reports: 422 naming urls/result', async () => {
    const report = await sb.admin.sendTest('recruitee', { category: 'assessment' });
    for (const bad of HOSTILE) {
      const r = await native(sb, 'PATCH', `/rc/api/p/${CODENAME(sb)}/reports/${report.nativeId}`, { secret: SECRET(sb), body: { status: 'completed', urls: { result: bad } } });
      expect(r.status, bad).toBe(422);
      expect(JSON.stringify(r.json)).toContain('urls');
    }
  });

  it('Greenhouse: a test_status with a javascript: report link is told back (response_error) and never becomes View Report', async () => {
    const report = await sb.admin.sendTest('greenhouse', { category: 'assessment' });
    const r = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', report.orderId!), { result_url: 'javascript:alert(document.domain)', result: { value: 'passed' } });
    expect(r.status).toBeGreaterThanOrEqual(200);
    const card = await sb.admin.candidate('greenhouse', report.candidateId);
    const links = card.results.flatMap((x) => [...x.links.map((l) => l.url), ...x.attachments.map((a) => a.url)]);
    expect(links.filter((u) => !isHttpUrl(u))).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('pages in the real browser', () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(() => browser?.close());

  it('the reference partner report page shows a hostile candidate name as text (no script, no dialog)', async () => {
    const id = 'ord_hostile_name';
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const body = JSON.stringify({ event: 'ats_assessments.created', record_id: id, record_type: 'assessment_order', account_id: sb.accounts.greenhouse.id, provider: 'greenhouse', event_data: { id, package: { id: 'p', name: '<b onmouseover=alert(3)>Pkg</b>' }, candidate: { id: 'c', first_name: name, last_name: '"><svg onload=alert(4)>' } } });
    const res = await fetch(`${sb.urls.partner}/webhooks/orders`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(body, DEFAULT_WEBHOOK_SECRET) }, body });
    expect(res.status).toBe(200);
    await page.goto(`${sb.urls.partner}/reports/${id}`);
    expect(await page.locator('p').innerText()).toContain('<img src=x onerror="alert(1)">');
    expect(await page.locator('img, script, svg, b').count()).toBe(0);
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
  });

  it('the dashboard shows non-http(s) links as text, never as live links', async () => {
    // the emulators refuse such links now; the dashboard must still never make one live, so the card is served as an older sandbox stored it
    const report = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
    const real = await sb.admin.candidate('teamtailor', report.candidateId);
    const hostileCard = {
      ...real,
      results: [{ ...(real.results[0] ?? {}), orderId: report.orderId, title: '<img src=x onerror=alert(5)>', summary: '<script>alert(6)</script>', status: { label: 'Completed', tone: 'ok' }, links: HOSTILE.map((u, i) => ({ text: `bad ${i}`, url: u })).concat([{ text: 'good', url: 'https://vendor.example/r' }]), attachments: [{ name: 'a.pdf', url: 'javascript:alert(7)' }], fields: [] }],
    };
    await page.route(`**/_sandbox/ats/teamtailor/candidates/${report.candidateId}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostileCard) }));
    await page.goto(`${sb.urls.controlPlane}/`);
    await page.getByText('live', { exact: true }).waitFor();
    const panel = page.getByRole('article', { name: 'Teamtailor' });
    await panel.getByText('bad 0').first().waitFor({ timeout: 10_000 });
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !/^(https?:\/\/|\/)/i.test(h))).toEqual([]);
    expect(hrefs).toContain('https://vendor.example/r');
    expect(await panel.locator('.unsafe-link').count()).toBe(HOSTILE.length + 1);
    expect(await panel.locator('img, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
