/**
 * Scenarios through the control plane and the CLI: list, run a file by name, run a definition built
 * in TypeScript and POSTed, the actions scenarios use, and runs against "your own" partner service.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { findScenario } from '../../harness/scenarios/loader.ts';
import { runScenario } from '../../harness/scenarios/runner.ts';
import type { Scenario } from '../../harness/scenarios/definitions.ts';
import { freePort, runCli } from '../helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { completeAfterMs: 10 }, delivery: { baseDelayMs: 10, maxAttempts: 2 } });
});
afterAll(() => sb.close());

const cp = async (method: string, p: string, body?: unknown) => {
  const res = await fetch(`${sb.urls.controlPlane}${p}`, { method, headers: body === undefined ? { 'x-ats-sandbox': '1' } : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
};

/** Built in TypeScript: the same definition objects as the files. */
const staticOnly: Scenario = {
  name: 'ts-static-package-id',
  description: 'Only a Static Package ID: Teamtailor offers that one package',
  ats: 'teamtailor',
  category: 'background_check',
  setup: { config: { packages: { background_check: { listUrl: null, staticPackageId: 'bgc_from_ts' } } } },
  steps: [{ id: 'send', action: 'send-test' }],
  expectations: [
    { type: 'recruiter-sees', at: 'open-form', text: '1 package(s) offered: bgc_from_ts' },
    { type: 'journal', match: { service: 'bridge', direction: 'out', hop: 'order-webhook', status: 200, request: { 'event_data.package.id': 'bgc_from_ts' } } },
  ],
};

describe('the control plane runs scenarios', () => {
  it('GET /_sandbox/scenarios lists every file with its explanation', async () => {
    const out = await cp('GET', '/_sandbox/scenarios');
    expect(out.status).toBe(200);
    expect(out.json.problems).toEqual([]);
    const gh = out.json.scenarios.find((s: { name: string }) => s.name === 'greenhouse-duplicate-result-update-refused');
    expect(gh).toMatchObject({ ats: 'greenhouse', category: 'assessment', explanation: expect.stringContaining('Steps:\n  1. the recruiter in greenhouse') });
  });

  it('POST /_sandbox/scenarios/<name>/run runs a file in its own sandbox and returns the timeline', async () => {
    const out = await cp('POST', '/_sandbox/scenarios/smartrecruiters-package-list-bare-array/run');
    expect(out.status).toBe(200);
    expect(out.json).toMatchObject({ name: 'smartrecruiters-package-list-bare-array', ok: true });
    expect(out.json.timeline.some((t: { kind: string; hop?: string; verdict?: string }) => t.kind === 'hop' && t.hop === 'package-list' && t.verdict === 'invalid')).toBe(true);
    // isolated: the control plane's own sandbox saw none of it
    expect(sb.journal.query({ hop: 'package-list' })).toEqual([]);
    const missing = await cp('POST', '/_sandbox/scenarios/greenhouse-duplicate/run');
    expect(missing.status).toBe(404);
    expect(missing.json.message).toContain('did you mean greenhouse-duplicate-result-update-refused');
  });

  it('POST /_sandbox/scenarios/run runs a definition built in TypeScript; a bad one is refused naming the field', async () => {
    const out = await cp('POST', '/_sandbox/scenarios/run', { scenario: staticOnly });
    expect(out.json).toMatchObject({ name: 'ts-static-package-id', ok: true });
    const bad = await cp('POST', '/_sandbox/scenarios/run', { ...staticOnly, steps: [{ action: 'send-tset' }] });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('/steps/0/action is not one of send-test, activate, update-result, partner-call');
  });

  it('actions: the recruiter opens the links of a card; the bridge re-sends a webhook with a bad signature', async () => {
    const report = await sb.admin.sendTest('teamtailor', {});
    await sb.admin.waitForCard('teamtailor', 'cand_ada', (c) => c.results.some((r) => r.orderId === report.orderId && r.status.label === 'Completed'));
    const links = await cp('POST', '/_sandbox/actions/teamtailor/candidates/cand_ada/open-links');
    expect(links.json).toMatchObject({ ok: true, links: expect.arrayContaining([expect.objectContaining({ kind: 'link', text: 'See results', verdict: 'ok', status: 200 })]) });
    const forged = await cp('POST', `/_sandbox/actions/orders/${report.orderId}/webhook`, { badSignature: true });
    expect(forged.status).toBe(200);
    expect(forged.json.deliveries).toEqual([expect.objectContaining({ orderId: report.orderId, badSignature: true, state: 'pending' })]);
    await vi.waitFor(async () => {
      const state = await cp('GET', '/_sandbox/state');
      const d = state.json.bridge.deliveries.find((x: { id: string }) => x.id === forged.json.deliveries[0].id);
      expect(d.attempts[0].status).toBe(401);
    });
    expect((await cp('POST', '/_sandbox/actions/orders/ord_missing/webhook', { badSignature: true })).status).toBe(404);
  });
});

describe('against your own partner service', () => {
  let theirs: Sandbox;
  let bridgePort: number;
  beforeAll(async () => {
    // "your partner": another sandbox's reference partner, reached only by URL
    theirs = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { autoComplete: false } });
    bridgePort = await freePort();
  });
  afterAll(() => theirs.close());
  const own = () => ({ listUrl: `${theirs.urls.partner}/packages/assessments`, webhookUrl: `${theirs.urls.partner}/webhooks/orders` });

  it('the signature check scenario passes against a partner that checks, and fails against one that does not', async () => {
    const s = findScenario('greenhouse-webhook-bad-signature-refused');
    expect((await runScenario(s, { partner: own(), bridgePort })).ok).toBe(true);
    await fetch(`${theirs.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhook: 'accept-any-signature' }) });
    const broken = await runScenario(s, { partner: own(), bridgePort, timeoutMs: 1500 });
    expect(broken.ok).toBe(false);
    expect(broken.failure).toContain('why it matters: a webhook with a wrong signature must be refused');
  });

  it('scenarios that drive the reference partner are skipped, with the reason', async () => {
    const r = await runScenario(findScenario('greenhouse-result-update-invalid-payload'), { partner: own(), bridgePort });
    expect(r).toMatchObject({ ok: true, skipped: expect.stringMatching(/^needs the reference partner: it PATCHes hand-written invalid results/) });
  });
});

describe('ats-sandbox scenario', () => {
  const run = async (...argv: string[]) => {
    const r = await runCli(...argv);
    return { code: r.code, out: r.all };
  };

  it('run: exit 0 when all pass, a JUnit file; exit 1 with the explanation when one fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scenarios-'));
    const ok = await run('scenario', 'run', 'recruitee-invalid-external-trigger-token', '--reporter', 'junit', '--out', path.join(dir, 'junit.xml'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('✓ recruitee-invalid-external-trigger-token (recruitee, assessment)');
    expect(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toContain('<testcase name="recruitee-invalid-external-trigger-token"');

    const broken = { ...findScenario('greenhouse-invalid-external-trigger-token'), setup: {}, timeoutMs: 500 };
    writeFileSync(path.join(dir, 'greenhouse-invalid-external-trigger-token.json'), JSON.stringify(broken));
    const failed = await run('scenario', 'run', '--all', '--dir', dir, '--reporter', 'json', '--out', path.join(dir, 'report.json'));
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('expected: the recruiter sees exactly "Integration partner app not visible under Jobs > Interview Plan');
    expect(failed.out).toContain('0 passed, 1 failed');
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).summary).toMatchObject({ total: 1, failed: 1 });

    writeFileSync(path.join(dir, 'wrong-name.json'), JSON.stringify(broken));
    const invalid = await run('scenario', 'list', '--dir', dir);
    expect(invalid.code).toBe(2);
    expect(invalid.out).toContain('wrong-name.json: name is "greenhouse-invalid-external-trigger-token" but must equal the file name "wrong-name"');
  });

  it('list and usage errors', async () => {
    const list = await run('scenario', 'list', '--ats', 'smartrecruiters');
    expect(list.code).toBe(0);
    expect(list.out).toContain('smartrecruiters-result-update-invalid-payload');
    expect(list.out).not.toContain('greenhouse-');
    expect((await run('scenario', 'run')).code).toBe(2);
    expect((await run('scenario', 'run', '--all', '--reporter', 'xml')).code).toBe(2);
  });
});
