/**
 * The loops being measured, driven the way users drive them:
 * - unified: a partner POSTs an order, gets the order webhook, PATCHes the result; done when stored.
 * - per ATS: a recruiter sends a test (control plane → emulator → bridge → partner and back), the
 *   partner completes it, and the recruiter sees the result on the candidate card.
 * Completion is observed on the journal (no polling), so the figure is the loop, not a poll interval.
 */
import type { Sandbox } from '../harness/sandbox.ts';
import type { ProviderKey } from '../harness/config.ts';
import type { JournalEntry } from '../harness/journal.ts';
import { basic } from '../harness/signing.ts';
import type { Hop } from './bare.ts';

export type LoopKind = 'unified' | ProviderKey;

/** Resolves when the partner's result update for an order has been answered 2xx. */
export class Completions {
  private readonly done = new Map<string, number>();
  private readonly waiting = new Map<string, (status: number) => void>();
  private readonly stop: () => void;
  constructor(sb: Sandbox) {
    this.stop = sb.journal.subscribe((e) => {
      if (e.service !== 'partner' || e.direction !== 'out' || e.hop !== 'result-update' || !e.orderId) return;
      const w = this.waiting.get(e.orderId);
      if (w) {
        this.waiting.delete(e.orderId);
        w(e.status);
      } else this.done.set(e.orderId, e.status);
    });
  }
  wait(orderId: string, timeoutMs = 15_000): Promise<number> {
    const s = this.done.get(orderId);
    if (s !== undefined) {
      this.done.delete(orderId);
      return Promise.resolve(s);
    }
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiting.delete(orderId);
        reject(new Error(`no result update for ${orderId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(orderId, (st) => {
        clearTimeout(t);
        resolve(st);
      });
    });
  }
  close(): void {
    this.stop();
  }
}

export const ORDER_BODY = { package: { id: 'pkg_logic' }, candidate: { id: 'cand_bench', first_name: 'Ada', last_name: 'Lovelace', emails: [{ type: 'personal', value: 'ada@example.com' }] } };

export interface LoopRun {
  ms: number;
  orderId: string;
  nativeId?: string;
  /** the recruiter's own calls (control plane → emulator), which the journal does not record */
  recruiterHops: Hop[];
}

/** One loop; resolves with its duration in ms. Throws when any step did not work. */
export async function runLoop(sb: Sandbox, kind: LoopKind, done: Completions, candidateId = 'cand_grace'): Promise<number> {
  return (await runLoopDetailed(sb, kind, done, candidateId)).ms;
}

export async function runLoopDetailed(sb: Sandbox, kind: LoopKind, done: Completions, candidateId = 'cand_grace'): Promise<LoopRun> {
  const t0 = performance.now();
  if (kind === 'unified') {
    const res = await fetch(`${sb.urls.bridge}/unified/ats/assessments/orders`, {
      method: 'POST',
      headers: { authorization: basic(sb.apiKey, ''), 'x-account-id': sb.accounts.greenhouse.id, 'content-type': 'application/json' },
      body: JSON.stringify(ORDER_BODY),
    });
    const { id } = (await res.json()) as { id: string };
    if (!res.ok || !id) throw new Error(`order create answered ${res.status}`);
    const status = await done.wait(id);
    if (status !== 200) throw new Error(`result update answered ${status}`);
    return { ms: performance.now() - t0, orderId: id, recruiterHops: [] };
  }
  const report = await sb.admin.sendTest(kind, { candidateId });
  if (!report.ok || !report.orderId) throw new Error(`${kind} send-test failed: ${report.recruiterSees}`);
  const status = await done.wait(report.orderId);
  if (status !== 200) throw new Error(`${kind} result update answered ${status}`);
  const card = await sb.admin.candidate(kind, candidateId);
  const r = card.results.find((x) => x.orderId === report.orderId);
  if (!r || r.status.tone !== 'success') throw new Error(`${kind} card of ${candidateId} does not show the result of ${report.orderId}: ${JSON.stringify(r?.status)}`);
  const ms = performance.now() - t0;
  const send: Hop = { method: 'POST', request: JSON.stringify({ candidateId }), response: JSON.stringify(report), status: 200 };
  const look: Hop = { method: 'GET', request: '', response: JSON.stringify(card), status: 200 };
  // control plane → emulator, twice each: the control plane's hop and the emulator's
  return { ms, orderId: report.orderId, nativeId: report.nativeId, recruiterHops: [send, send, look, look] };
}

/** Runs `total` loops with `concurrency` in flight; resolves with loops per second. */
export async function loopThroughput(total: number, concurrency: number, one: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await one();
      }
    }),
  );
  return (total / (performance.now() - t0)) * 1000;
}

/** Every HTTP request any service received during one loop, in order: the hops the baseline replays. */
export async function captureHops(sb: Sandbox, kind: LoopKind, done: Completions): Promise<Hop[]> {
  const seen: JournalEntry[] = [];
  const stop = sb.journal.subscribe((e) => {
    if (e.direction === 'in') seen.push(e);
  });
  let recruiter: Hop[] = [];
  try {
    recruiter = (await runLoopDetailed(sb, kind, done)).recruiterHops;
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    stop();
  }
  return [...recruiter.slice(0, 2), ...seen.map((e) => ({ method: e.method, request: uncut(e.requestBody ?? ''), response: uncut(e.responseBody ?? '{}'), status: e.status })), ...recruiter.slice(2)];
}

/** The journal cuts bodies at 16 KB; the baseline sends a JSON body of the original length instead. */
function uncut(body: string): string {
  const m = /… \((\d+) characters, cut\)$/.exec(body);
  if (!m) return body;
  const n = Number(m[1]);
  return JSON.stringify({ pad: 'x'.repeat(Math.max(0, n - 10)) });
}
