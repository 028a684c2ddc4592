/**
 * Teamtailor → bridge: the calls Teamtailor makes to the Partner Base URL (the bridge's
 * /external-trigger/teamtailor): the activation check, the partner form (GET /config) and the
 * partner-event webhook. Every call carries the provider key, an HS256 JWT signed with the partner
 * API key: the pact fixes its form, the verification filter signs a real one.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { NewInteraction } from '../../../harness/contracts/partner-contract.ts';
import { email, EXAMPLE, RE, url, uuid } from '../../../harness/contracts/ats/matchers.ts';
import { providerKey } from '../provider-key.ts';
import type { DemoAccount } from '../../../harness/demo.ts';

const { regex, string, integer, boolean, eachLike } = MatchersV3;

export const TEAMTAILOR_TRIGGER_STATES = {
  linked: 'a Teamtailor account is linked with a valid External Trigger Token',
} as const;

export const TEAMTAILOR_TRIGGERS = {
  activation: 'an activation check of the External Trigger Token',
  config: 'a request for the assessment partner form',
  webhook: 'an assessment partner-event webhook',
} as const;

const BASE = '/external-trigger/teamtailor';

const headers = () => ({
  authorization: regex(RE.bearerJwt, EXAMPLE.jwt),
  'teamtailor-host': regex('^[^/\\s]+$', 'acme.teamtailor.example'),
});

export function activationInteraction(i: NewInteraction) {
  return i
    .given(TEAMTAILOR_TRIGGER_STATES.linked)
    .uponReceiving(TEAMTAILOR_TRIGGERS.activation)
    .withRequest('GET', `${BASE}/activation`, (b) => {
      b.headers(headers()).query({ company_id: regex(RE.nonEmpty, 'tt-acme-7f3a') });
    })
    .willRespondWith(200);
}

/** The form: a select whose options are the packages (Teamtailor offers each option; its field id travels back in webhook-data). */
export function configInteraction(i: NewInteraction) {
  return i
    .given(TEAMTAILOR_TRIGGER_STATES.linked)
    .uponReceiving(TEAMTAILOR_TRIGGERS.config)
    .withRequest('GET', `${BASE}/config`, (b) => {
      b.headers(headers()).query({ job_id: regex('^\\d+$', '12345'), user_id: regex('^\\d+$', '3311') });
    })
    .willRespondWith(200, (b) => {
      b.jsonBody({
        config: {
          fields: eachLike({
            id: regex('^[a-z_]+$', 'package_id'),
            label: string('Assessments'),
            placeholder: string('Select Assessment'),
            type: regex('^(select|multiselect)$', 'select'),
            required: boolean(true),
            options: eachLike({ id: string('pkg_js_senior'), label: string('JavaScript – Senior') }),
          }),
        },
      });
    });
}

const person = () => ({ name: string('Edison Kuhn'), email: email('edison.kuhn@acme.example'), phone: string('+46 123 4567') });

/** The partner-event exactly as Teamtailor posts it (all keys; Teamtailor sends empty lists and nulls as such). */
function partnerEventBody() {
  return {
    'partner-event': {
      id: uuid('4916d50f-3b50-43de-9f36-802bd3f6b85d'),
      'webhook-data': { 'package-id': string('pkg_js_senior') },
      'partner-result': {
        id: uuid('e7236659-8de2-4d9f-84aa-3beef994d092'),
        status: regex('^sending$', 'sending'),
        'update-url': regex('^https?://[^/]+/partner/v1/partner-results/[0-9a-f-]{36}$', 'http://127.0.0.1:4011/partner/v1/partner-results/e7236659-8de2-4d9f-84aa-3beef994d092'),
      },
      candidate: {
        id: integer(54321),
        uuid: uuid('c8f43ed7-5acd-4cb3-ab24-92838e67c4f3'),
        'first-name': string('Ada'),
        'last-name': string('Lovelace'),
        email: email('ada@example.com'),
        phone: string('+44 20 7946 0001'),
        'picture-url': null,
        tags: [],
        department: null,
        role: null,
        job: { id: integer(12345), title: string('Backend Engineer'), stage: string('Assessment'), tags: [], 'custom-fields': [] },
        recruiter: person(),
        locations: [],
        questions: [],
        'custom-fields': [],
      },
    },
    company: { uuid: string('tt-acme-7f3a'), name: string('Acme Robotics'), url: url('https://careers.acme.example'), logotype: null },
  };
}

export function webhookInteraction(i: NewInteraction) {
  return i
    .given(TEAMTAILOR_TRIGGER_STATES.linked)
    .uponReceiving(TEAMTAILOR_TRIGGERS.webhook)
    .withRequest('POST', `${BASE}/webhook`, (b) => {
      b.headers({ ...headers(), 'teamtailor-signature': regex('^t=\\d+,v1=[0-9a-f]{64}(,v0=[0-9a-f]{64})?$', `t=1795435082,v1=${'d'.repeat(64)}`) }).jsonBody(partnerEventBody());
    })
    .willRespondWith(200, (b) => {
      b.headers({ 'x-sandbox-order-id': regex(RE.orderId, EXAMPLE.orderId) }).jsonBody({
        partner_result_attributes: { status: regex('^(sending|sent|pending|completed|failed)$', 'sent') },
      });
    });
}

/** What Teamtailor sends the bridge on its external-trigger calls: its provider key, a JWT over the ETT. */
export const triggerAuthorization = (account: DemoAccount): string => `Bearer ${providerKey({ externalTriggerToken: account.externalTriggerToken }, account.native.partnerApiKey ?? '')}`;
