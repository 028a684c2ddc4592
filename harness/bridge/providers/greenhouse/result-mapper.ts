/**
 * GreenhouseResultMapper: a unified result becomes Greenhouse's "Mark Test as Completed" flow.
 * The result is made readable by test_status first, then the take_home_test URL is PATCHed with
 * an empty body and the Partner Username/Password; Greenhouse then reads test_status once.
 * Greenhouse refuses a second update of a test: that becomes 409 DuplicateResultUpdateError and the
 * first result stays. Deliveries for one order run one at a time, so concurrent updates cannot
 * swap the result Greenhouse reads under the update it accepted.
 */
import { atCurrentBase } from '../../../http/service-urls.ts';
import { basic } from '../../../signing.ts';
import type { FieldIssue, MetaField, NormalisedResult, ResultDeliveryInput, ResultDeliveryOutcome, ResultRuleVerdict, StoredOrder } from '../../glossary.ts';
import type { CallResult } from '../../../http/client.ts';
import { nativeOf } from './test-status.ts';
import { clock } from '../../../clock.ts';

/** Exactly the unified fields this mapper reads (connector meta lists these). */
export const GREENHOUSE_RESULT_FIELDS: MetaField[] = [
  { name: 'score', type: [{ name: 'value', type: 'string', description: 'A number written as a string; shown as Score (partner_score)' }] },
  { name: 'start_date', type: 'datetime', description: 'Shown as Started At' },
  { name: 'submission_date', type: 'datetime', description: 'Shown as Completed At' },
  { name: 'summary', type: 'string', description: 'Shown as Notes' },
  { name: 'result_url', type: 'string', required: true, description: 'Shown as View Report and Go to Test (partner_profile_url, required for a complete test)' },
];

const DUPLICATE_MESSAGE = 'Greenhouse does not allow multiple result updates for the same test; the first result stays';
/** Greenhouse's refusal of a second update, in the words the partner gets (the bridge and msw alike). */
export const duplicateMessage = (orderId: string): string => `${DUPLICATE_MESSAGE} (order ${orderId} already has its result in Greenhouse). Update only final results.`;

/**
 * Greenhouse's rules, checked before anything is sent. Refused [C]: a result without its link
 * (StackOne sends every result as `complete`, and Greenhouse refuses `complete` without
 * partner_profile_url). Warned [I]: a score that is not a number (partner_score is a Number in
 * Greenhouse; the sandbox leaves the score out, as it guesses StackOne does).
 */
export function checkGreenhouseResult(result: NormalisedResult): ResultRuleVerdict {
  const refusals: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  if (!result.result_url) {
    refusals.push({
      pointer: '/result_url',
      message: "is required by Greenhouse: the result is sent as 'complete', and a complete test needs partner_profile_url (the View Report link)",
      expected: 'a URL of the report',
      actual: result.result_url === null ? 'null' : 'missing',
    });
  }
  const v = result.score?.value;
  if (v != null && (v.trim() === '' || !Number.isFinite(Number(v)))) {
    warnings.push({ pointer: '/score/value', message: "is not a number, and Greenhouse's partner_score is one: the score is left out (inferred)", expected: 'a number as a string, e.g. "82"', actual: v });
  }
  return { refusals, warnings };
}

const chains = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier call with the same key has finished. */
function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (chains.get(key) ?? Promise.resolve()).then(fn, fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  chains.set(key, tail);
  void tail.then(() => {
    if (chains.get(key) === tail) chains.delete(key);
  });
  return run;
}

export function deliverGreenhouseResult(input: ResultDeliveryInput): Promise<ResultDeliveryOutcome> {
  return oneAtATime(input.order.id, () => deliver(input));
}

async function deliver({ bridge, account, order, result, traceId }: ResultDeliveryInput): Promise<ResultDeliveryOutcome> {
  // stored as Greenhouse sent it; resolved against where the emulator listens now
  const stored = nativeOf(order).takeHomeTestUrl;
  const url = stored && atCurrentBase(stored, bridge.providerUrl('greenhouse'));
  if (!url) {
    return {
      ok: false,
      status: 422,
      errorCode: 'ProviderRefusedError',
      message: `Order ${order.id} has no Greenhouse take_home_test URL to mark as completed`,
      providerError: { status: null, url: null, raw: null, headers: null },
    };
  }
  await bridge.updateOrderNative(order.id, { pendingResult: result });
  const res = await bridge.http({
    method: 'PATCH',
    url,
    headers: { authorization: basic(account.native.partnerUsername ?? '', account.native.partnerPassword ?? '') },
    hop: 'result-mapping',
    peer: 'greenhouse',
    orderId: order.id,
    provider: 'greenhouse',
    accountId: account.id,
    traceId,
    timeoutMs: 10_000,
  });
  if (res.ok) {
    await bridge.updateOrderNative(order.id, { acceptedResult: result, acceptedAt: clock.iso(), pendingResult: null });
    return { ok: true };
  }
  await bridge.updateOrderNative(order.id, { pendingResult: null });
  return refusal(res, url, order);
}

function refusal(res: CallResult, url: string, order: StoredOrder): ResultDeliveryOutcome {
  const providerError = { status: res.status || null, url, raw: res.json ?? (res.text || res.error || null), headers: null };
  const said = (res.json as { message?: string } | undefined)?.message;
  const because = said ? ` Greenhouse said: ${said}` : '';
  if (res.failure) {
    return { ok: false, status: 502, errorCode: 'ProviderUnavailableError', message: `Bad Gateway: Greenhouse could not be reached to mark the test as completed (${res.error})`, providerError };
  }
  if (res.status === 409) {
    return { ok: false, status: 409, errorCode: 'DuplicateResultUpdateError', message: `${duplicateMessage(order.id)}${because}`, providerError };
  }
  if (res.status === 401 || res.status === 403) {
    return { ok: false, status: 502, errorCode: 'ProviderRefusedError', message: `Bad Gateway: Greenhouse refused the Partner Username/Password of this linked account (HTTP ${res.status}); check Partner's Username and Partner's Password in the Greenhouse configuration.${because}`, providerError };
  }
  if (res.status === 404) {
    return { ok: false, status: 502, errorCode: 'ProviderRefusedError', message: `Bad Gateway: Greenhouse does not know the take-home test of order ${order.id} (HTTP 404).${because}`, providerError };
  }
  if (res.status === 400 || res.status === 422) {
    return { ok: false, status: 422, errorCode: 'ProviderRefusedError', message: `Greenhouse refused the update (HTTP ${res.status}).${because}`, providerError };
  }
  return { ok: false, status: 502, errorCode: 'ProviderUnavailableError', message: `Bad Gateway: Greenhouse answered HTTP ${res.status} to the update.${because}`, providerError };
}
