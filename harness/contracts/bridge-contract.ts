/**
 * The partner → bridge contract: result updates (PATCH /unified/ats/{assessments,background_checks}/orders/{id}/result,
 * Basic auth + x-account-id), accepted for both categories and refused for an unknown order and for a
 * second Greenhouse update. The order id comes from the provider state (fromProviderState), because
 * the bridge makes its own ids.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { basic } from '../signing.ts';
import { DEFAULT_API_KEY } from '../config.ts';
import type { Category } from '../config.ts';
import type { NewInteraction } from './partner-contract.ts';

const { eachLike, string, regex, datetime, integer, fromProviderState } = MatchersV3;

export const BRIDGE_STATES = {
  order: { assessment: 'an assessment order exists', background_check: 'a background-check order exists' },
  noOrder: 'no such order exists',
  greenhouseHasResult: 'a Greenhouse assessment order already has a result',
} as const;

export const BRIDGE_INTERACTIONS = {
  result: { assessment: 'an assessment result update', background_check: 'a background-check result update' },
  unknownOrder: 'a result update for an order that does not exist',
  duplicate: 'a second result update of a Greenhouse test',
} as const;

export const EXAMPLE_ORDER_ID = 'ord_7c2f0d4e9a1b3c5d7e9f';
export const UNKNOWN_ORDER_ID = 'ord_00000000000000000000';
const SEG: Record<Category, string> = { assessment: 'assessments', background_check: 'background_checks' };
const ISO = "yyyy-MM-dd'T'HH:mm:ss.SSSX";
const NUMBER_TEXT = '^-?\\d+(\\.\\d+)?$';
const URL_RE = '^https?://\\S+$';

const resultPath = (category: Category) => fromProviderState(`/unified/ats/${SEG[category]}/orders/\${orderId}/result`, `/unified/ats/${SEG[category]}/orders/${EXAMPLE_ORDER_ID}/result`);

const headers = (accountId = 'acct_greenhouse_demo') => ({
  // the example is the sandbox's default API key, so a default bridge accepts it as is
  authorization: regex('^Basic [A-Za-z0-9+/]+={0,2}$', basic(DEFAULT_API_KEY, '')),
  'x-account-id': string(accountId),
});

/** A result body as the reference partner writes it (stackone.md §3.1): score values are strings, result is {value, source_value}. */
function resultBody(category: Category) {
  return {
    ...(category === 'assessment'
      ? { score: { label: string('Percentage'), value: regex(NUMBER_TEXT, '82'), min: regex(NUMBER_TEXT, '0'), max: regex(NUMBER_TEXT, '100') } }
      : {}),
    start_date: datetime(ISO, '2026-03-01T10:20:00.000Z'),
    submission_date: datetime(ISO, '2026-03-01T10:51:00.000Z'),
    summary: string('Strong on algorithms, weaker on CSS'),
    result: { value: regex('^(initiated|in_progress|cancelled|completed|expired|failed|passed|unmapped_value)$', category === 'assessment' ? 'passed' : 'completed'), source_value: string('Passed') },
    result_url: regex(URL_RE, 'http://127.0.0.1:4015/reports/ord_7c2f0d4e9a1b3c5d7e9f'),
    attachments: eachLike({ url: regex(URL_RE, 'http://127.0.0.1:4015/reports/ord_7c2f0d4e9a1b3c5d7e9f.pdf'), content_type: { value: regex('^(text|pdf|video|other|unmapped_value)$', 'pdf'), source_value: string('application/pdf') } }),
    candidate: { id: string('cand_ada'), profile_url: regex(URL_RE, 'http://127.0.0.1:4015/candidates/cand_ada') },
  };
}

const ack = () => ({ statusCode: integer(200), message: string('Record updated successfully.'), timestamp: datetime(ISO, '2026-03-01T11:45:01.000Z') });
const refusal = (status: number, code: string) => ({ statusCode: integer(status), message: string('Refused'), timestamp: datetime(ISO, '2026-03-01T11:45:01.000Z'), errorCode: regex(`^${code}$`, code) });

export function resultUpdateInteraction(i: NewInteraction, category: Category) {
  return i
    .given(BRIDGE_STATES.order[category])
    .uponReceiving(BRIDGE_INTERACTIONS.result[category])
    .withRequest('PATCH', resultPath(category), (b) => {
      b.headers(headers()).jsonBody(resultBody(category));
    })
    .willRespondWith(200, (b) => {
      b.jsonBody(ack());
    });
}

export function unknownOrderInteraction(i: NewInteraction) {
  return i
    .given(BRIDGE_STATES.noOrder)
    .uponReceiving(BRIDGE_INTERACTIONS.unknownOrder)
    .withRequest('PATCH', `/unified/ats/assessments/orders/${UNKNOWN_ORDER_ID}/result`, (b) => {
      b.headers(headers()).jsonBody(resultBody('assessment'));
    })
    .willRespondWith(404, (b) => {
      b.jsonBody(refusal(404, 'NotFoundError'));
    });
}

export function duplicateInteraction(i: NewInteraction) {
  return i
    .given(BRIDGE_STATES.greenhouseHasResult)
    .uponReceiving(BRIDGE_INTERACTIONS.duplicate)
    .withRequest('PATCH', resultPath('assessment'), (b) => {
      b.headers(headers()).jsonBody(resultBody('assessment'));
    })
    .willRespondWith(409, (b) => {
      b.jsonBody({ ...refusal(409, 'DuplicateResultUpdateError'), provider_errors: eachLike({ status: integer(409) }) });
    });
}
