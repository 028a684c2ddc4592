/**
 * The attacks of issue 13 as a web page would make them, in the real browser (Debian's Chromium):
 * a page on another origin submits forms and fires no-cors requests at every service's sandbox
 * actions (reset, scenario run, open-links, partner reset, SmartRecruiters expire-tokens …), and a
 * page on a rebound host name (rebind.evil.example resolved to 127.0.0.1 by the browser) tries to
 * read the state and add a fault rule. Nothing changes; the dashboard itself still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { CHROMIUM, hasChromium } from '../dashboard/browser.ts';

describe.skipIf(!hasChromium)('a hostile web page in Chromium', () => {
  let sb: Sandbox;
  let browser: Browser;
  let evil: http.Server;
  let evilUrl: string;
  let page = '';

  beforeAll(async () => {
    sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 60_000 } });
    await sb.admin.sendTest('greenhouse', {});
    // the "public page": another origin (another port) serving whatever the test puts in `page`
    evil = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--host-resolver-rules=MAP rebind.evil.example 127.0.0.1'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (evil ? evil.close(() => r()) : r()));
    await sb?.close();
  });

  const ordersNow = async () => ((await sb.admin.state()) as { bridge: { orders: unknown[] } }).bridge.orders.length;

  it('forms (urlencoded, text/plain, multipart) and no-cors fetches from another origin change nothing', async () => {
    const targets = [
      `${sb.urls.controlPlane}/_sandbox/reset`,
      `${sb.urls.controlPlane}/_sandbox/scenarios/greenhouse-happy-path-assessment/run`,
      `${sb.urls.controlPlane}/_sandbox/actions/greenhouse/candidates/cand_ada/open-links`,
      `${sb.urls.controlPlane}/_sandbox/faults`,
      `${sb.urls.greenhouse}/_sandbox/reset`,
      `${sb.urls.smartrecruiters}/_sandbox/oauth/expire-tokens`,
      `${sb.urls.teamtailor}/_sandbox/teamtailor/activate`,
      `${sb.urls.partner}/_partner/reset`,
      `${sb.urls.bridge}/_sandbox/reset`,
    ];
    const before = await ordersNow();
    const answers: number[] = [];
    const ctx = await browser.newContext();
    const tab = await ctx.newPage();
    tab.on('response', (r) => r.request().method() === 'POST' && answers.push(r.status()));
    for (const [i, url] of targets.entries()) {
      for (const enctype of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data']) {
        page = `<form method="POST" action="${url}" enctype="${enctype}"><input name="x" value="1"></form><script>document.forms[0].submit()</script>`;
        await tab.goto(`${evilUrl}/form-${i}`);
        await tab.waitForLoadState('load');
      }
      page = `<script>fetch(${JSON.stringify(url)}, { method: 'POST', mode: 'no-cors', body: 'x' }).then(() => document.title = 'sent', () => document.title = 'sent')</script>`;
      await tab.goto(`${evilUrl}/fetch-${i}`);
      await tab.waitForFunction('document.title === "sent"');
    }
    await ctx.close();
    expect(answers.length).toBeGreaterThanOrEqual(targets.length * 3);
    expect(answers.filter((s) => s < 400)).toEqual([]);
    expect(await ordersNow()).toBe(before);
    expect(((await (await fetch(`${sb.urls.controlPlane}/_sandbox/faults`)).json()) as unknown[]).length).toBe(0);
  });

  it('a rebound host name (DNS rebinding) gets 421 from every service: no state read, no fault added', async () => {
    const ctx = await browser.newContext();
    const tab = await ctx.newPage();
    for (const [service, base] of Object.entries(sb.urls)) {
      const port = new URL(base).port;
      const res = await tab.goto(`http://rebind.evil.example:${port}/_sandbox/state`);
      expect(res?.status(), service).toBe(421);
    }
    // a page served (by the attacker) from the rebound name, once it points at the control plane, tries to act
    const port = new URL(sb.urls.controlPlane).port;
    await tab.goto(`http://rebind.evil.example:${port}/`);
    const tried = await tab.evaluate(async () => {
      const add = await fetch('/_sandbox/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ target: 'bridge', route: { path: '/**' }, action: { type: 'reset' } }) });
      const state = await fetch('/_sandbox/state');
      return [add.status, state.status];
    });
    expect(tried).toEqual([421, 421]);
    expect(((await (await fetch(`${sb.urls.controlPlane}/_sandbox/faults`)).json()) as unknown[]).length).toBe(0);
    await ctx.close();
  });

  it('the dashboard, on its own origin, still resets and runs', async () => {
    const ctx = await browser.newContext();
    const tab = await ctx.newPage();
    await tab.goto(`${sb.urls.controlPlane}/`);
    await tab.getByText('live', { exact: true }).waitFor();
    const status = await tab.evaluate(async () => (await fetch('/_sandbox/reset', { method: 'POST', headers: { 'x-ats-sandbox': '1' } })).status);
    expect(status).toBe(200);
    expect(await ordersNow()).toBe(0);
    await ctx.close();
  });
});
