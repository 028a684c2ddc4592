/**
 * Greenhouse's legacy polling (issue 16; reference PART A "Poll (legacy)" [C]): integrations built
 * before 1 Oct 2019 are polled. After a successful send_test Greenhouse reads the partner's test_status
 * every hour, and stops when the status is `complete`, when the candidate is hired, or 8 weeks after the
 * test was sent. Off by default (new integrations must push: the PATCH). The polls run on the sandbox's
 * clock: `POST /_sandbox/clock {"advance": "8w"}` runs 8 weeks of them at once.
 *   POST /_sandbox/recruiter/candidates/:id/hire   the recruiter hires the candidate (polling stops)
 */
import { Router } from 'express';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import { clock } from '../../harness/clock.ts';
import { ApiError } from '../../harness/errors.ts';
import { WORLD } from '../../harness/emulator/world.ts';
import type { GreenhouseEmulatorOptions } from './options.ts';
import { claimForUpdate, takeHomeTests, updateTakeHomeTest, type TakeHomeTest } from './state.ts';
import { readTestStatus } from './native-api.ts';

const WEEK_MS = 7 * 86_400_000;

const hiredBook = (ctx: EmulatorContext) => ctx.store.collection<{ candidateId: string; at: string }>('hired_candidates', 1);

/** Starts polling a test just sent, when legacy polling is on. */
export function startLegacyPolling(ctx: EmulatorContext, opts: GreenhouseEmulatorOptions, testId: string, traceId: string): void {
  if (!opts.legacyPolling) return;
  schedule(ctx, opts, testId, traceId);
}

function schedule(ctx: EmulatorContext, opts: GreenhouseEmulatorOptions, testId: string, traceId: string): void {
  clock.setTimeout(() => pollOnce(ctx, opts, testId, traceId), opts.pollIntervalMinutes * 60_000, `greenhouse polls test_status of take-home test ${testId}`);
}

/** Why polling a test stops now, if it does. */
async function stopReason(ctx: EmulatorContext, opts: GreenhouseEmulatorOptions, t: TakeHomeTest): Promise<string | undefined> {
  if (!opts.legacyPolling) return 'legacy polling was turned off';
  if (t.state === 'complete') return 'the test is complete';
  if (t.state === 'send_failed') return 'the test was never sent';
  if ((await hiredBook(ctx)).get(t.candidateId)) return 'the candidate was hired';
  if (clock.now() - Date.parse(t.sentAt) >= opts.pollForWeeks * WEEK_MS) return `${opts.pollForWeeks} weeks have passed since the test was sent`;
  return undefined;
}

async function pollOnce(ctx: EmulatorContext, opts: GreenhouseEmulatorOptions, testId: string, traceId: string): Promise<void> {
  const book = await takeHomeTests(ctx);
  const t = book.get(testId);
  if (!t) return;
  const stop = await stopReason(ctx, opts, t);
  if (stop) return void (await updateTakeHomeTest(book, testId, () => ({ pollingStopped: stop })));
  const { claim, test } = await claimForUpdate(book, testId);
  if (claim === 'claimed' && test) {
    await updateTakeHomeTest(book, testId, (cur) => ({ polls: (cur.polls ?? 0) + 1 }));
    await readTestStatus(ctx, book, { ...test, polls: (test.polls ?? 0) + 1 }, traceId);
  }
  const after = book.get(testId);
  if (after?.state === 'complete') return void (await updateTakeHomeTest(book, testId, () => ({ pollingStopped: 'the test is complete' })));
  schedule(ctx, opts, testId, traceId);
}

export function legacyPollingRoutes(ctx: EmulatorContext): Router {
  const r = Router();
  r.post('/_sandbox/recruiter/candidates/:id/hire', async (req, res) => {
    const given = String(req.params.id);
    const c = WORLD.candidates.find((x) => x.id === given || String(x.number) === given);
    if (!c) throw new ApiError(404, 'NotFoundError', `No candidate ${JSON.stringify(given.slice(0, 100))} in Greenhouse; known: ${WORLD.candidates.map((x) => x.id).join(', ')}`);
    await (await hiredBook(ctx)).put(c.id, { candidateId: c.id, at: clock.iso() });
    res.json({ candidateId: c.id, hired: true });
  });
  return r;
}
