/**
 * The dashboard's clock (issue 16) in a real browser: Freeze, Advance 1h and the order the partner
 * completes an hour later shows its result; Resume lets time run. Skipped without Debian's Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { hasChromium, launch, shot } from './browser.ts';

describe.skipIf(!hasChromium)('dashboard clock', () => {
  let sb: Sandbox;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { completeAfterMs: 3_600_000 } });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${sb.urls.controlPlane}/`);
    await page.locator('#clock-time').getByText('UTC').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await sb?.close();
  });

  it('freezes, advances an hour (the partner completes its order) and resumes', async () => {
    await page.getByRole('button', { name: 'Freeze the sandbox clock' }).click();
    await page.locator('#clock-time').getByText('(frozen)').waitFor();
    expect(sb.clock.frozen).toBe(true);
    const frozenAt = sb.clock.now();
    const sent = await sb.admin.sendTest('teamtailor');
    expect((await sb.admin.candidate('teamtailor', 'cand_ada')).results.find((r) => r.orderId === sent.orderId)?.status?.label).not.toBe('Completed');
    await page.getByLabel('How far to advance the clock').selectOption('1h');
    await page.getByRole('button', { name: 'Advance the sandbox clock' }).click();
    await page.locator('#clock-note').getByText(/ran \d+ timer/).waitFor();
    expect(sb.clock.now() - frozenAt).toBe(3_600_000);
    expect(await page.locator('#clock-time').innerText()).toContain(new Date(frozenAt + 3_600_000).toISOString().replace('T', ' ').slice(0, 19));
    expect((await sb.admin.candidate('teamtailor', 'cand_ada')).results.find((r) => r.orderId === sent.orderId)?.status?.label).toBe('Completed');
    await shot(page, 'clock-advanced');
    await page.getByRole('button', { name: 'Let the sandbox clock run again' }).click();
    await page.getByRole('button', { name: 'Freeze the sandbox clock' }).waitFor();
    expect(sb.clock.frozen).toBe(false);
    expect(errors).toEqual([]);
  });
});
