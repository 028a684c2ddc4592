/**
 * Consumer side of bridge → partner: the REAL bridge (startSandbox, bridge only) calls Pact's mock
 * partner, and the interactions it makes are written to contracts/pacts/ats-sandbox-bridge-partner.json.
 * The interactions themselves are defined once in harness/contracts/partner-contract.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PactV4 } from '@pact-foundation/pact';
import { startSandbox, type Sandbox } from '../harness/sandbox.ts';
import { PACTS_DIR, PARTICIPANTS } from '../harness/contracts/pact-files.ts';
import { badSignatureInteraction, DEFAULT_PATHS, orderWebhookInteraction, packageListInteraction } from '../harness/contracts/partner-contract.ts';
import { bridgeCall } from '../test/helpers.ts';
import type { Category } from '../harness/config.ts';

const pact = () => new PactV4({ consumer: PARTICIPANTS.bridge, provider: PARTICIPANTS.partner, dir: PACTS_DIR, logLevel: 'error' });
const SEG: Record<Category, string> = { assessment: 'assessments', background_check: 'background_checks' };

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

/** The bridge alone, its package lists and webhook pointed at the mock partner. */
const bridgeAgainst = (mockUrl: string) =>
  startSandbox({
    ports: 0,
    only: ['bridge'],
    packages: {
      assessment: { listUrl: `${mockUrl}${DEFAULT_PATHS.packageList.assessment}` },
      background_check: { listUrl: `${mockUrl}${DEFAULT_PATHS.packageList.background_check}` },
    },
    webhooks: [{ id: 'wh_pact', url: `${mockUrl}${DEFAULT_PATHS.webhook}` }],
    delivery: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10, timeoutMs: 2_000 },
  });

async function until<T>(what: string, f: () => T | undefined, ms = 3_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const ORDER = {
  remote_id: 'app_987654',
  package: { id: 'pkg_js_senior', name: 'JavaScript – Senior' },
  candidate: { id: 'cand_ada', first_name: 'Ada', last_name: 'Lovelace', emails: [{ type: 'personal', value: 'ada@example.com' }] },
  application: { id: 'app_987654' },
  job: { id: 'job_frontend', title: 'Senior Frontend Engineer' },
};

describe('bridge → partner (consumer)', () => {
  for (const category of ['assessment', 'background_check'] as const) {
    it(`package list (${category}): the bridge sends a signed, Basic-authenticated POST and serves the {data} it gets`, async () => {
      await packageListInteraction(pact().addInteraction(), category).executeTest(async (mock) => {
        sb = await bridgeAgainst(mock.url);
        const r = await bridgeCall(sb, 'greenhouse', 'GET', `/unified/ats/${SEG[category]}/packages`);
        expect(r.status).toBe(200);
        expect(r.json.data[0]).toMatchObject({ id: 'pkg_js_senior', remote_id: 'pkg_js_senior', name: 'JavaScript – Senior' });
      });
    });

    it(`order webhook (${category}): the bridge delivers the signed order event and marks it delivered on 200`, async () => {
      await orderWebhookInteraction(pact().addInteraction(), category).executeTest(async (mock) => {
        sb = await bridgeAgainst(mock.url);
        const placed = await bridgeCall(sb, 'greenhouse', 'POST', `/unified/ats/${SEG[category]}/orders`, ORDER);
        expect(placed.status).toBe(200);
        const d = await until('the delivery to finish', () => sb!.bridge!.dispatcher.list().find((x) => x.state !== 'pending'));
        expect(d).toMatchObject({ orderId: placed.json.id, state: 'delivered' });
      });
    });
  }

  it('order webhook with a wrong signature: the bridge takes the 401 as a failed delivery', async () => {
    await badSignatureInteraction(pact().addInteraction()).executeTest(async (mock) => {
      sb = await bridgeAgainst(mock.url);
      const account = sb.bridge!.api.accountById(sb.accounts.greenhouse.id)!;
      const placed = await sb.bridge!.orders.place({ account, category: 'assessment', order: ORDER }, { badSignature: true });
      const d = await until('the delivery to finish', () => sb!.bridge!.dispatcher.list().find((x) => x.state !== 'pending'));
      expect(d).toMatchObject({ orderId: placed.id, state: 'dead', attempts: [{ status: 401 }] });
    });
  });
});
