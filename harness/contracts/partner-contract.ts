/**
 * The bridge → partner contract, defined once: the package-list call (both categories) and the order
 * webhook (both categories, plus one deliberately wrongly signed delivery that must be refused).
 * contracts/bridge-partner.consumer.test.ts records these interactions while the real bridge talks
 * to Pact's mock server; provider verification and `ats-sandbox verify` replay them against a
 * partner's real service.
 *
 * The signature problem: x-stackone-signature is an HMAC of the body with a secret, so no example
 * value in a pact can be right for the body the verifier sends. The pact therefore fixes only its
 * form (a regex: 43 base64url characters, no prefix); at verification time a request filter
 * (see partner-verifier.ts) signs the exact bytes sent with the partner's secret, except in the
 * provider state SIGNATURE_IS_WRONG, where it signs them with a wrong secret on purpose. The same
 * filter sets the Basic credentials to the API key the partner expects.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { PactV4 } from '@pact-foundation/pact';
import { PROVIDERS, type Category } from '../config.ts';

const { eachLike, string, regex, datetime } = MatchersV3;

/** what `new PactV4(...).addInteraction()` returns (the type is not exported by name) */
export type NewInteraction = ReturnType<PactV4['addInteraction']>;

export const STATES = {
  assessmentPackages: 'the partner offers assessment packages',
  backgroundCheckPackages: 'the partner offers background-check packages',
  acceptsWebhooks: 'the partner accepts correctly signed order webhooks',
  signatureIsWrong: 'the order webhook signature is wrong',
} as const;

export const INTERACTIONS = {
  packageList: { assessment: 'a signed request for the assessment package list', background_check: 'a signed request for the background-check package list' },
  orderWebhook: { assessment: 'a signed assessment order webhook', background_check: 'a signed background-check order webhook' },
  badSignature: 'an order webhook with a wrong signature',
} as const;

/** The paths the consumer test uses (the reference partner's); verification replaces them with the partner's. */
import { DEFAULT_PATHS } from './partner-paths.ts';
export { DEFAULT_PATHS };

/** any registered ATS's key */
const providersRe = (): string => `^(${PROVIDERS.join('|')})$`;
const ISO = "yyyy-MM-dd'T'HH:mm:ss.SSSX";
/** base64url(HMAC-SHA256) is 32 bytes = 43 characters, no padding, no `sha256=` prefix */
const SIGNATURE_RE = '^[A-Za-z0-9_-]{43}$';
const BASIC_RE = '^Basic [A-Za-z0-9+/]+={0,2}$';

// Content-Type: application/json comes with jsonBody()
const signedJsonHeaders = () => ({
  'x-stackone-signature': regex(SIGNATURE_RE, '3q2-7wX8kZc0hQ6yq2n1yE6x0l9pQm4m0b8mZk1nG2s'),
});

/** The package-list call: signed POST {account_id, provider}; the answer must be {data: [{id, name, …}]}, at least one package. */
export function packageListInteraction(i: NewInteraction, category: Category, path: string = DEFAULT_PATHS.packageList[category]) {
  return i
    .given(category === 'assessment' ? STATES.assessmentPackages : STATES.backgroundCheckPackages)
    .uponReceiving(INTERACTIONS.packageList[category])
    .withRequest('POST', path, (b) => {
      b.headers({ ...signedJsonHeaders(), authorization: regex(BASIC_RE, 'Basic djEuc2FuZGJveC5kZW1vLWFwaS1rZXktMDAwMTo=') }).jsonBody({
        account_id: string('acct_greenhouse_demo'),
        provider: regex(providersRe(), 'greenhouse'),
      });
    })
    .willRespondWith(200, (b) => {
      b.jsonBody({ data: eachLike({ id: string('pkg_js_senior'), name: string('JavaScript – Senior') }) }).headers({
        'Content-Type': regex('application/json.*', 'application/json; charset=utf-8'),
      });
    });
}

/** The order as the webhook carries it in event_data: the fields a partner needs to run the test and report back. */
function orderBody(category: Category) {
  const seg = category === 'assessment' ? 'assessments' : 'background_checks';
  return {
    id: regex('^ord_[A-Za-z0-9]+$', 'ord_7c2f0d4e9a1b3c5d7e9f'),
    remote_id: string('app_987654'),
    package: { id: string('pkg_js_senior'), name: string('JavaScript – Senior') },
    candidate: {
      id: string('cand_ada'),
      first_name: string('Ada'),
      last_name: string('Lovelace'),
      emails: eachLike({ type: string('personal'), value: regex('^[^@\\s]+@[^@\\s]+$', 'ada@example.com') }),
    },
    application: { id: string('app_987654') },
    job: { id: string('job_frontend'), title: string('Senior Frontend Engineer') },
    results_update_url: regex(`^https?://[^/]+/unified/ats/${seg}/orders/[^/]+/result$`, `http://127.0.0.1:4010/unified/ats/${seg}/orders/ord_7c2f0d4e9a1b3c5d7e9f/result`),
  };
}

/** The order event envelope (stackone.md §2.3) with the order in event_data (the inferred `data` copy is not sent by default). */
function orderWebhookBody(category: Category) {
  const order = orderBody(category);
  return {
    project_id: string('sandbox-project'),
    account_id: string('acct_greenhouse_demo'),
    provider: regex(providersRe(), 'greenhouse'),
    event: regex('^[a-z_]+\\.[a-z_]+$', category === 'assessment' ? 'ats_assessments.created' : 'background_check_order.created'),
    event_date: datetime(ISO, '2026-03-01T10:15:00.000Z'),
    record_type: regex('^(ats_assessments|background_check_order)$', category === 'assessment' ? 'ats_assessments' : 'background_check_order'),
    record_id: regex('^ord_[A-Za-z0-9]+$', 'ord_7c2f0d4e9a1b3c5d7e9f'),
    record_remote_id: string('app_987654'),
    sent_at: datetime(ISO, '2026-03-01T10:15:00.120Z'),
    event_data: order,
  };
}

/** A correctly signed order webhook: the partner must answer 2xx (the body is ignored). */
export function orderWebhookInteraction(i: NewInteraction, category: Category, path: string = DEFAULT_PATHS.webhook) {
  return i
    .given(STATES.acceptsWebhooks)
    .uponReceiving(INTERACTIONS.orderWebhook[category])
    .withRequest('POST', path, (b) => {
      b.headers(signedJsonHeaders()).jsonBody(orderWebhookBody(category));
    })
    .willRespondWith(200);
}

/** The same delivery signed with a wrong secret: a partner that checks signatures answers 401. */
export function badSignatureInteraction(i: NewInteraction, path: string = DEFAULT_PATHS.webhook) {
  return i
    .given(STATES.signatureIsWrong)
    .uponReceiving(INTERACTIONS.badSignature)
    .withRequest('POST', path, (b) => {
      b.headers(signedJsonHeaders()).jsonBody(orderWebhookBody('assessment'));
    })
    .willRespondWith(401);
}
