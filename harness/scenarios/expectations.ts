/**
 * The implementations of expectations: each checks what the sandbox shows now and, when it does
 * not hold, says what was expected, what there is instead, and which journal entry shows it.
 * Journal, card and delivery expectations are waited for (results arrive asynchronously).
 */
import type { JournalEntry } from '../journal.ts';
import type { CandidateCard, ResultCardView } from '../../schemas/generated/sandbox/candidate-card.ts';
import { explainExpectation, explainJournalMatch, type CardExpectation, type DeliveryExpectation, type Expectation, type JournalExpectation, type JournalMatch } from './definitions.ts';
import { countOk, explainCount, matches, matchesAt, mismatches, show } from './fields.ts';
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
}

const EVENTUAL = new Set(['journal', 'card', 'delivery']);

/** Checks an expectation, retrying eventual ones until they hold or the time is up. */
export async function checkExpectation(e: Expectation, ctx: RunContext, timeoutMs = ctx.timeoutMs): Promise<CheckResult> {
  const x = ctx.subst(e);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await checkOnce(x, ctx);
    if (r.ok || !EVENTUAL.has(x.type) || Date.now() >= deadline) return r;
    await sleep(25);
  }
}

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
    if (want !== undefined && h[k] !== want) d.push(`${k} is ${show(h[k])}, not ${show(want)}`);
  };
  eq('service', m.service);
  eq('direction', m.direction);
  eq('hop', m.hop);
  eq('peer', m.peer);
  eq('method', m.method);
  if (m.order !== undefined) {
    const id = ctx.orderOf(m.order);
    if (h.orderId !== id) d.push(`order is ${show(h.orderId)}, not ${show(id)}`);
  }
  const test = (label: string, matcher: JournalMatch['status'], v: unknown) => {
    if (matcher !== undefined && !matches(matcher, v)) d.push(`${label} is ${show(v)}`);
  };
  test('status', m.status, h.status);
  test('url', m.url, h.url);
  test('error', m.error, h.error);
  test('request body', m.requestBody, h.requestBody);
  test('response body', m.responseBody, h.responseBody);
  if (m.verdict) {
    const valid = (h.verdicts ?? []).every((v) => v.valid);
    if ((m.verdict === 'valid') !== valid) d.push(valid ? 'every schema verdict is valid' : `a schema verdict is invalid: ${(h.verdicts ?? []).filter((v) => !v.valid).map((v) => v.schema).join(', ')}`);
  }
  if (m.request) d.push(...mismatches(parsed(h.requestBody), m.request, 'request '));
  if (m.response) d.push(...mismatches(parsed(h.responseBody), m.response, 'response '));
  if (m.headers) d.push(...mismatches(h.requestHeaders ?? {}, m.headers, 'header '));
  return d;
}

function checkJournal(e: JournalExpectation, ctx: RunContext, expected: string): CheckResult {
  const all = ctx.journal();
  const scored = all.map((entry) => ({ entry, differences: journalDifferences(entry, e.match, ctx) }));
  const hits = scored.filter((s) => s.differences.length === 0);
  const ok = countOk(e.count, hits.length);
  if (ok) return { ok, expected, actual: `${hits.length} matching entr${hits.length === 1 ? 'y' : 'ies'}`, entry: hits[hits.length - 1]?.entry };
  if (hits.length) {
    return { ok, expected, actual: `${hits.length} entr${hits.length === 1 ? 'y matches' : 'ies match'} (${e.count === 0 ? 'none' : explainCount(e.count)} expected)`, entry: hits[hits.length - 1].entry };
  }
  const closest = scored
    .filter((s) => !e.match.hop || s.entry.hop === e.match.hop || s.differences.length <= 2)
    .sort((a, b) => a.differences.length - b.differences.length || b.entry.seq - a.entry.seq)
    .slice(0, 3);
  return { ok, expected, actual: `no entry where ${explainJournalMatch(e.match)} (${all.length} entries in the journal)`, closest, entry: closest[0]?.entry };
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
  return { ok: misses.length === 0, expected, actual: misses.length ? misses.join('; ') : 'as expected', entry };
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
  const out = await ctx.control('GET', '/_sandbox/state');
  const all = ((out.json as { bridge?: { deliveries?: DeliveryView[] } })?.bridge?.deliveries ?? []).filter((d) => !orderId || d.orderId === orderId);
  const hits = all.filter((d) => !e.fields || Object.entries(e.fields).every(([p, m]) => matchesAt(d, p, m)));
  const ok = countOk(e.count, hits.length);
  const describe = (d: DeliveryView) => `${d.id}: ${d.state} after ${d.attempts.length} attempt(s) [${d.attempts.map((a) => a.status || a.error || 0).join(', ')}]${d.badSignature ? ' (bad signature)' : ''}`;
  const entry = orderId ? ctx.sb.journal.query({ orderId, hop: 'order-webhook', limit: 500 }).filter((h) => h.direction === 'out').pop() : undefined;
  return {
    ok,
    expected,
    actual: all.length ? `${hits.length} of ${all.length} deliveries match: ${all.map(describe).join('; ')}` : `no delivery${orderId ? ` of order ${orderId}` : ''} exists`,
    entry,
  };
}
