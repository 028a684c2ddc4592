/**
 * bridge → Greenhouse: "Mark Test as Completed" — an empty-bodied PATCH of the take_home_test URL
 * send_test carried, with the Partner Username/Password (Basic). Greenhouse answers with a status
 * only and then reads test_status on the bridge (that call is in the Greenhouse → bridge pact).
 * Refusal: a second update of a completed test is 409.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { NewInteraction } from '../../../harness/contracts/partner-contract.ts';
import { EXAMPLE, injected, RE } from '../../../harness/contracts/ats/matchers.ts';
import { basic } from '../../../harness/signing.ts';
import type { DemoAccount } from '../../../harness/demo.ts';

const { regex, string } = MatchersV3;

export const GREENHOUSE_RESULT_STATES = {
  sent: 'a take-home test was sent and is not complete',
  complete: 'the take-home test is already complete',
} as const;

export const GREENHOUSE_RESULTS = {
  complete: 'a Mark Test as Completed update',
  duplicate: 'a second Mark Test as Completed update',
} as const;

function request(i: NewInteraction, state: string, description: string) {
  return i
    .given(state)
    .uponReceiving(description)
    .withRequest('PATCH', injected('^/integrations/testing_partners/take_home_tests/\\d+$', '/integrations/testing_partners/take_home_tests/${testId}', '/integrations/testing_partners/take_home_tests/65543554'), (b) => {
      b.headers({ authorization: regex(RE.basic, EXAMPLE.basic) });
    });
}

export const completeInteraction = (i: NewInteraction) => request(i, GREENHOUSE_RESULT_STATES.sent, GREENHOUSE_RESULTS.complete).willRespondWith(200);

export function duplicateInteraction(i: NewInteraction) {
  return request(i, GREENHOUSE_RESULT_STATES.complete, GREENHOUSE_RESULTS.duplicate).willRespondWith(409, (b) => {
    b.jsonBody({ message: string('This take home test has already been completed') });
  });
}

/** The secret-bearing headers the bridge sends Greenhouse's partner API. */
export const resultAuthHeaders = (account: DemoAccount): Record<string, string> => ({ authorization: basic(account.native.partnerUsername ?? '', account.native.partnerPassword ?? '') });
