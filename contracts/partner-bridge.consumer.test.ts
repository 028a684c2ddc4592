/**
 * Consumer side of partner → bridge: the REAL reference partner (mocks/partner) reports results to
 * Pact's mock bridge; the interactions go to contracts/pacts/partner-ats-sandbox-bridge.json.
 * Definitions: harness/contracts/bridge-contract.ts.
 */
import { describe, expect, it } from 'vitest';
import { PactV4 } from '@pact-foundation/pact';
import { createReferencePartner } from '../mocks/partner/app.ts';
import { Journal } from '../harness/journal.ts';
import { Store } from '../harness/store/store.ts';
import { DEFAULT_API_KEY } from '../harness/config.ts';
import { PACTS_DIR, PARTICIPANTS } from '../harness/contracts/pact-files.ts';
import { duplicateInteraction, EXAMPLE_ORDER_ID, resultUpdateInteraction, UNKNOWN_ORDER_ID, unknownOrderInteraction } from '../harness/contracts/bridge-contract.ts';
import type { Category } from '../harness/config.ts';
import type { OrderWebhook } from '../schemas/generated/unified/order-webhook.ts';

const pact = () => new PactV4({ consumer: PARTICIPANTS.partner, provider: PARTICIPANTS.bridge, dir: PACTS_DIR, logLevel: 'error' });

/** The reference partner, reporting to `bridgeUrl`, holding one received order. */
async function partnerWithOrder(bridgeUrl: string, orderId: string, category: Category) {
  const { partner } = await createReferencePartner({
    journal: new Journal(),
    store: new Store('partner', undefined),
    apiKey: DEFAULT_API_KEY,
    webhookSecrets: () => ['s'],
    signingSecret: () => 's',
    bridgeUrl: () => bridgeUrl,
    selfUrl: () => 'http://127.0.0.1:4015',
    completeAfterMs: 0,
    autoComplete: false,
  });
  await partner.orders.clear();
  const payload: OrderWebhook = {
    project_id: 'sandbox-project',
    account_id: 'acct_greenhouse_demo',
    provider: 'greenhouse',
    event: category === 'assessment' ? 'ats_assessments.created' : 'background_check_order.created',
    event_date: '2026-03-01T10:15:00.000Z',
    record_type: category === 'assessment' ? 'ats_assessments' : 'background_check_order',
    record_id: orderId,
    record_remote_id: null,
    sent_at: '2026-03-01T10:15:00.120Z',
    event_data: { id: orderId, candidate: { id: 'cand_ada', first_name: 'Ada', last_name: 'Lovelace' }, package: { id: 'pkg_js_senior', name: 'JavaScript – Senior' } },
  };
  await partner.receive(payload, 'dlv_pact');
  return partner;
}

describe('partner → bridge (consumer)', () => {
  for (const category of ['assessment', 'background_check'] as const) {
    it(`result update (${category}): the partner PATCHes its result with Basic auth and x-account-id and records the 200`, async () => {
      await resultUpdateInteraction(pact().addInteraction(), category).executeTest(async (mock) => {
        const partner = await partnerWithOrder(mock.url, EXAMPLE_ORDER_ID, category);
        await partner.complete(EXAMPLE_ORDER_ID);
        expect(partner.orders.get(EXAMPLE_ORDER_ID)?.completion).toMatchObject({ status: 200 });
        partner.close();
      });
    });
  }

  it('refusal: a result for an order the bridge does not know gets 404 NotFoundError, and the partner records it', async () => {
    await unknownOrderInteraction(pact().addInteraction()).executeTest(async (mock) => {
      const partner = await partnerWithOrder(mock.url, UNKNOWN_ORDER_ID, 'assessment');
      await partner.complete(UNKNOWN_ORDER_ID);
      const c = partner.orders.get(UNKNOWN_ORDER_ID)?.completion;
      expect(c?.status).toBe(404);
      expect(JSON.parse(c?.body ?? '{}').errorCode).toBe('NotFoundError');
      partner.close();
    });
  });

  it('refusal: a second Greenhouse update gets 409 DuplicateResultUpdateError, and the partner records it', async () => {
    await duplicateInteraction(pact().addInteraction()).executeTest(async (mock) => {
      const partner = await partnerWithOrder(mock.url, EXAMPLE_ORDER_ID, 'assessment');
      await partner.complete(EXAMPLE_ORDER_ID);
      const c = partner.orders.get(EXAMPLE_ORDER_ID)?.completion;
      expect(c?.status).toBe(409);
      expect(JSON.parse(c?.body ?? '{}').errorCode).toBe('DuplicateResultUpdateError');
      partner.close();
    });
  });
});
