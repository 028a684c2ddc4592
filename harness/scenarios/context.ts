/**
 * RunContext: what one scenario run knows while it runs — the sandbox's URLs, each step's outcome,
 * the last order and candidate — and the few calls steps and expectations make. Everything goes
 * through the control plane and the bridge by URL.
 */
import { randomUUID } from 'node:crypto';
import { basic } from '../signing.ts';
import { TRACE_HEADER } from '../http/service-app.ts';
import type { Sandbox } from '../services.ts';
import { localFetch } from '../http/pools.ts';
import type { JournalEntry } from '../journal.ts';
import type { Scenario } from './definitions.ts';
import { valuesAt } from './fields.ts';
import { REFERENCE_WEBHOOK_URL } from '../config.ts';

export interface Answer {
  status: number;
  json: unknown;
}

export interface StepRecord {
  id: string;
  action: string;
  /** what the step produced (a send-test report, {status, body}, {links}, ...) */
  output: Record<string, unknown>;
  /** the hops this step caused, where known (its trace) */
  traceId?: string;
}

/** Sleeps; returns early when the signal is aborted. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((r) => {
    if (signal?.aborted) return r();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      r();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export class RunContext {
  readonly records = new Map<string, StepRecord>();
  lastOrderId: string | undefined;
  lastCandidateId: string | undefined;
  lastSendTest: string | undefined;
  /** the last step whose output says what the recruiter saw (send-test, activate) */
  lastRecruiterStep: string | undefined;

  /** on the sandbox's virtual clock (the reference partner): waits advance it instead of sleeping */
  virtual = false;

  /** aborted once the scenario has failed: waits stop early */
  readonly failed = new AbortController();

  constructor(
    readonly def: Scenario,
    readonly sb: Sandbox,
    readonly timeoutMs: number,
    /** the order webhook receiver ({webhookUrl}): yours, else the reference partner's */
    readonly webhookUrl?: string,
  ) {}

  get urls(): Sandbox['urls'] {
    return this.sb.urls;
  }

  get accountId(): string {
    return this.sb.accounts[this.def.ats].id;
  }

  /** An order reference: a send-test step id, a literal order id, or (none) the last order. */
  orderOf(ref: string | undefined): string | undefined {
    if (ref === undefined) return this.lastOrderId;
    const rec = this.records.get(ref);
    if (rec) return typeof rec.output.orderId === 'string' ? rec.output.orderId : undefined;
    return this.subst(ref) as string;
  }

  /**
   * Replaces {partner}, {bridge}, {orderId}, {ats}, {accountId}, {candidateId}, {webhookUrl} and
   * {<step id>.<path>} (what a step produced, e.g. {send.packages[0].id}) in every string of a value;
   * a name not known (yet) is left as it is.
   */
  subst<T>(value: T): T {
    const vars: Record<string, string | undefined> = {
      partner: this.urls.partner,
      bridge: this.urls.bridge,
      orderId: this.lastOrderId,
      ats: this.def.ats,
      accountId: this.accountId,
      candidateId: this.lastCandidateId,
      webhookUrl: this.webhookUrl ?? REFERENCE_WEBHOOK_URL.replace('{partner}', this.urls.partner),
    };
    const stepValue = (id: string, path: string): string | undefined => {
      const rec = this.records.get(id);
      if (!rec) return undefined;
      const v = valuesAt(rec.output, path)[0];
      return v === undefined || v === null || typeof v === 'object' ? undefined : String(v);
    };
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string')
        return v
          .replace(/\{(partner|bridge|orderId|ats|accountId|candidateId|webhookUrl)\}/g, (m, k: string) => vars[k] ?? m)
          .replace(/\{([a-z0-9][a-z0-9_-]*)\.([^{}\s"]+)\}/gi, (m, id: string, path: string) => stepValue(id, path) ?? m);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(value) as T;
  }

  /** A call to any URL of the run; never throws for an HTTP status. */
  call(url: string, method: string, body?: unknown): Promise<Answer> {
    return call(url, method, body);
  }

  /** A call to the control plane; never throws for an HTTP status. */
  async control(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return call(`${this.urls.controlPlane}${path}`, method, body, headers);
  }

  /** A call to the bridge's unified API as the partner makes it (API key, x-account-id), with its own trace id. */
  async asPartner(method: string, path: string, body?: unknown): Promise<Answer & { traceId: string }> {
    const traceId = `scenario-${randomUUID().slice(0, 8)}`;
    const out = await call(`${this.urls.bridge}${path}`, method, body, { authorization: basic(this.sb.apiKey, ''), 'x-account-id': this.accountId, [TRACE_HEADER]: traceId });
    return { ...out, traceId };
  }

  journal(): JournalEntry[] {
    return this.sb.journal.query({ limit: 5000 });
  }
}

async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await localFetch(url, {
    method,
    headers: { ...headers, 'x-ats-sandbox': '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  try {
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: res.status, json: text };
  }
}
