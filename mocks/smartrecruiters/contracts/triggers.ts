/**
 * SmartRecruiters → bridge: the partner configuration's URLs (the bridge's
 * /external-trigger/smartrecruiters/*): the token (client credentials, form), the package list of
 * each category (types differ: SKILL_TEST / BACKGROUND_CHECK), the ad-hoc order (202) and the
 * inline order (200 {url}). The token form is literal (Pact cannot match inside form bodies): the
 * verification filter puts the linked account's company id and External Trigger Token in; the
 * Bearer token on the other calls is one the real bridge issued, set by the same filter.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { NewInteraction } from '../../../harness/contracts/partner-contract.ts';
import { DEMO_ACCOUNTS } from '../../../harness/demo.ts';
import { smartRecruitersTriggerForm } from './auth.ts';
import { email, EXAMPLE, formBody, injected, RE, url, uuid } from '../../../harness/contracts/ats/matchers.ts';

const { regex, string, integer, eachLike } = MatchersV3;

export const SMARTRECRUITERS_TRIGGER_STATES = {
  linked: 'a SmartRecruiters account is linked with a valid External Trigger Token',
} as const;

export const SMARTRECRUITERS_TRIGGERS = {
  token: 'a client-credentials token request',
  packages: 'a request for the assessment packages',
  backgroundPackages: 'a request for the background-check packages',
  order: 'an ad-hoc assessment order',
  inlineOrder: 'an inline assessment order',
} as const;

const BASE = '/external-trigger/smartrecruiters';
const auth = () => ({ authorization: regex(RE.bearer, EXAMPLE.bearer) });
/** resultCallbackURL must lie on the SmartRecruiters API the bridge knows: the state supplies its base URL */
const callbackUrl = () =>
  injected(
    '^https?://[^/]+/assessment-api/v202010/orders/[0-9a-f-]{36}/results$',
    '${smartRecruitersUrl}/assessment-api/v202010/orders/30a135ac-50e2-4e66-9105-d8b3280e977f/results',
    'https://api.smartrecruiters.com/assessment-api/v202010/orders/30a135ac-50e2-4e66-9105-d8b3280e977f/results',
  );

export function tokenInteraction(i: NewInteraction) {
  return i
    .given(SMARTRECRUITERS_TRIGGER_STATES.linked)
    .uponReceiving(SMARTRECRUITERS_TRIGGERS.token)
    .withRequest('POST', `${BASE}/oauth/token`, (b) => {
      formBody(b, smartRecruitersTriggerForm(DEMO_ACCOUNTS.smartrecruiters));
    })
    .willRespondWith(200, (b) => {
      b.jsonBody({ access_token: string('srb_example'), token_type: regex('^Bearer$', 'Bearer'), expires_in: integer(3600) });
    });
}

export function packagesInteraction(i: NewInteraction, category: 'assessment' | 'background_check') {
  const seg = category === 'assessment' ? 'assessments' : 'background_checks';
  const type = category === 'assessment' ? 'SKILL_TEST' : 'BACKGROUND_CHECK';
  return i
    .given(SMARTRECRUITERS_TRIGGER_STATES.linked)
    .uponReceiving(category === 'assessment' ? SMARTRECRUITERS_TRIGGERS.packages : SMARTRECRUITERS_TRIGGERS.backgroundPackages)
    .withRequest('GET', `${BASE}/${seg}/packages`, (b) => {
      b.headers({ ...auth(), requester: regex('^\\{"email":"[^"]+"\\}$', '{"email":"edison.kuhn@acme.example"}') }).query({
        jobId: string('job_backend'),
        'country-code': regex('^[a-z]{2}$', 'gb'),
      });
    })
    .willRespondWith(200, (b) => {
      b.jsonBody(
        eachLike({
          id: string('pkg_js_senior'),
          name: string('JavaScript – Senior'),
          description: string('90-minute coding test'),
          type: regex(`^${type}$`, type),
          assessments: eachLike({ id: string('pkg_js_senior'), name: string('JavaScript – Senior'), description: string('90-minute coding test'), type: regex(`^${type}$`, type) }),
        }),
      );
    });
}

const candidate = () => ({ firstName: string('Ada'), lastName: string('Lovelace'), email: email('ada@example.com'), applicationLanguage: regex('^[a-z]{2}$', 'en') });
const common = () => ({
  resultCallbackURL: callbackUrl(),
  assessmentPackageId: string('pkg_js_senior'),
  jobId: uuid('70b00000-0000-4000-8000-000000012345'),
  companyId: string('AcmeCorp1'),
  fields: { jobId: string('job_backend') },
});

export function orderInteraction(i: NewInteraction) {
  return i
    .given(SMARTRECRUITERS_TRIGGER_STATES.linked)
    .uponReceiving(SMARTRECRUITERS_TRIGGERS.order)
    .withRequest('POST', `${BASE}/assessments/packages/orders`, (b) => {
      b.headers(auth()).jsonBody({
        ...common(),
        candidate: { id: uuid('5c0a0000-0000-4000-8000-000000054321'), ...candidate(), phoneNumber: string('+44 20 7946 0001') },
        job: { id: uuid('70b00000-0000-4000-8000-000000012345'), title: string('Backend Engineer') },
        requester: { userId: uuid('0e500000-0000-4000-8000-000000003311'), email: email('edison.kuhn@acme.example') },
      });
    })
    .willRespondWith(202, (b) => {
      b.headers({ 'x-sandbox-order-id': regex(RE.orderId, EXAMPLE.orderId) });
    });
}

export function inlineOrderInteraction(i: NewInteraction) {
  return i
    .given(SMARTRECRUITERS_TRIGGER_STATES.linked)
    .uponReceiving(SMARTRECRUITERS_TRIGGERS.inlineOrder)
    .withRequest('POST', `${BASE}/assessments/packages/inline/orders`, (b) => {
      b.headers(auth()).jsonBody({
        ...common(),
        candidate: candidate(),
        job: { id: uuid('70b00000-0000-4000-8000-000000012345') },
        completedAssessmentCallbackUrl: url('https://acme.smartrecruiters.example/_sandbox/inline/30a135ac-50e2-4e66-9105-d8b3280e977f/completed'),
      });
    })
    .willRespondWith(200, (b) => {
      b.headers({ 'x-sandbox-order-id': regex(RE.orderId, EXAMPLE.orderId) }).jsonBody({ url: url('http://127.0.0.1:4010/external-trigger/smartrecruiters/inline/ord_7c2f0d4e9a1b3c5d7e9f') });
    });
}
