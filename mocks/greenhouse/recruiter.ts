/**
 * The recruiter's side of Greenhouse: opening "Send test to candidate" fills the test picker from
 * the partner's list_tests; pressing Send Test creates the take-home test and POSTs send_test.
 * Any failure to fill the picker shows "Sorry, we encountered an error. Please try again."; a key
 * the partner refuses (401: invalid External Trigger Token) means the partner app is not available.
 * Malformed answers are reported to the partner's response_error, as Greenhouse does.
 */
import type { EmulatorContext, PackageListView, PackageChoice, RecruiterInput, SendTestView } from '../../harness/emulator/glossary.ts';
import type { GreenhouseListTestsResponse } from '../../schemas/generated/greenhouse/list-tests-response.ts';
import type { GreenhouseSendTestRequest } from '../../schemas/generated/greenhouse/send-test-request.ts';
import type { GreenhouseSendTestResponse } from '../../schemas/generated/greenhouse/send-test-response.ts';
import type { GreenhouseEmulatorOptions } from './options.ts';
import { callPartner, partnerUrl, reportResponseError } from './external-trigger.ts';
import { listTestsErrors, sendTestErrors } from './response-checks.ts';
import { createTakeHomeTest, takeHomeTests, updateTakeHomeTest } from './state.ts';
import { GREENHOUSE_WORDING } from './wording.ts';
import { clock } from '../../harness/clock.ts';
import { startLegacyPolling } from './legacy-polling.ts';

const RESUME_DAYS = 7;
const ORDER_ID_HEADER = 'x-sandbox-order-id';

const profileUrl = (ctx: EmulatorContext, c: RecruiterInput['candidate']): string => `${ctx.selfUrl()}/people/${c.number}?application_id=${c.applicationNumber}`;

export async function openTestPicker(ctx: EmulatorContext, input: RecruiterInput): Promise<PackageListView> {
  const res = await callPartner(ctx, { method: 'GET', url: partnerUrl(ctx, 'list_tests', input.category), traceId: input.traceId, responseSchema: 'greenhouse/list-tests-response' });
  if (res.status === 401) return { ok: false, recruiterSees: GREENHOUSE_WORDING.appNotVisible };
  // the partner's integration is switched off (StackOne answers 412): the partner stage is not offered either
  if (res.status === 412) return { ok: false, recruiterSees: GREENHOUSE_WORDING.appNotActive };
  if (res.failure || !res.ok) return { ok: false, recruiterSees: GREENHOUSE_WORDING.sorry };
  const errors = listTestsErrors(res);
  if (errors.length) {
    await reportResponseError(ctx, input.category, { api_call: 'list_tests', errors }, input.traceId);
    return { ok: false, recruiterSees: GREENHOUSE_WORDING.sorry };
  }
  const tests = res.json as GreenhouseListTestsResponse;
  if (tests.length === 0) return { ok: false, recruiterSees: GREENHOUSE_WORDING.sorry };
  return { ok: true, packages: tests.map((t): PackageChoice => ({ id: t.partner_test_id, name: t.partner_test_name })) };
}

export async function sendTakeHomeTest(ctx: EmulatorContext, opts: GreenhouseEmulatorOptions, input: RecruiterInput & { pkg: PackageChoice }): Promise<SendTestView> {
  const c = input.candidate;
  const test = await createTakeHomeTest(ctx, {
    category: input.category,
    candidateId: c.id,
    candidateEmail: c.email,
    applicationId: c.applicationNumber,
    partnerTestId: input.pkg.id,
    partnerTestName: input.pkg.name,
    sentBy: input.recruiter.email,
  });
  const body: GreenhouseSendTestRequest = {
    partner_test_id: input.pkg.id,
    candidate: {
      ...(opts.emitExtraIds ? { id: c.number } : {}),
      first_name: c.firstName,
      last_name: c.lastName,
      preferred_name: c.firstName,
      email: c.email,
      phone_number: c.phone,
      resume_url: `${ctx.selfUrl()}/resumes/${c.number}?expires=${clock.now() + RESUME_DAYS * 86_400_000}`,
      greenhouse_profile_url: profileUrl(ctx, c),
    },
    sent_by: input.recruiter.email,
    url: test.url,
    ...(opts.emitExtraIds ? { application: { id: c.applicationNumber } } : {}),
  };
  const res = await callPartner(ctx, {
    method: 'POST',
    url: partnerUrl(ctx, 'send_test', input.category),
    body,
    traceId: input.traceId,
    requestSchema: 'greenhouse/send-test-request',
    responseSchema: 'greenhouse/send-test-response',
  });
  const book = await takeHomeTests(ctx);
  const fail = async (recruiterSees: string, lastError: string): Promise<SendTestView> => {
    await updateTakeHomeTest(book, test.id, () => ({ state: 'send_failed', lastError }));
    return { ok: false, nativeId: test.id, recruiterSees };
  };
  if (res.status === 401) return fail(GREENHOUSE_WORDING.appNotVisible, 'send_test answered HTTP 401: the partner did not accept the API key');
  if (res.failure) return fail(GREENHOUSE_WORDING.sorry, `send_test could not be reached: ${res.error}`);
  if (!res.ok) return fail(GREENHOUSE_WORDING.sorry, `send_test answered HTTP ${res.status}`);
  const errors = sendTestErrors(res);
  if (errors.length) {
    await reportResponseError(ctx, input.category, { api_call: 'send_test', errors, partner_test_id: input.pkg.id, partner_test_name: input.pkg.name, candidate_email: c.email }, input.traceId);
    return fail(GREENHOUSE_WORDING.sorry, `send_test answered a malformed response: ${errors.join('; ')}`);
  }
  const answer = res.json as GreenhouseSendTestResponse;
  const orderId = res.headers[ORDER_ID_HEADER];
  await updateTakeHomeTest(book, test.id, () => ({ state: 'sent', partnerInterviewId: answer.partner_interview_id, ...(orderId ? { orderId } : {}) }));
  startLegacyPolling(ctx, opts, test.id, input.traceId);
  return { ok: true, nativeId: test.id, ...(orderId ? { orderId } : {}), recruiterSees: GREENHOUSE_WORDING.submitted };
}
