/**
 * bridge → SmartRecruiters: a customer-level token (client credentials, form, scope
 * assessment_result_manage), then a JSON Merge Patch of the PackageResult at the order's
 * resultCallbackURL. The token form is literal (Pact cannot match inside a form); the verification
 * filter puts the account's client credentials in and a token the emulator issued on the PATCH.
 * Refusal: an order SmartRecruiters does not know is 404 ORDER_NOT_FOUND.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { NewInteraction } from '../../../harness/contracts/partner-contract.ts';
import { DEMO_ACCOUNTS } from '../../../harness/demo.ts';
import { smartRecruitersResultForm } from './auth.ts';
import { EXAMPLE, formBody, injected, iso, RE, url } from '../../../harness/contracts/ats/matchers.ts';

const { regex, string, integer, eachLike } = MatchersV3;

export const SMARTRECRUITERS_RESULT_STATES = {
  credentials: 'the customer-level client credentials are valid',
  exists: 'a SmartRecruiters order exists',
  unknown: 'the SmartRecruiters order does not exist',
} as const;

export const SMARTRECRUITERS_RESULTS = {
  token: 'a customer-level token request',
  update: 'a result merge patch',
  unknown: 'a result merge patch for an unknown order',
} as const;

const STATUS = '^(PENDING|IN_PROGRESS|COMPLETED|REJECTED|EXPIRED)$';

export function tokenInteraction(i: NewInteraction) {
  return i
    .given(SMARTRECRUITERS_RESULT_STATES.credentials)
    .uponReceiving(SMARTRECRUITERS_RESULTS.token)
    .withRequest('POST', '/identity/oauth/token', (b) => {
      formBody(b, smartRecruitersResultForm(DEMO_ACCOUNTS.smartrecruiters));
    })
    .willRespondWith(200, (b) => {
      b.jsonBody({ access_token: string('sr_example'), token_type: regex('^Bearer$', 'Bearer'), expires_in: integer(1800), scope: regex('assessment_result_manage', 'assessment_result_manage') });
    });
}

function request(i: NewInteraction, state: string, description: string) {
  return i
    .given(state)
    .uponReceiving(description)
    .withRequest('PATCH', injected('^/assessment-api/v202010/orders/[0-9a-f-]{36}/results$', '/assessment-api/v202010/orders/${srOrderId}/results', `/assessment-api/v202010/orders/${EXAMPLE.uuid}/results`), (b) => {
      b.headers({ authorization: regex(RE.bearer, EXAMPLE.bearer) }).jsonBody({
        status: regex(STATUS, 'COMPLETED'),
        score: { raw: integer(82), min: integer(0), max: integer(100) },
        scoreLabel: string('Percentage'),
        summary: string('Strong on algorithms'),
        submissionDate: iso('2026-03-01T10:51:00.000Z'),
        assessmentPackageDate: iso('2026-03-01T10:20:00.000Z'),
        attachments: eachLike({ type: regex('^(OTHER_URL|PDF_URL|VIDEO_URL)$', 'OTHER_URL'), url: url('http://127.0.0.1:4015/reports/r1') }),
        name: string('JavaScript – Senior'),
      });
    });
}

export function updateInteraction(i: NewInteraction) {
  return request(i, SMARTRECRUITERS_RESULT_STATES.exists, SMARTRECRUITERS_RESULTS.update).willRespondWith(200, (b) => {
    b.jsonBody({ status: regex(STATUS, 'COMPLETED'), score: { raw: integer(82), min: integer(0), max: integer(100) }, submissionDate: iso('2026-03-01T10:51:00.000Z') });
  });
}

export function unknownOrderInteraction(i: NewInteraction) {
  return request(i, SMARTRECRUITERS_RESULT_STATES.unknown, SMARTRECRUITERS_RESULTS.unknown).willRespondWith(404, (b) => {
    b.jsonBody({ errors: eachLike({ code: string('ORDER_NOT_FOUND'), message: string('Assessment order not found') }), message: string('Assessment order not found') });
  });
}
