/**
 * Greenhouse → bridge: the four partner URLs Greenhouse calls (the bridge's
 * /external-trigger/greenhouse/*, each registered with `?tenant-id=`; the background-check set adds
 * `&category=background_check`): list_tests, send_test, test_status (read once right after the
 * partner marks the test complete) and response_error (Greenhouse reporting a malformed answer).
 * Auth: Basic base64("<External Trigger Token>:") — form fixed here, value set by the verification filter.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { NewInteraction } from '../../../harness/contracts/partner-contract.ts';
import { email, EXAMPLE, injected, RE, url } from '../../../harness/contracts/ats/matchers.ts';
import { basic } from '../../../harness/signing.ts';
import type { DemoAccount } from '../../../harness/demo.ts';

const { regex, string, number, eachLike } = MatchersV3;

export const GREENHOUSE_TRIGGER_STATES = {
  linked: 'a Greenhouse account is linked with a valid External Trigger Token',
  resultDelivered: 'a Greenhouse assessment order has a delivered result',
  orderExists: 'a Greenhouse assessment order exists',
} as const;

export const GREENHOUSE_TRIGGERS = {
  listTests: 'a list_tests request for assessments',
  listBackgroundChecks: 'a list_tests request for background checks',
  sendTest: 'a send_test for an assessment',
  testStatus: 'a test_status read of a completed test',
  responseError: 'a response_error report of a malformed test_status answer',
} as const;

const BASE = '/external-trigger/greenhouse';
const auth = () => ({ authorization: regex(RE.basic, EXAMPLE.basic) });
const tenant = () => regex('^[A-Za-z0-9_-]+$', 'acme-corp');
const interviewId = () => injected(RE.orderId, '${orderId}', EXAMPLE.orderId);
const tests = () => eachLike({ partner_test_id: string('pkg_js_senior'), partner_test_name: string('JavaScript – Senior') });

export function listTestsInteraction(i: NewInteraction, category: 'assessment' | 'background_check') {
  return i
    .given(GREENHOUSE_TRIGGER_STATES.linked)
    .uponReceiving(category === 'assessment' ? GREENHOUSE_TRIGGERS.listTests : GREENHOUSE_TRIGGERS.listBackgroundChecks)
    .withRequest('GET', `${BASE}/list_tests`, (b) => {
      b.headers(auth()).query(category === 'assessment' ? { 'tenant-id': tenant() } : { 'tenant-id': tenant(), category: regex('^background_check$', 'background_check') });
    })
    .willRespondWith(200, (b) => {
      b.jsonBody(tests());
    });
}

export function sendTestInteraction(i: NewInteraction) {
  return i
    .given(GREENHOUSE_TRIGGER_STATES.linked)
    .uponReceiving(GREENHOUSE_TRIGGERS.sendTest)
    .withRequest('POST', `${BASE}/send_test`, (b) => {
      b.headers(auth())
        .query({ 'tenant-id': tenant() })
        .jsonBody({
          partner_test_id: string('pkg_js_senior'),
          candidate: {
            first_name: string('Ada'),
            last_name: string('Lovelace'),
            preferred_name: string('Ada'),
            email: email('ada@example.com'),
            phone_number: string('+44 20 7946 0001'),
            resume_url: url('https://app.greenhouse.io/resumes/54321?expires=1796039883086'),
            // the bridge reads the candidate and application ids out of this URL
            greenhouse_profile_url: regex('^https?://[^/]+/people/\\d+\\?application_id=\\d+$', 'https://app.greenhouse.io/people/54321?application_id=26234709'),
          },
          sent_by: email('edison.kuhn@acme.example'),
          url: regex('^https?://[^/]+/integrations/testing_partners/take_home_tests/\\d+$', 'https://harvest.greenhouse.io/integrations/testing_partners/take_home_tests/65543554'),
        });
    })
    .willRespondWith(200, (b) => {
      b.headers({ 'x-sandbox-order-id': regex(RE.orderId, EXAMPLE.orderId) }).jsonBody({ partner_interview_id: regex(RE.orderId, EXAMPLE.orderId) });
    });
}

/** A complete test: status, the View Report URL, the score and flat metadata (Greenhouse shows each key). */
export function testStatusInteraction(i: NewInteraction) {
  return i
    .given(GREENHOUSE_TRIGGER_STATES.resultDelivered)
    .uponReceiving(GREENHOUSE_TRIGGERS.testStatus)
    .withRequest('GET', `${BASE}/test_status`, (b) => {
      b.headers(auth()).query({ 'tenant-id': tenant(), partner_interview_id: interviewId() });
    })
    .willRespondWith(200, (b) => {
      b.jsonBody({
        partner_status: regex('^complete$', 'complete'),
        partner_profile_url: url('http://127.0.0.1:4015/reports/ord_7c2f0d4e9a1b3c5d7e9f'),
        partner_score: number(82),
        metadata: { 'Started At': string('10:20 AM 1 March 2026 UTC'), 'Completed At': string('10:51 AM 1 March 2026 UTC'), Notes: string('Strong on algorithms') },
      });
    });
}

export function responseErrorInteraction(i: NewInteraction) {
  return i
    .given(GREENHOUSE_TRIGGER_STATES.orderExists)
    .uponReceiving(GREENHOUSE_TRIGGERS.responseError)
    .withRequest('POST', `${BASE}/response_error`, (b) => {
      b.headers(auth())
        .query({ 'tenant-id': tenant() })
        .jsonBody({
          api_call: regex('^(list_tests|send_test|test_status)$', 'test_status'),
          errors: eachLike(string("partner_status is 'complete' but partner_profile url is missing")),
          partner_test_id: string('pkg_js_senior'),
          partner_test_name: string('JavaScript – Senior'),
          partner_interview_id: interviewId(),
          candidate_email: email('ada@example.com'),
        });
    })
    .willRespondWith(200);
}

/** What Greenhouse sends the bridge on its external-trigger calls: Basic with the ETT as user name. */
export const triggerAuthorization = (account: DemoAccount): string => basic(account.externalTriggerToken, '');
