/**
 * The implementations of expectations: each checks what the sandbox shows now and, when it does
 * not hold, says what was expected, what there is instead, and which journal entry shows it.
 * Journal, card and delivery expectations are waited for (results arrive asynchronously).
 */
import type { JournalEntry } from '../journal.ts';
import type { CandidateCard, ResultCardView } from '../../schemas/generated/sandbox/candidate-card.ts';
import { explainExpectation, type CardExpectation, type DeliveryExpectation, type Expectation, type JournalExpectation, type JournalMatch } from './definitions.ts';
import { countOk, expectedGot, explainCount, matches, matchesAt, mismatches, show, type CountMatch } from './fields.ts';
import { sleep, type RunContext, type StepRecord } from './context.ts';

export interface CheckResult {
  ok: boolean;
  expected: string;
  actual: string;
  /** the journal entry that shows what happened */
  entry?: JournalEntry;
  /** further down the same trace: the first hop that failed, when it is another one */
  cause?: JournalEntry;
  /** with a journal expectation that found nothing: the nearest entries and what differs */
  closest?: { entry: JournalEntry; differences: string[] }[];
  /** waiting longer cannot help (the order was refused, the deliveries gave up): stop waiting */
  final?: boolean;
  /** it failed because no order was made (the send-test failed): the cause is elsewhere */
  noOrder?: boolean;
  /** the fix for what made waiting hopeless, when it is known better than the expectation's own */
  fix?: string;
}

const EVENTUAL = new Set(['journal', 'card', 'delivery']);

/** Hops of an order that come only once its webhook was delivered (and, for results, accepted). */
const AFTER_DELIVERY = new Set(['order-webhook', 'result-update', 'result-mapping']);

/** More than the count allows: journal entries and deliveries only ever grow, so that is final. */
const tooMany = (c: CountMatch | undefined, n: number): boolean => (typeof c === 'number' ? n > c : c?.max !== undefined && n > c.max);
const one = (c: CountMatch | undefined): boolean => c === undefined || c === 1;

/**
 * Checks an expectation, retrying eventual ones until they hold, the time is up, waiting cannot help
 * any more (the result was refused, the deliveries gave up), or the scenario has already failed.
 */
export async function checkExpectation(e: Expectation, ctx: RunContext, timeoutMs = ctx.timeoutMs): Promise<CheckResult> {
  const deadline = Date.now() + timeoutMs;
  const signal = ctx.failed.signal;
  // on virtual time (issue 16) waiting is advancing the clock: to the next timer when one is due,
  // else in small steps that count against the timeout (then the sandbox is idle: only I/O is left)
  let idleMs = 0;
  let idleSince: number | undefined;
  for (;;) {
    const r = await checkOnce(ctx.subst(e), ctx);
    if (r.ok || r.final || !EVENTUAL.has(e.type) || Date.now() >= deadline || signal.aborted) return r;
    if (!ctx.virtual) {
      await sleep(25, signal);
      continue;
    }
    // idle: the timeout is spent in virtual time, but I/O nothing tracks still gets a real moment
    if (idleMs >= timeoutMs && Date.now() - (idleSince ?? Date.now()) >= IDLE_REAL_MS) return r;
    const next = ctx.sb.clock.state().next;
    const gap = next ? Date.parse(next.at) - ctx.sb.clock.now() : Infinity;
    if (next && gap <= MAX_VIRTUAL_WAIT_MS) {
      // to the timer's time, not by the gap: expectations waiting side by side do not overshoot it
      await ctx.sb.clock.advanceTo(Date.parse(next.at));
      idleSince = undefined;
    } else {
      idleSince ??= Date.now();
      await ctx.sb.clock.advance(IDLE_STEP_MS);
      idleMs += IDLE_STEP_MS;
      if (idleMs >= timeoutMs) await sleep(10, signal);
    }
  }
}

/** On virtual time: the furthest a wait jumps to the next timer (a retry schedule over weeks) and the idle step. */
const MAX_VIRTUAL_WAIT_MS = 30 * 86_400_000;
const IDLE_STEP_MS = 100;
const IDLE_REAL_MS = 250;

async function checkOnce(e: Expectation, ctx: RunContext): Promise<CheckResult> {
  const expected = explainExpectation({ ...e, why: undefined } as Expectation);
  switch (e.type) {
    case 'recruiter-sees': {
      const id = e.step ?? ctx.lastRecruiterStep;
      const rec = id ? ctx.records.get(id) : undefined;
      if (!rec || (rec.action !== 'send-test' && rec.action !== 'activate')) return { ok: false, expected, actual: `there is no send-test or activate step${id ? ` ${id}` : ''} to look at` };
      const out = rec.output as { recruiterSees?: string; steps?: { step: string; recruiterSees: string }[]; error?: unknown; status: number };
      const seen = e.at === 'open-form' || e.at === 'send' ? out.steps?.find((s) => s.step === e.at)?.recruiterSees : out.recruiterSees;
      const ok = typeof seen === 'string' && (e.match === 'contains' ? seen.includes(e.text) : seen === e.text);
      const actual = seen === undefined ? (out.error ? `the send-test action failed with HTTP ${out.status}: ${show(out.error)}` : 'nothing was shown at that point') : `the recruiter sees "${seen}"`;
      return { ok, expected, actual, ...hopsOf(ctx, rec) };
    }
    case 'step': {
      const rec = ctx.records.get(e.step);
      if (!rec) return { ok: false, expected, actual: `there is no step ${e.step} (steps: ${[...ctx.records.keys()].join(', ')})` };
      const miss = mismatches(rec.output, e.fields);
      return { ok: miss.length === 0, expected, actual: miss.length ? miss.join('; ') : 'as expected', ...hopsOf(ctx, rec) };
    }
    case 'journal':
      return checkJournal(e, ctx, expected);
    case 'card':
      return checkCard(e, ctx, expected);
    case 'delivery':
      return checkDelivery(e, ctx, expected);
  }
}

/**
 * The hops that show what a step did: a partner call's own hop at the bridge, and the first failing
 * or schema-invalid hop of its trace (the cause); a recruiter action has only the cause (else its last hop).
 */
function hopsOf(ctx: RunContext, rec: StepRecord): { entry?: JournalEntry; cause?: JournalEntry } {
  if (!rec.traceId) return {};
  const hops = ctx.sb.journal.query({ traceId: rec.traceId, limit: 500 });
  const failing = hops.find((h) => h.status === 0 || h.status >= 400 || h.verdicts?.some((v) => !v.valid));
  const own = rec.action === 'update-result' || rec.action === 'partner-call' ? hops.find((h) => h.service === 'bridge' && h.direction === 'in') : undefined;
  if (own) return { entry: own, ...(failing && failing !== own ? { cause: failing } : {}) };
  return { entry: failing ?? hops[hops.length - 1] };
}

function parsed(body: string | undefined): unknown {
  if (body === undefined) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** What keeps an entry from matching, one line per field; [] when it matches. */
function journalDifferences(h: JournalEntry, m: JournalMatch, ctx: RunContext): string[] {
  const d: string[] = [];
  const eq = (k: 'service' | 'direction' | 'hop' | 'peer' | 'method', want: string | undefined) => {
    if (want !== undefined && h[k] !== want) d.push(`${k}: expected ${show(want)}, got ${show(h[k])}`);
  };
  eq('service', m.service);
  eq('direction', m.direction);
  eq('hop', m.hop);
  eq('peer', m.peer);
  eq('method', m.method);
  if (m.order !== undefined) {
    const id = ctx.orderOf(m.order);
    if (h.orderId !== id) d.push(`order: expected ${show(id)}, got ${show(h.orderId)}`);
  }
  const test = (label: string, matcher: JournalMatch['status'], v: unknown) => {
    if (matcher !== undefined && !matches(matcher, v)) d.push(expectedGot(label, matcher, show(v)));
  };
  test('status', m.status, h.status);
  test('duration (ms)', m.durationMs, Math.round(h.durationMs));
  test('url', m.url, h.url);
  test('error', m.error, h.error);
  test('request body', m.requestBody, h.requestBody);
  test('response body', m.responseBody, h.responseBody);
  if (m.verdict) {
    const valid = (h.verdicts ?? []).every((v) => v.valid);
    if ((m.verdict === 'valid') !== valid) d.push(valid ? 'every schema verdict is valid' : `a schema verdict is invalid: ${(h.verdicts ?? []).filter((v) => !v.valid).map((v) => v.schema).join(', ')}`);
  }
  if (m.responseJson !== undefined) {
    // the caller's own verdict first (the journal keeps at most 16 KB of a body)
    const judged = (h.verdicts ?? []).find((v) => v.part === 'response');
    const isJson = judged ? !judged.issues?.some((i) => i.message === 'is not JSON') : h.responseBody !== undefined && parsed(h.responseBody) !== undefined;
    if (isJson !== m.responseJson) d.push(`response body: expected ${m.responseJson ? 'JSON' : 'not JSON'}, got ${h.responseBody === undefined || h.responseBody === '' ? 'an empty body' : show(h.responseBody.slice(0, 120))}`);
  }
  if (m.request) d.push(...mismatches(parsed(h.requestBody), m.request, 'request '));
  if (m.response) d.push(...mismatches(parsed(h.responseBody), m.response, 'response '));
  if (m.headers) d.push(...mismatches(h.requestHeaders ?? {}, m.headers, 'header '));
  return d;
}

async function checkJournal(e: JournalExpectation, ctx: RunContext, expected: string): Promise<CheckResult> {
  // an entry of an order that was never made cannot come, nor a delivery given up on, nor a result the bridge refused
  if (e.match.order !== undefined && countOk(e.count, 0) === false && (!ctx.orderOf(e.match.order) || AFTER_DELIVERY.has(e.match.hop ?? ''))) {
    const hopeless = await hopelessResult(ctx, e.match.order);
    if (hopeless && !countOk(e.count, ctx.journal().filter((h) => journalDifferences(h, e.match, ctx).length === 0).length)) {
      return { ok: false, final: true, ...(hopeless.noOrder ? { noOrder: true } : {}), ...(hopeless.fix ? { fix: hopeless.fix } : {}), expected, actual: hopeless.why, ...(hopeless.entry ? { entry: hopeless.entry } : {}) };
    }
  }
  const all = ctx.journal();
  const scored = all.map((entry) => ({ entry, differences: journalDifferences(entry, e.match, ctx) }));
  const hits = scored.filter((s) => s.differences.length === 0);
  const ok = countOk(e.count, hits.length);
  if (ok) return { ok, expected, actual: `${hits.length} matching entr${hits.length === 1 ? 'y' : 'ies'}`, entry: hits[hits.length - 1]?.entry };
  if (hits.length) {
    // entries are never taken back: one too many is final
    return { ok, ...(tooMany(e.count, hits.length) ? { final: true } : {}), expected, actual: `expected ${explainCount(e.count)} matching entr${one(e.count) ? 'y' : 'ies'}, got ${hits.length}`, entry: hits[hits.length - 1].entry };
  }
  const closest = scored
    .filter((s) => !e.match.hop || s.entry.hop === e.match.hop || s.differences.length <= 2)
    .sort((a, b) => a.differences.length - b.differences.length || b.entry.seq - a.entry.seq)
    .slice(0, 3);
  return { ok, expected, actual: `expected ${explainCount(e.count)}, got none of the ${all.length} journal entries${closest.length ? ' (the nearest below)' : ''}`, closest, entry: closest[0]?.entry };
}

function resultOf(card: CandidateCard, ctx: RunContext, ref: string | undefined): ResultCardView | undefined {
  const orderId = ctx.orderOf(ref);
  const rec = ref ? ctx.records.get(ref) : ctx.lastSendTest ? ctx.records.get(ctx.lastSendTest) : undefined;
  const nativeId = rec?.output.nativeId;
  return (
    (orderId ? card.results.find((r) => r.orderId === orderId) : undefined) ??
    (typeof nativeId === 'string' ? card.results.find((r) => r.nativeId === nativeId) : undefined) ??
    (!orderId && card.results.length ? card.results[card.results.length - 1] : undefined)
  );
}

const FIX_UNDELIVERED = "answer a correctly signed order webhook with 2xx quickly (StackOne counts any 2xx as delivered and retries anything else); the answer body above says why yours refused it";
const FIX_REFUSED = 'send a result update the bridge accepts: the answer body above names each refused field and the ATS rule';

/**
 * Why no result of an order can come any more: no order was made, the bridge refused the partner's
 * update(s), or every delivery of the order webhook gave up; undefined while it still may.
 */
async function hopelessResult(ctx: RunContext, ref: string | undefined): Promise<{ why: string; entry?: JournalEntry; noOrder?: boolean; fix?: string } | undefined> {
  const orderId = ctx.orderOf(ref);
  if (!orderId) {
    const rec = ref ? ctx.records.get(ref) : ctx.lastSendTest ? ctx.records.get(ctx.lastSendTest) : undefined;
    if (rec?.action === 'send-test' && rec.output.ok === false) return { why: `no order was made: the send-test failed (the recruiter sees ${show(rec.output.recruiterSees ?? rec.output.error)})`, noOrder: true, ...hopsOf(ctx, rec) };
    return undefined;
  }
  // a refusal before the bridge knew the order (401, a bad header) carries the order only in its URL
  const path = `/orders/${encodeURIComponent(orderId)}/result`;
  const updates = ctx.sb.journal
    .query({ limit: 5000 })
    .filter((h) => h.service === 'bridge' && h.direction === 'in' && (h.hop === 'result-update' ? h.orderId === orderId || h.url.includes(path) : h.method === 'PATCH' && h.url.includes(path)));
  const last = updates[updates.length - 1];
  // a partner may correct and retry after a refusal: give it a moment
  if (last && last.status >= 400 && last.status < 500 && !updates.some((u) => u.status >= 200 && u.status < 300) && ctx.sb.clock.now() - Date.parse(last.at) > 1_000) {
    return { why: `the bridge refused the partner's result update (HTTP ${last.status})`, entry: last, fix: FIX_REFUSED };
  }
  if (!updates.length) {
    // the partner never got the order: every delivery of it gave up
    const ds = await deliveriesOf(ctx, orderId);
    if (ds.length && ds.every((d) => d.state === 'dead')) {
      const entry = ctx.sb.journal.query({ orderId, hop: 'order-webhook', limit: 500 }).filter((h) => h.direction === 'out').pop();
      return { why: `the order webhook never reached the partner (${ds.map((d) => `given up after ${d.attempts.length} attempt(s): ${d.attempts.map((a) => a.status || a.error || 0).join(', ')}`).join('; ')})`, ...(entry ? { entry } : {}), fix: FIX_UNDELIVERED };
    }
  }
  return undefined;
}

async function deliveriesOf(ctx: RunContext, orderId: string | undefined): Promise<DeliveryView[]> {
  const out = await ctx.control('GET', '/_sandbox/state');
  return ((out.json as { bridge?: { deliveries?: DeliveryView[] } })?.bridge?.deliveries ?? []).filter((d) => !orderId || d.orderId === orderId);
}

async function checkCard(e: CardExpectation, ctx: RunContext, expected: string): Promise<CheckResult> {
  const candidate = e.candidateId ?? ctx.lastCandidateId ?? 'cand_ada';
  const out = await ctx.control('GET', `/_sandbox/ats/${ctx.def.ats}/candidates/${encodeURIComponent(candidate)}`);
  if (out.status !== 200) return { ok: false, expected, actual: `the card could not be read: HTTP ${out.status} ${show(out.json)}` };
  const card = out.json as CandidateCard;
  const misses: string[] = [];
  if (e.card) misses.push(...mismatches(card, e.card, 'card '));
  if (e.fields) {
    const r = resultOf(card, ctx, e.order);
    if (!r) {
      const orderId = ctx.orderOf(e.order);
      misses.push(`no result${orderId ? ` of order ${orderId}` : ''} is on the card (${card.results.length} result(s)${card.results.length ? `: ${card.results.map((x) => `${x.title} [${x.status.label}]`).join(', ')}` : ''})`);
    } else misses.push(...mismatches(r, e.fields));
  }
  const orderId = ctx.orderOf(e.order);
  const entry = orderId ? ctx.sb.journal.query({ orderId, limit: 500 }).filter((h) => h.hop === 'result-update' || h.hop === 'result-mapping').pop() : undefined;
  if (misses.length === 0) return { ok: true, expected, actual: 'as expected', entry };
  const hopeless = e.fields ? await hopelessResult(ctx, e.order) : undefined;
  if (hopeless) return { ok: false, final: true, ...(hopeless.noOrder ? { noOrder: true } : {}), ...(hopeless.fix ? { fix: hopeless.fix } : {}), expected, actual: `${misses.join('; ')} — ${hopeless.why}`, entry: hopeless.entry ?? entry };
  return { ok: false, expected, actual: misses.join('; '), entry };
}

interface DeliveryView {
  id: string;
  orderId: string;
  state: string;
  attempts: { status: number; error?: string }[];
  badSignature?: boolean;
}

async function checkDelivery(e: DeliveryExpectation, ctx: RunContext, expected: string): Promise<CheckResult> {
  const orderId = ctx.orderOf(e.order);
  const all = await deliveriesOf(ctx, orderId);
  const hits = all.filter((d) => !e.fields || Object.entries(e.fields).every(([p, m]) => matchesAt(d, p, m)));
  const ok = countOk(e.count, hits.length);
  const describe = (d: DeliveryView) => `${d.id}: ${d.state} after ${d.attempts.length} attempt(s) [${d.attempts.map((a) => a.status || a.error || 0).join(', ')}]${d.badSignature ? ' (bad signature)' : ''}`;
  const entry = orderId ? ctx.sb.journal.query({ orderId, hop: 'order-webhook', limit: 500 }).filter((h) => h.direction === 'out').pop() : undefined;
  // every delivery finished (delivered or given up) and none of the order is to come: waiting cannot help
  const settled = (all.length > 0 && all.every((d) => d.state !== 'pending') && !ok) || tooMany(e.count, hits.length);
  const hopeless = !orderId ? await hopelessResult(ctx, e.order) : undefined;
  return {
    ok,
    ...(settled || hopeless ? { final: true } : {}),
    ...(hopeless?.noOrder ? { noOrder: true } : {}),
    expected,
    actual: all.length
      ? `expected ${explainCount(e.count)} matching, got ${hits.length} of ${all.length} deliver${all.length === 1 ? 'y' : 'ies'}: ${all.map(describe).join('; ')}`
      : hopeless
        ? hopeless.why
        : `expected ${explainCount(e.count)}, got no delivery${orderId ? ` of order ${orderId}` : ''}`,
    entry: entry ?? hopeless?.entry,
  };
}
