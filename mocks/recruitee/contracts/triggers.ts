/**
 * Recruitee → bridge: the partner `urls` Recruitee calls (the bridge's /external-trigger/recruitee/{kind}/…):
 * the tests list when the recruiter opens "Send test" (a BARE array, Recruitee's format) and
 * send_candidate when they press Send. Auth: `Bearer <External Trigger Token>` (form fixed here,
 * value set by the verification filter).
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { NewInteraction } from '../../../harness/contracts/partner-contract.ts';
import { email, EXAMPLE, RE, uuid } from '../../../harness/contracts/ats/matchers.ts';
import type { DemoAccount } from '../../../harness/demo.ts';

const { regex, string, integer, eachLike } = MatchersV3;

export const RECRUITEE_TRIGGER_STATES = {
  linked: 'a Recruitee account is linked with a valid External Trigger Token',
} as const;

export const RECRUITEE_TRIGGERS = {
  tests: 'a request for the assessment tests',
  sendCandidate: 'a send_candidate for an assessment',
} as const;

const BASE = '/external-trigger/recruitee/assessment';
const auth = () => ({ authorization: regex(RE.bearer, EXAMPLE.bearer) });

export function testsInteraction(i: NewInteraction) {
  return i
    .given(RECRUITEE_TRIGGER_STATES.linked)
    .uponReceiving(RECRUITEE_TRIGGERS.tests)
    .withRequest('GET', `${BASE}/tests`, (b) => {
      b.headers(auth());
    })
    .willRespondWith(200, (b) => {
      b.jsonBody(eachLike({ name: string('JavaScript – Senior'), id: string('pkg_js_senior') }));
    });
}

export function sendCandidateInteraction(i: NewInteraction) {
  return i
    .given(RECRUITEE_TRIGGER_STATES.linked)
    .uponReceiving(RECRUITEE_TRIGGERS.sendCandidate)
    .withRequest('POST', `${BASE}/send_candidate`, (b) => {
      b.headers(auth()).jsonBody({
        first_name: string('Ada'),
        last_name: string('Lovelace'),
        email: email('ada@example.com'),
        candidate_id: integer(54321),
        // the company of the linked account: the bridge refuses another company's candidates (403)
        company_id: integer(90112),
        report_id: uuid('31df7cf8-a976-420b-accf-18d9f8a859b9'),
        test_id: string('pkg_js_senior'),
        test_name: string('JavaScript – Senior'),
      });
    })
    .willRespondWith(201, (b) => {
      b.headers({ 'x-sandbox-order-id': regex(RE.orderId, EXAMPLE.orderId) });
    });
}

/** What Recruitee sends the bridge on its external-trigger calls. */
export const triggerAuthorization = (account: DemoAccount): string => `Bearer ${account.externalTriggerToken}`;
