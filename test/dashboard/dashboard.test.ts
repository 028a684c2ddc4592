/**
 * The dashboard in a real browser: a recruiter sends a test and watches the result land on the
 * card; an ATS's own error text when the package list fails; a refused duplicate update.
 * Needs Debian's Chromium (.ci/run installs it); without it these tests are skipped, saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import { CHROMIUM, hasChromium, launch, shot } from './browser.ts';

if (!hasChromium) console.warn(`dashboard browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('dashboard', () => {
  let sb: Sandbox;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 50 } });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${sb.urls.controlPlane}/`);
    await page.getByText('live', { exact: true }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await sb?.close();
  });

  const panel = (name: string) => page.getByRole('article', { name });

  it('sends a Greenhouse test and shows the result card as Greenhouse renders it', async () => {
    const gh = panel('Greenhouse');
    await expect.poll(() => gh.getByLabel('Greenhouse Package').locator('option').count()).toBeGreaterThan(0);
    await gh.getByRole('button', { name: 'Send Greenhouse test' }).click();
    await gh.getByText(/order ord_/).waitFor();
    await gh.getByText('View Report ↗').waitFor({ timeout: 10_000 });
    const card = await gh.locator('.card').innerText();
    expect(card).toContain('Score');
    expect(card).toContain('82');
    expect(card).toContain('Started At');
    expect(card).toContain('Completed At');
    expect(card).toContain('Strong on algorithms, weaker on CSS');
    await expect.poll(() => page.locator('#hops tr', { hasText: 'result-mapping' }).count()).toBeGreaterThan(0);
    await shot(page, 'greenhouse-result');
    expect(errors).toEqual([]);
  });

  it('shows a refused second Greenhouse update in the journal while the card keeps the first result', async () => {
    const state = (await sb.admin.state()) as { bridge: { orders: { id: string; provider: string; category: 'assessment' }[] } };
    const order = state.bridge.orders.find((o) => o.provider === 'greenhouse')!;
    const second = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath(order.category, order.id), { score: { value: '10' }, result_url: 'https://example.com/other', summary: 'second try' });
    expect(second.status).toBe(409);
    await page.getByLabel('Show hops of this order id').fill(order.id);
    const refused = page.locator('#hops tr', { hasText: '409' });
    await refused.first().waitFor();
    expect(await refused.first().innerText()).toContain('PATCH');
    const card = await panel('Greenhouse').locator('.card').innerText();
    expect(card).toContain('Strong on algorithms, weaker on CSS');
    expect(card).not.toContain('second try');
    await shot(page, 'greenhouse-duplicate-refused');
    await page.getByLabel('Show hops of this order id').fill('');
  });

  it('sends a background check from every ATS and shows each result the way that ATS does', async () => {
    const landed: Record<string, RegExp> = {
      Teamtailor: /Completed[\s\S]*See results ↗/,
      Recruitee: /Standard background check[\s\S]*Open ↗/,
      Greenhouse: /Standard background check[\s\S]*View Report ↗/,
      SmartRecruiters: /Standard background check[\s\S]*Download Reports/,
    };
    for (const name of Object.keys(landed)) {
      const p = panel(name);
      await p.getByLabel(`${name} Candidate`).selectOption('cand_juston');
      await p.getByLabel(`${name} Category`).selectOption('background_check');
      await expect.poll(() => p.getByLabel(`${name} Package`).inputValue()).toBe('bgc_standard');
      await p.getByRole('button', { name: `Send ${name} test` }).click();
    }
    for (const [name, pattern] of Object.entries(landed)) {
      await expect.poll(() => panel(name).locator('.card').innerText(), { timeout: 10_000 }).toMatch(pattern);
    }
    await shot(page, 'every-ats-background-check');
  });

  it('runs the duplicate Greenhouse update scenario and shows the second update refused', async () => {
    await page.getByLabel('Scenario to run').selectOption('greenhouse-duplicate-result-update-refused');
    await page.getByRole('button', { name: 'Run scenario' }).click();
    const result = page.locator('.scenario-result');
    await result.getByText(/greenhouse-duplicate-result-update-refused: passed in \d+ ms/).waitFor({ timeout: 15_000 });
    expect(await result.getByRole('list', { name: 'Expectations' }).innerText()).toMatch(/✓ step second: status is 409, body\.errorCode is "DuplicateResultUpdateError"/);
    expect(await result.getByRole('list', { name: 'Timeline' }).locator('li').count()).toBeGreaterThan(5);
    await shot(page, 'scenario-duplicate-update');
  });

  it('shows under a result what the bridge read on a guess, as text under the result', async () => {
    const sr = panel('SmartRecruiters');
    await expect.poll(() => sr.getByLabel('SmartRecruiters Package').locator('option').count()).toBeGreaterThan(0);
    const sent = await sb.admin.sendTest('smartrecruiters', { category: 'assessment', candidateId: 'cand_ada' });
    // the reference partner reports first; this later update is the one the card's warnings come from
    await sb.admin.waitForCard('smartrecruiters', 'cand_ada', (c) => c.results.some((r) => r.orderId === sent.orderId && r.status.label === 'Completed'));
    const res = await bridgeCall(sb, 'smartrecruiters', 'PATCH', resultPath('assessment', sent.orderId!), { result: { value: 'graded' }, score: { value: '82.5', min: '0', max: '100' }, result_url: 'https://partner.example/r/1' });
    expect(res.status).toBe(200);
    await sr.locator('select').first().selectOption('cand_ada'); // the card of the candidate the update was for
    const warnings = sr.locator('.sandbox-warnings li');
    await warnings.nth(1).waitFor({ timeout: 10_000 });
    const text = await sr.locator('.sandbox-warnings').first().innerText();
    expect(text).toContain('result.value is "graded"');
    expect(text).toContain('sent to SmartRecruiters as 83 (inferred)');
    // the list sits inside the result's text column, not beside it
    expect(await sr.locator('.result .body .sandbox-warnings').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('injects a fault and lists it in plain words, then clears it', async () => {
    await page.getByLabel('Fault route, method and path').fill('POST /webhooks/orders');
    await page.getByRole('button', { name: 'Inject fault' }).click();
    await page.getByRole('list', { name: 'Active faults' }).getByText('partner: POST /webhooks/orders → answer HTTP 500, always').waitFor();
    const faults = (await (await fetch(`${sb.urls.controlPlane}/_sandbox/faults`)).json()) as unknown[];
    expect(faults).toHaveLength(1);
    await page.getByRole('button', { name: 'Clear all faults' }).click();
    await page.getByRole('list', { name: 'Active faults' }).getByText('none').waitFor();
  });

  it('shows the ATS\'s own error text when the package list fails', async () => {
    await fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ packageList: 'http-500' }) });
    try {
      const gh = panel('Greenhouse');
      await gh.getByLabel('Greenhouse Category').selectOption('background_check');
      await gh.getByText('Sorry, we encountered an error. Please try again.').waitFor();
      await shot(page, 'greenhouse-package-list-failed');
    } finally {
      await fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ packageList: 'ok' }) });
    }
  });

  it('stays usable with hundreds of orders in the journal, and shows no secret', async () => {
    const placed = await Promise.all(Array.from({ length: 100 }, () => bridgeCall(sb, 'recruitee', 'POST', '/unified/ats/assessments/orders', { package: { id: 'pkg_logic' } })));
    expect(placed.every((p) => p.status === 200)).toBe(true);
    await expect.poll(() => page.locator('#hops tr').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(200);
    const html = await page.content();
    expect(html).not.toContain(sb.apiKey);
    for (const a of Object.values(sb.accounts)) expect(html).not.toContain(a.externalTriggerToken);
    const started = Date.now();
    await page.getByLabel('Show hops of this ATS').selectOption('greenhouse');
    expect(Date.now() - started).toBeLessThan(2_000);
    await shot(page, 'many-orders');
    await page.getByLabel('Show hops of this ATS').selectOption('');
  });
});
