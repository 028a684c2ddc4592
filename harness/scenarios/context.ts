/**
 * RunContext: what one scenario run knows while it runs — the sandbox's URLs, each step's outcome,
 * the last order and candidate — and the few calls steps and expectations make. Everything goes
 * through the control plane and the bridge by URL.
 */
import { randomUUID } from 'node:crypto';
import { basic } from '../signing.ts';
import { TRACE_HEADER } from '../http/service-app.ts';
import type { Sandbox } from '../services.ts';
import type { JournalEntry } from '../journal.ts';
import type { Scenario } from './definitions.ts';

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

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class RunContext {
  readonly records = new Map<string, StepRecord>();
  lastOrderId: string | undefined;
  lastCandidateId: string | undefined;
  lastSendTest: string | undefined;
  /** the last step whose output says what the recruiter saw (send-test, activate) */
  lastRecruiterStep: string | undefined;

  constructor(
    readonly def: Scenario,
    readonly sb: Sandbox,
    readonly timeoutMs: number,
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

  /** Replaces {partner}, {bridge}, {orderId}, {ats}, {accountId}, {candidateId} in every string of a value. */
  subst<T>(value: T): T {
    const vars: Record<string, string | undefined> = {
      partner: this.urls.partner,
      bridge: this.urls.bridge,
      orderId: this.lastOrderId,
      ats: this.def.ats,
      accountId: this.accountId,
      candidateId: this.lastCandidateId,
    };
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return v.replace(/\{(partner|bridge|orderId|ats|accountId|candidateId)\}/g, (m, k: string) => vars[k] ?? m);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(value) as T;
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
  const res = await fetch(url, {
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
