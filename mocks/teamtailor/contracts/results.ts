/**
 * bridge → Teamtailor: the result mapper PUTs the partner-result the webhook named (its update-url),
 * as JSON:API, with the partner API key, X-Api-Version 20180828 and application/vnd.api+json.
 * Refusal: a partner-result that no longer exists (the recruiter deleted it) is a JSON:API 404.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { NewInteraction } from '../../../harness/contracts/partner-contract.ts';
import { EXAMPLE, injected, iso, RE, url } from '../../../harness/contracts/ats/matchers.ts';
import { providerKey } from '../provider-key.ts';
import type { DemoAccount } from '../../../harness/demo.ts';

const { regex, string, integer, eachLike } = MatchersV3;

export const TEAMTAILOR_RESULT_STATES = {
  exists: 'a partner-result exists for the order',
  deleted: 'the partner-result of the order was deleted',
} as const;

export const TEAMTAILOR_RESULTS = {
  update: 'a partner-result update with an assessment result',
  deleted: 'a partner-result update for a deleted partner-result',
} as const;

const JSON_API = '^application/vnd\\.api\\+json.*$';
const id = () => injected(RE.uuid, '${partnerResultId}', EXAMPLE.uuid);

function request(i: NewInteraction, state: string, description: string) {
  return i
    .given(state)
    .uponReceiving(description)
    .withRequest('PUT', injected('^/partner/v1/partner-results/[0-9a-f-]{36}$', '/partner/v1/partner-results/${partnerResultId}', `/partner/v1/partner-results/${EXAMPLE.uuid}`), (b) => {
      b.headers({
        authorization: regex(RE.bearer, EXAMPLE.bearer),
        'x-api-version': regex('^20180828$', '20180828'),
        // capitalised: jsonBody() adds Content-Type: application/json unless this exact name is set
        'Content-Type': regex(JSON_API, 'application/vnd.api+json'),
        accept: regex(JSON_API, 'application/vnd.api+json'),
      }).jsonBody({
        data: {
          type: regex('^partner-results$', 'partner-results'),
          id: id(),
          attributes: {
            status: regex('^(pending|completed|failed)$', 'completed'),
            summary: string('Strong on algorithms'),
            url: url('http://127.0.0.1:4015/reports/r1'),
            assessment: { score: integer(82), duration: integer(1860) },
            attachments: eachLike({ url: url('http://127.0.0.1:4015/reports/r1.pdf'), description: string('r1.pdf') }),
          },
        },
      });
    });
}

export function updateInteraction(i: NewInteraction) {
  return request(i, TEAMTAILOR_RESULT_STATES.exists, TEAMTAILOR_RESULTS.update).willRespondWith(200, (b) => {
    b.headers({ 'Content-Type': regex(JSON_API, 'application/vnd.api+json; charset=utf-8') }).jsonBody({
      data: { id: id(), type: regex('^partner-results$', 'partner-results'), attributes: { status: regex('^(pending|completed|failed)$', 'completed'), 'updated-at': iso('2026-03-01T10:52:00.000Z') } },
    });
  });
}

export function deletedInteraction(i: NewInteraction) {
  return request(i, TEAMTAILOR_RESULT_STATES.deleted, TEAMTAILOR_RESULTS.deleted).willRespondWith(404, (b) => {
    b.headers({ 'Content-Type': regex(JSON_API, 'application/vnd.api+json; charset=utf-8') }).jsonBody({
      errors: eachLike({ title: string('Record not found'), detail: string('No partner-result with that id'), status: regex('^404$', '404') }),
    });
  });
}

/** The secret-bearing headers the bridge sends Teamtailor's Partner API. */
export const resultAuthHeaders = (account: DemoAccount): Record<string, string> => ({ authorization: `Bearer ${account.native.partnerApiKey ?? ''}` });
