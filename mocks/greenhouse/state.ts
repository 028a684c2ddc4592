/**
 * GreenhouseTakeHomeTests: the take-home tests Greenhouse created when a recruiter pressed Send
 * Test, one per candidate and partner test. A test is `sending` until send_test answers, then
 * `sent`; a PATCH claims it (`checking`) while test_status is read, and it is `complete` once a
 * valid complete status came back. The claim is one atomic check-and-set, so of any number of
 * concurrent PATCHes exactly one reads the result.
 */
import { randomInt } from 'node:crypto';
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { Collection } from '../../harness/store/store.ts';
import type { GreenhouseTestStatusResponse } from '../../schemas/generated/greenhouse/test-status-response.ts';
import { clock } from '../../harness/clock.ts';

type TakeHomeTestState = 'sending' | 'send_failed' | 'sent' | 'checking' | 'complete';

export interface TakeHomeTest {
  id: string;
  url: string;
  category: Category;
  candidateId: string;
  candidateEmail: string;
  applicationId: number;
  partnerTestId: string;
  partnerTestName: string;
  sentBy: string;
  sentAt: string;
  state: TakeHomeTestState;
  partnerInterviewId?: string;
  /** the bridge's order id (x-sandbox-order-id) */
  orderId?: string;
  /** the last status test_status reported, when it was not complete */
  partnerStatus?: string;
  /** a test_status answer that was not complete but carried a profile URL (shown as Go to Test) */
  partnerProfileUrl?: string;
  /** what test_status answered when the test completed: never replaced afterwards */
  result?: GreenhouseTestStatusResponse;
  completedAt?: string;
  /** the last problem Greenhouse had with this test (shown on the card) */
  lastError?: string;
  /** legacy polling: test_status reads made by the hourly poll, and why the polling stopped */
  polls?: number;
  pollingStopped?: string;
  /** PATCHes refused because the test was already complete or being updated */
  refusedUpdates: number;
  updatedAt: string;
}

type Claim = 'claimed' | 'unknown' | 'sending' | 'busy' | 'complete' | 'not-sent';

export const takeHomeTests = async (ctx: EmulatorContext): Promise<Collection<TakeHomeTest>> => (await ctx.store.collection<TakeHomeTest>('take_home_tests', 4)).index('candidate', (t) => t.candidateId);

const takeHomeTestUrl = (ctx: EmulatorContext, id: string): string => `${ctx.selfUrl()}/integrations/testing_partners/take_home_tests/${id}`;

/** Creates the record of a test about to be sent, with a fresh numeric id. */
export async function createTakeHomeTest(ctx: EmulatorContext, fields: Omit<TakeHomeTest, 'id' | 'url' | 'state' | 'refusedUpdates' | 'updatedAt' | 'sentAt'>): Promise<TakeHomeTest> {
  const book = await takeHomeTests(ctx);
  for (;;) {
    const id = String(randomInt(10_000_000, 100_000_000));
    const now = clock.iso();
    const created = await book.mutate(id, (cur) => {
      if (cur) return { result: undefined };
      const value: TakeHomeTest = { ...fields, id, url: takeHomeTestUrl(ctx, id), state: 'sending', refusedUpdates: 0, sentAt: now, updatedAt: now };
      return { value, result: value };
    });
    if (created) return created;
  }
}

/** The PATCH's check-and-set: only a `sent` test can be claimed; a refusal is counted. */
export interface ClaimOutcome {
  claim: Claim;
  test?: TakeHomeTest;
}

export async function claimForUpdate(book: Collection<TakeHomeTest>, id: string): Promise<ClaimOutcome> {
  return book.mutate<ClaimOutcome>(id, (cur) => {
    if (!cur) return { result: { claim: 'unknown' as Claim } };
    const now = clock.iso();
    if (cur.state === 'sending') return { result: { claim: 'sending' as Claim, test: cur } };
    if (cur.state === 'send_failed') return { result: { claim: 'not-sent' as Claim, test: cur } };
    if (cur.state === 'complete' || cur.state === 'checking') {
      const value = { ...cur, refusedUpdates: cur.refusedUpdates + 1, updatedAt: now };
      return { value, result: { claim: (cur.state === 'complete' ? 'complete' : 'busy') as Claim, test: value } };
    }
    const value: TakeHomeTest = { ...cur, state: 'checking', updatedAt: now };
    return { value, result: { claim: 'claimed' as Claim, test: value } };
  });
}

export async function updateTakeHomeTest(book: Collection<TakeHomeTest>, id: string, change: (cur: TakeHomeTest) => Partial<TakeHomeTest>): Promise<TakeHomeTest | undefined> {
  return book.mutate(id, (cur) => {
    if (!cur) return { result: undefined };
    const value: TakeHomeTest = { ...cur, ...change(cur), updatedAt: clock.iso() };
    return { value, result: value };
  });
}
