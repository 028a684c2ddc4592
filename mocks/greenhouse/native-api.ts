/**
 * GreenhouseTestCompletion: "Mark Test as Completed". The partner PATCHes the take_home_test URL
 * (empty body, Basic); Greenhouse answers with a status code only and immediately reads the
 * partner's test_status once. A complete, valid status is stored and never replaced; a malformed
 * one is reported to response_error and the test stays open; a second PATCH on a complete test is
 * refused with 409 (configurable), the first result unchanged.
 */
import { Router } from 'express';
import { ApiError } from '../../harness/errors.ts';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { Collection } from '../../harness/store/store.ts';
import type { GreenhouseTestStatusResponse } from '../../schemas/generated/greenhouse/test-status-response.ts';
import type { GreenhouseEmulatorOptions } from './options.ts';
import { requirePartnerCredentials } from './credentials.ts';
import { claimForUpdate, takeHomeTests, updateTakeHomeTest, type TakeHomeTest } from './state.ts';
import { callPartner, partnerUrl, reportResponseError, withParam } from './external-trigger.ts';
import { testStatusErrors } from './response-checks.ts';
import { GREENHOUSE_WORDING } from './wording.ts';
import { clock } from '../../harness/clock.ts';

const TAKE_HOME_TEST_PATH = '/integrations/testing_partners/take_home_tests/:id';

export function takeHomeTestRoutes(ctx: EmulatorContext, opts: GreenhouseEmulatorOptions): Router {
  const r = Router();
  r.patch(TAKE_HOME_TEST_PATH, async (req, res) => {
    res.locals.hop = 'result-mapping';
    res.locals.provider = 'greenhouse';
    res.locals.accountId = ctx.account.id;
    requirePartnerCredentials(ctx, opts, req);
    const id = String(req.params.id);
    const book = await takeHomeTests(ctx);
    const { claim, test } = await claimWhenSent(book, id, opts.sendingWaitMs);
    if (test?.orderId) res.locals.orderId = test.orderId;
    switch (claim) {
      case 'unknown':
        throw new ApiError(404, 'NotFoundError', GREENHOUSE_WORDING.notFound('Take home test', id), [{ pointer: '/path/id', message: 'names no take home test', expected: 'the id at the end of the url send_test carried', actual: id }]);
      case 'sending':
      case 'not-sent':
        throw new ApiError(409, 'ConflictError', GREENHOUSE_WORDING.notSentYet);
      case 'busy':
        throw new ApiError(409, 'DuplicateResultUpdateError', GREENHOUSE_WORDING.beingUpdated);
      case 'complete':
        if (opts.duplicateUpdate === 'ignore') return void res.status(opts.patchStatus).end();
        throw new ApiError(409, 'DuplicateResultUpdateError', GREENHOUSE_WORDING.alreadyCompleted);
    }
    if (opts.testStatusTiming === 'async') {
      res.status(opts.patchStatus).end();
      readTestStatus(ctx, book, test!, req.traceId).catch((e: unknown) => console.error(`[greenhouse] test_status of ${id}: ${(e as Error).message}`));
      return;
    }
    await readTestStatus(ctx, book, test!, req.traceId);
    res.status(opts.patchStatus).end();
  });
  return r;
}

/** Claims the test; a PATCH that overtakes send_test's answer waits for it a little. */
async function claimWhenSent(book: Collection<TakeHomeTest>, id: string, waitMs: number): ReturnType<typeof claimForUpdate> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const out = await claimForUpdate(book, id);
    if (out.claim !== 'sending' || Date.now() >= deadline) return out;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** GET test_status once; store a complete result, or release the test with what went wrong. */
export async function readTestStatus(ctx: EmulatorContext, book: Collection<TakeHomeTest>, test: TakeHomeTest, traceId: string): Promise<void> {
  const interviewId = test.partnerInterviewId ?? '';
  const res = await callPartner(ctx, {
    method: 'GET',
    url: withParam(partnerUrl(ctx, 'test_status', test.category), 'partner_interview_id', interviewId),
    traceId,
    orderId: test.orderId,
    responseSchema: 'greenhouse/test-status-response',
  });
  let problem: string | undefined;
  if (res.failure) problem = `test_status could not be reached: ${res.error}`;
  else if (!res.ok) problem = `test_status answered HTTP ${res.status}`;
  else {
    const errors = testStatusErrors(res);
    if (errors.length) {
      problem = `test_status answered a malformed response: ${errors.join('; ')}`;
      await reportResponseError(
        ctx,
        test.category,
        { api_call: 'test_status', errors, partner_test_id: test.partnerTestId, partner_test_name: test.partnerTestName, partner_interview_id: interviewId, candidate_email: test.candidateEmail },
        traceId,
        test.orderId,
      );
    }
  }
  if (problem) {
    await updateTakeHomeTest(book, test.id, () => ({ state: 'sent', lastError: problem }));
    return;
  }
  const status = res.json as GreenhouseTestStatusResponse;
  if (status.partner_status === 'complete') {
    await updateTakeHomeTest(book, test.id, () => ({ state: 'complete', result: status, completedAt: clock.iso(), lastError: undefined }));
  } else {
    await updateTakeHomeTest(book, test.id, () => ({ state: 'sent', partnerStatus: status.partner_status, partnerProfileUrl: status.partner_profile_url ?? undefined, lastError: undefined }));
  }
}

