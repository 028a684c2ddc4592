/**
 * bridge → Recruitee: the result mapper PATCHes the report Recruitee created on send (Partners API,
 * RC environment under /rc/api), authenticated by RT-PARTNER-SECRET. Refusal: an unknown report is 404 {error}.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { NewInteraction } from '../../../harness/contracts/partner-contract.ts';
import { EXAMPLE, injected, iso, RE, url } from '../../../harness/contracts/ats/matchers.ts';
import type { DemoAccount } from '../../../harness/demo.ts';

const { regex, string, integer } = MatchersV3;

export const RECRUITEE_RESULT_STATES = {
  exists: 'a report exists for the order',
  deleted: 'the report of the order was deleted',
} as const;

export const RECRUITEE_RESULTS = {
  update: 'a report update with an assessment result',
  deleted: 'a report update for a deleted report',
} as const;

const STATUS = '^(sent|completed|failed|canceled)$';

function request(i: NewInteraction, state: string, description: string) {
  return i
    .given(state)
    .uponReceiving(description)
    .withRequest('PATCH', injected('^/(rc/)?api/p/[a-z-]+/reports/[0-9a-f-]{36}$', '/rc/api/p/stackone-sandbox/reports/${reportId}', `/rc/api/p/stackone-sandbox/reports/${EXAMPLE.uuid}`), (b) => {
      b.headers({ 'rt-partner-secret': regex('^\\S+$', EXAMPLE.secret) }).jsonBody({
        status: regex(STATUS, 'completed'),
        score: string('82%'),
        completed_at: iso('2026-03-01T10:51:00.000Z'),
        urls: { result: url('http://127.0.0.1:4015/reports/r1') },
      });
    });
}

export function updateInteraction(i: NewInteraction) {
  return request(i, RECRUITEE_RESULT_STATES.exists, RECRUITEE_RESULTS.update).willRespondWith(200, (b) => {
    b.jsonBody({
      report: {
        id: injected(RE.uuid, '${reportId}', EXAMPLE.uuid),
        status: regex(STATUS, 'completed'),
        score: string('82%'),
        urls: { result: url('http://127.0.0.1:4015/reports/r1') },
        candidate_id: integer(54321),
        company_id: integer(90112),
        test_id: string('pkg_js_senior'),
      },
    });
  });
}

export function deletedInteraction(i: NewInteraction) {
  return request(i, RECRUITEE_RESULT_STATES.deleted, RECRUITEE_RESULTS.deleted).willRespondWith(404, (b) => {
    b.jsonBody({ error: string('Report not found') });
  });
}

/** The secret-bearing headers the bridge sends Recruitee's Partners API. */
export const resultAuthHeaders = (account: DemoAccount): Record<string, string> => ({ 'rt-partner-secret': account.native.partnerSecret ?? '' });
