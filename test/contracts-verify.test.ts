/**
 * `ats-sandbox verify` against a partner's real service, proved on the reference partner switched into
 * the ways partners break. Uses the published pact (contracts/published/), as a user's run does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../harness/sandbox.ts';
import { listen, type Listening } from '../harness/http/service-app.ts';
import { verifyPartner, type PartnerVerifyOptions } from '../harness/contracts/partner-verifier.ts';
import { failureLines, renderJunit } from '../harness/contracts/verify-report.ts';
import { INTERACTIONS, STATES } from '../harness/contracts/partner-contract.ts';

let sb: Sandbox;
let states: Listening;
const statesSeen: { state: string; action: string }[] = [];

beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
  const app = express();
  app.use(express.json());
  app.post('/_states', (req, res) => {
    statesSeen.push({ state: req.body.state, action: req.body.action });
    res.json({});
  });
  states = await listen(app, 0, '127.0.0.1');
});
afterAll(async () => {
  await states?.close();
  await sb?.close();
});

const behave = async (b: Record<string, unknown>) => {
  const res = await fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
  expect(res.status).toBe(200);
};

// the reference partner serves each category's list at its own path
const options = (): PartnerVerifyOptions => ({
  partnerBaseUrl: sb.urls.partner,
  packageListPath: '/packages/assessments',
  backgroundCheckListPath: '/packages/background-checks',
  webhookPath: '/webhooks/orders',
});

const failing = (r: Awaited<ReturnType<typeof verifyPartner>>) => r.interactions.filter((i) => !i.ok);

describe('ats-sandbox verify', () => {
  it('passes the reference partner, and tells a provider-states URL each state', async () => {
    await behave({ packageList: 'ok', webhook: 'ok' });
    statesSeen.length = 0;
    const r = await verifyPartner({ ...options(), providerStatesUrl: `${states.url}/_states` });
    expect(r.ok, failureLines(r).join('\n')).toBe(true);
    expect(r.interactions).toHaveLength(5);
    expect(new Set(statesSeen.filter((s) => s.action === 'setup').map((s) => s.state))).toEqual(new Set(Object.values(STATES)));
    expect(renderJunit(r)).toMatch(/tests="5" failures="0"/);
  });

  it('fails a partner whose package list is a bare array, naming the body shape', async () => {
    await behave({ packageList: 'bare-array', webhook: 'ok' });
    const r = await verifyPartner(options());
    expect(r.ok).toBe(false);
    expect(failing(r).map((i) => i.description).sort()).toEqual(Object.values(INTERACTIONS.packageList).sort());
    const p = failing(r)[0].problems[0];
    expect(p.field).toBe('body $');
    expect(p.reason).toMatch(/type mismatch: expected object like \{"data"/i);
    expect(p.hint).toMatch(/bare array; wrap it as \{"data": \[\.\.\.\]\}/);
  });

  it('fails a partner that accepts a wrongly signed webhook, on the bad-signature interaction only', async () => {
    await behave({ packageList: 'ok', webhook: 'accept-any-signature' });
    const r = await verifyPartner(options());
    expect(failing(r).map((i) => i.description)).toEqual([INTERACTIONS.badSignature]);
    expect(failing(r)[0].problems).toEqual([expect.objectContaining({ field: 'status', reason: 'expected HTTP 401, got 200', hint: expect.stringMatching(/x-stackone-signature is wrong/) })]);
  });

  it('fails a partner whose webhook answers 500, on both order webhooks', async () => {
    await behave({ packageList: 'ok', webhook: 'http-500' });
    const r = await verifyPartner(options());
    // the deliberately badly signed one gets a 500 too, instead of its 401
    expect(failing(r).map((i) => i.description).sort()).toEqual([...Object.values(INTERACTIONS.orderWebhook), INTERACTIONS.badSignature].sort());
    const hook = failing(r).find((i) => i.description === INTERACTIONS.orderWebhook.assessment)!;
    expect(hook.problems[0]).toMatchObject({ field: 'status', reason: 'expected HTTP 200, got 500', hint: expect.stringMatching(/retries/) });
  });

  it('fails when the secret is not the partner\'s: every signed call is refused with 401', async () => {
    await behave({ packageList: 'ok', webhook: 'ok' });
    const r = await verifyPartner({ ...options(), webhookSecret: 'whsec_not_the_partners' });
    expect(failing(r).length).toBe(4);
    expect(failureLines(r).join('\n')).toMatch(/status: expected HTTP 200, got 401 \(the request was refused as unauthorised/);
  });

  it('the CLI exits 1, prints the failing field and writes JUnit', async () => {
    await behave({ packageList: 'bare-array', webhook: 'ok' });
    const dir = await mkdtemp(path.join(tmpdir(), 'verify-cli-'));
    try {
      const out = path.join(dir, 'verify.xml');
      // async: the sandbox under test lives in this process and must keep answering
      const run = await promisify(execFile)(process.execPath, ['bin/ats-sandbox.mjs', 'verify', '--partner-base-url', sb.urls.partner, '--package-list-path', '/packages/assessments', '--background-check-list-path', '/packages/background-checks', '--webhook-path', '/webhooks/orders', '--reporter', 'junit', '--out', out], {
        encoding: 'utf8',
        env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
        timeout: 20_000,
      }).then(
        (r) => ({ ...r, code: 0 }),
        (e: { code?: number; stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }),
      );
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toMatch(/FAIL {2}a signed request for the assessment package list/);
      expect(run.stdout).toMatch(/body \$: type mismatch/);
      expect(await readFile(out, 'utf8')).toMatch(/<failure message="body \$: type mismatch/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
