/**
 * A fifth ATS is one folder per side: ExampleHR (test/fixtures/ats/examplehr/) registers itself and
 * runs the whole loop (recruiter → package list → order webhook → partner result → card), shows in
 * every list and schema enum, on the dashboard, in faults, and honours its own Pact contract, with
 * no edit outside its folder and this test (docs/adding-an-ats.md).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PactV4 } from '@pact-foundation/pact';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { registerAtsDefinition } from '../../harness/ats/sides.ts';
import { FAULT_TARGETS, PROVIDERS, SERVICES, DEFAULT_PORTS } from '../../harness/ats/registry.ts';
import { validate } from '../../harness/schemas/registry.ts';
import { maskHeaders } from '../../harness/secrets.ts';
import { PARTICIPANTS } from '../../harness/contracts/pact-files.ts';
import { runVerifier } from '../../harness/contracts/run-verifier.ts';
import { failureLines } from '../../harness/contracts/verify-report.ts';
import { atsRequestFilter } from '../../harness/contracts/ats/verify-filter.ts';
import { emulatorUnderTest } from '../../harness/contracts/ats/emulator-under-test.ts';
import { SANDBOX_HEADER } from '../../harness/http/request-guard.ts';
import { exampleHr } from '../fixtures/ats/examplehr/index.ts';
import { KEY, PROTOCOL } from '../fixtures/ats/examplehr/manifest.ts';
import { hasChromium, launch } from '../dashboard/browser.ts';
import { EXAMPLEHR_TRIGGERS, orderInteraction, packagesInteraction } from '../fixtures/ats/examplehr/contracts.ts';

let undo: () => void;
let sb: Sandbox;
beforeAll(async () => {
  undo = registerAtsDefinition(exampleHr);
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
});
afterAll(async () => {
  await sb?.close();
  undo?.();
});

describe('a fifth ATS registered from its own folder', () => {
  it('joins every list, port table and schema enum', () => {
    expect(PROVIDERS).toEqual(['teamtailor', 'recruitee', 'greenhouse', 'smartrecruiters', 'examplehr']);
    expect(SERVICES).toContain('examplehr');
    expect(FAULT_TARGETS).toContain('examplehr');
    expect(DEFAULT_PORTS[KEY]).toBe(4016);
    expect(validate('sandbox/config', { ports: { examplehr: 5016 }, providers: { examplehr: { authType: 'partner' } } }).valid).toBe(true);
    expect(validate('sandbox/fault', { target: 'examplehr', route: { path: '/api/**' }, action: { type: 'status', status: 503 } }).valid).toBe(true);
    expect(validate('sandbox/config', { providers: { otherhr: {} } }).valid).toBe(false);
    expect(maskHeaders({ [PROTOCOL.keyHeader]: 'exhr_partner_key_demo_93a1f4' })[PROTOCOL.keyHeader]).toContain('(masked)');
    expect(sb.urls[KEY]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('has its linked account on the bridge, as the Connector Hub shows it', async () => {
    const res = await fetch(`${sb.urls.bridge}/accounts/${sb.accounts[KEY].id}`, { headers: { authorization: `Basic ${Buffer.from(`${sb.apiKey}:`).toString('base64')}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ provider: 'examplehr', setup_information: { authentication_type: 'Public + Partner API', external_trigger_token_field: 'shown' } });
  });

  it('runs the whole loop: the form lists the partner\'s packages, Send orders, the partner\'s result shows on the card', async () => {
    const report = await sb.admin.sendTest(KEY, { category: 'assessment' });
    expect(report.ok, JSON.stringify(report)).toBe(true);
    expect(report.packages?.map((p) => p.id)).toEqual(['pkg_js_senior', 'pkg_logic']);
    expect(report.orderId).toMatch(/^ord_/);
    const card = await sb.admin.waitForCard(KEY, 'cand_ada', (c) => c.results.some((r) => r.orderId === report.orderId && r.status.label === 'Done'));
    expect(card.atsName).toBe('ExampleHR');
    const row = card.results.find((r) => r.orderId === report.orderId)!;
    expect(row).toMatchObject({ title: 'JavaScript – Senior', status: { label: 'Done', tone: 'success' }, score: { text: '82%' }, links: [{ text: 'Report', url: `${sb.urls.partner}/reports/${report.orderId}` }] });

    const hops = await sb.admin.journal({ orderId: report.orderId });
    const names = new Set(hops.map((h) => h.hop));
    for (const hop of ['external-trigger', 'order-webhook', 'result-update', 'result-mapping']) expect(names, hop).toContain(hop);
    const mapping = hops.find((h) => h.hop === 'result-mapping' && h.direction === 'out')!;
    expect(mapping.requestHeaders?.[PROTOCOL.keyHeader]).toContain('(masked)');
    expect(JSON.stringify(hops)).not.toContain('exhr_partner_key_demo_93a1f4');
  });

  it('is on the dashboard with its own card renderer, and faults can target it', async () => {
    const list = (await (await fetch(`${sb.urls.controlPlane}/_sandbox/ats`, { headers: { [SANDBOX_HEADER]: '1' } })).json()) as { key: string; name: string; cardScript: string }[];
    expect(list.at(-1)).toEqual({ key: 'examplehr', name: 'ExampleHR', cardScript: '/dashboard/ats/examplehr/card.js' });
    const script = await fetch(`${sb.urls.controlPlane}${list.at(-1)!.cardScript}`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toBe(readFileSync('test/fixtures/ats/examplehr/card.js', 'utf8'));

    const fault = await fetch(`${sb.urls.controlPlane}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json', [SANDBOX_HEADER]: '1' }, body: JSON.stringify({ target: 'examplehr', route: { method: 'PUT', path: '/api/tests/*' }, action: { type: 'status', status: 503 }, times: 'once' }) });
    expect(fault.status).toBe(201);
    const report = await sb.admin.sendTest(KEY, { category: 'background_check' });
    expect(report.ok).toBe(true);
    // the first result write meets the fault: the partner's update is answered 502 and nothing shows as Done
    await expect.poll(async () => (await sb.admin.journal({ orderId: report.orderId, hop: 'result-mapping' })).some((h) => h.status === 503)).toBe(true);
    await fetch(`${sb.urls.controlPlane}/_sandbox/faults`, { method: 'DELETE', headers: { [SANDBOX_HEADER]: '1' } });
  });

  it.skipIf(!hasChromium)('has its own panel on the dashboard, where Send shows the result in its own card', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${sb.urls.controlPlane}/`);
      const panel = page.getByRole('article', { name: 'ExampleHR' });
      await expect.poll(() => panel.getByLabel('ExampleHR Package').locator('option').count()).toBeGreaterThan(0);
      await panel.getByRole('button', { name: 'Send ExampleHR test' }).click();
      // "Score 82%" is written by ExampleHR's card.js (the plain card shows the score without the word)
      await panel.getByText('Score 82%').first().waitFor({ timeout: 10_000 });
      expect(await panel.getByRole('link', { name: 'Report ↗' }).count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('honours its own contract: the real emulator is the consumer, the real bridge verifies it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'examplehr-pact-'));
    try {
      const pact = new PactV4({ consumer: KEY, provider: PARTICIPANTS.bridge, dir, logLevel: 'error' });
      packagesInteraction(pact.addInteraction());
      await orderInteraction(pact.addInteraction()).executeTest(async (mock) => {
        const eut = await emulatorUnderTest(KEY, { bridgeUrl: mock.url });
        try {
          const r = await eut.em.sendTest({ category: 'assessment', candidateId: 'cand_ada' });
          expect(r).toMatchObject({ ok: true, packageId: 'pkg_js_senior' });
        } finally {
          await eut.close();
        }
      });
      const pactFile = path.join(dir, `${KEY}-${PARTICIPANTS.bridge}.json`);
      const verified = await runVerifier({
        provider: PARTICIPANTS.bridge,
        providerBaseUrl: sb.urls.bridge,
        pactFile,
        stateHandlers: { 'an ExampleHR account is linked with a valid External Trigger Token': async () => undefined },
        requestFilter: atsRequestFilter(() => ({ headers: { [PROTOCOL.tokenHeader]: sb.accounts[KEY].externalTriggerToken } })),
      });
      expect(verified.ok, failureLines(verified).join('\n')).toBe(true);
      expect(verified.interactions.map((i) => i.description).sort()).toEqual(Object.values(EXAMPLEHR_TRIGGERS).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses the same key twice, and leaves no trace once unregistered', () => {
    expect(() => registerAtsDefinition(exampleHr)).toThrow(/taken/);
    undo();
    undo = () => undefined;
    expect(PROVIDERS).toEqual(['teamtailor', 'recruitee', 'greenhouse', 'smartrecruiters']);
    expect(SERVICES).not.toContain('examplehr');
    expect(validate('sandbox/config', { providers: { examplehr: {} } }).valid).toBe(false);
  });
});
