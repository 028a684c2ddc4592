/**
 * Provider side: the pacts the consumer tests just wrote (contracts/pacts/) replayed against the REAL
 * running services of a sandbox on port 0. A failure lists every interaction, field and reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../harness/sandbox.ts';
import { BRIDGE_PARTNER_PACT, pactContent, pactFileName, PACTS_DIR, PARTICIPANTS, PUBLISHED_DIR } from '../harness/contracts/pact-files.ts';
import { verifyPartner } from '../harness/contracts/partner-verifier.ts';
import { runVerifier } from '../harness/contracts/run-verifier.ts';
import { BRIDGE_INTERACTIONS, BRIDGE_STATES } from '../harness/contracts/bridge-contract.ts';
import { DEFAULT_PATHS, INTERACTIONS } from '../harness/contracts/partner-contract.ts';
import { failureLines } from '../harness/contracts/verify-report.ts';
import { bridgeCall, resultPath } from '../test/helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
});
afterAll(() => sb?.close());

const SEG = { assessment: 'assessments', background_check: 'background_checks' } as const;

async function placeOrder(category: 'assessment' | 'background_check'): Promise<{ orderId: string }> {
  const r = await bridgeCall(sb, 'greenhouse', 'POST', `/unified/ats/${SEG[category]}/orders`, { package: { id: 'pkg_js_senior' }, candidate: { id: 'cand_ada' } });
  if (r.status !== 200) throw new Error(`state: order not created: ${r.status} ${JSON.stringify(r.json)}`);
  return { orderId: r.json.id };
}

/** A Greenhouse test sent by a recruiter, with its first result already written back. */
async function greenhouseOrderWithResult(): Promise<{ orderId: string }> {
  const report = await sb.admin.sendTest('greenhouse', { category: 'assessment', candidateId: 'cand_grace' });
  if (!report.ok || !report.orderId) throw new Error(`state: Greenhouse send-test failed: ${JSON.stringify(report.steps)}`);
  const first = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', report.orderId), {
    score: { label: 'Percentage', value: '70', min: '0', max: '100' },
    result: { value: 'passed', source_value: 'Passed' },
    result_url: `${sb.urls.partner}/reports/${report.orderId}`,
  });
  if (first.status !== 200) throw new Error(`state: first Greenhouse result refused: ${first.status} ${JSON.stringify(first.json)}`);
  return { orderId: report.orderId };
}

describe('provider verification', () => {
  it('the reference partner honours the bridge → partner pact (package lists, order webhooks, bad signature refused)', async () => {
    const report = await verifyPartner({
      partnerBaseUrl: sb.urls.partner,
      packageListPath: DEFAULT_PATHS.packageList.assessment,
      backgroundCheckListPath: DEFAULT_PATHS.packageList.background_check,
      webhookPath: DEFAULT_PATHS.webhook,
      pactFile: path.join(PACTS_DIR, BRIDGE_PARTNER_PACT),
    });
    expect(report.ok, failureLines(report).join('\n')).toBe(true);
    expect(report.interactions.map((i) => i.description).sort()).toEqual(
      [...Object.values(INTERACTIONS.packageList), ...Object.values(INTERACTIONS.orderWebhook), INTERACTIONS.badSignature].sort(),
    );
  });

  it('the bridge honours the partner → bridge pact (result updates of both categories, unknown order, Greenhouse duplicate)', async () => {
    const report = await runVerifier({
      provider: PARTICIPANTS.bridge,
      providerBaseUrl: sb.urls.bridge,
      pactFile: path.join(PACTS_DIR, pactFileName(PARTICIPANTS.partner, PARTICIPANTS.bridge)),
      stateHandlers: {
        [BRIDGE_STATES.order.assessment]: () => placeOrder('assessment'),
        [BRIDGE_STATES.order.background_check]: () => placeOrder('background_check'),
        [BRIDGE_STATES.noOrder]: async () => undefined,
        [BRIDGE_STATES.greenhouseHasResult]: greenhouseOrderWithResult,
      },
    });
    expect(report.ok, failureLines(report).join('\n')).toBe(true);
    expect(report.interactions.map((i) => i.description).sort()).toEqual(
      [...Object.values(BRIDGE_INTERACTIONS.result), BRIDGE_INTERACTIONS.unknownOrder, BRIDGE_INTERACTIONS.duplicate].sort(),
    );
  });

  it('contracts/published/ holds the pacts this run generated (refresh with `ats-sandbox contracts publish-dir`)', async () => {
    const generated = (await readdir(PACTS_DIR)).filter((f) => f.endsWith('.json')).sort();
    expect(generated).toContain(BRIDGE_PARTNER_PACT);
    for (const f of generated) {
      const published = await pactContent(path.join(PUBLISHED_DIR, f)).catch(() => 'missing');
      expect(published, `contracts/published/${f} is stale or missing: run \`npx ats-sandbox contracts publish-dir\``).toEqual(await pactContent(path.join(PACTS_DIR, f)));
    }
  });
});
