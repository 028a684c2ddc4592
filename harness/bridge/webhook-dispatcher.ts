/**
 * OrderWebhookDispatcher: delivers the order event to every enabled webhook subscribed to it,
 * signed with that webhook's secret. Failures are retried with exponential backoff and jitter up to
 * maxAttempts, then dead-lettered. Deliveries are stored, so pending ones survive a restart. A
 * delivery stores no body: each attempt rebuilds the event from the stored order. Only what StackOne
 * documents is sent by default: the order in `event_data`; the `data` copy and the delivery headers
 * (Idempotency-Key, x-stackone-delivery-attempt) are inferred and sent only when configured
 * (`orderWebhook`), so a partner can prove it copes with them but never comes to rely on them.
 */
import { randomUUID } from 'node:crypto';
import { sign, SIGNATURE_HEADER } from '../signing.ts';
import type { ResolvedConfig, ResolvedWebhook } from '../config.ts';
import type { HttpClient } from '../http/client.ts';
import type { Collection } from '../store/store.ts';
import type { OrderWebhook } from '../../schemas/generated/unified/order-webhook.ts';
import type { StoredOrder } from './glossary.ts';
import { clock, type ClockTimer } from '../clock.ts';

interface DeliveryAttempt {
  at: string;
  status: number;
  error?: string;
  durationMs: number;
}

export interface Delivery {
  id: string;
  orderId: string;
  webhookId: string;
  url: string;
  event: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: DeliveryAttempt[];
  nextAttemptAt?: string;
  traceId?: string;
  /** send a deliberately wrong signature (to test a partner's check) */
  badSignature?: boolean;
}

export class OrderWebhookDispatcher {
  private readonly timers = new Map<string, ClockTimer>();
  private readonly inFlight = new Set<string>();
  /** attempts under way per target URL, and the deliveries waiting for one of them to end (limits.deliveriesPerTarget) */
  private readonly perTarget = new Map<string, number>();
  private readonly waiting = new Map<string, string[]>();
  private closed = false;

  constructor(
    private readonly config: ResolvedConfig,
    private readonly http: HttpClient,
    private readonly deliveries: Collection<Delivery>,
    /** the stored order a delivery is about (the payload is not stored twice) */
    private readonly orderOf: (id: string) => StoredOrder | undefined,
  ) {}

  /** Schedules every delivery left pending by an earlier run. */
  resume(): void {
    for (const d of this.deliveries.all()) if (d.state === 'pending') this.schedule(d);
  }

  eventFor(order: StoredOrder): string {
    return this.config.events[order.category];
  }

  /** Creates one delivery per enabled webhook that has the order's event enabled. */
  async dispatch(order: StoredOrder, opts: { badSignature?: boolean } = {}): Promise<Delivery[]> {
    const out = await this.prepare(order, opts);
    this.release(out);
    return out;
  }

  /** Starts deliveries that prepare() saved. */
  release(deliveries: Delivery[]): void {
    for (const d of deliveries) this.schedule(d);
  }

  /** Forgets deliveries that prepare() saved for an order that was not saved after all (best effort). */
  async discard(deliveries: Delivery[]): Promise<void> {
    for (const d of deliveries) await this.deliveries.delete(d.id).catch(() => undefined);
  }

  /**
   * Saves the deliveries of an order without starting them. When one cannot be saved, those saved
   * before it are forgotten again and the storage error is thrown.
   */
  async prepare(order: StoredOrder, opts: { badSignature?: boolean } = {}): Promise<Delivery[]> {
    const event = this.eventFor(order);
    const targets = this.config.webhooks.filter((w) => w.enabled && w.events.includes(event));
    const out: Delivery[] = [];
    for (const w of targets) {
      const d: Delivery = {
        id: `dlv_${randomUUID()}`,
        orderId: order.id,
        webhookId: w.id,
        url: w.url,
        event,
        state: 'pending',
        attempts: [],
        nextAttemptAt: clock.iso(),
        traceId: order.traceId,
        badSignature: opts.badSignature,
      };
      try {
        await this.deliveries.put(d.id, d);
      } catch (e) {
        await this.discard(out);
        throw e;
      }
      out.push(d);
    }
    return out;
  }

  /** Why an order reached no webhook, in plain words; undefined when it reached one. */
  explainNoTarget(order: StoredOrder): string | undefined {
    const event = this.eventFor(order);
    if (this.config.webhooks.length === 0) return 'No webhook is configured, so no partner is told about orders';
    const enabled = this.config.webhooks.filter((w) => w.enabled);
    if (enabled.length === 0) return 'Every webhook is disabled';
    if (!enabled.some((w) => w.events.includes(event))) {
      return `No enabled webhook has the event ${event} enabled (enabled: ${enabled.map((w) => `${w.id}: ${w.events.join(', ') || 'none'}`).join('; ')})`;
    }
    return undefined;
  }

  /** The body of one attempt: the same order event each time, with its own sent_at. */
  payload(order: StoredOrder, event: string): OrderWebhook {
    const now = clock.iso();
    return {
      project_id: this.config.projectId,
      account_id: order.accountId,
      provider: order.provider,
      event,
      event_date: order.createdAt,
      record_type: order.category === 'assessment' ? 'ats_assessments' : 'background_check_order',
      record_id: order.id,
      record_remote_id: order.order.remote_id ?? null,
      sent_at: now,
      event_data: order.order,
      ...(this.config.orderWebhook.dataCopy ? { data: order.order } : {}),
    };
  }

  private schedule(d: Delivery): void {
    if (this.closed || this.timers.has(d.id)) return;
    const wait = Math.max(0, Date.parse(d.nextAttemptAt ?? '') - clock.now() || 0);
    const t = clock.setTimeout(() => {
      this.timers.delete(d.id);
      return this.start(d.id);
    }, wait, `order-webhook delivery ${d.id} (attempt ${d.attempts.length + 1})`);
    this.timers.set(d.id, t);
  }

  backoff(attempt: number): number {
    const { baseDelayMs, maxDelayMs, schedule } = this.config.delivery;
    // a configured schedule over hours and days: the wait before retry n, the last one repeating
    if (schedule?.length) return schedule[Math.min(attempt, schedule.length) - 1]!;
    const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exp / 2 + Math.random() * (exp / 2));
  }

  private webhook(id: string): ResolvedWebhook | undefined {
    return this.config.webhooks.find((w) => w.id === id);
  }

  /**
   * Runs an attempt in the background. A failure to save its outcome (a full disk) is logged and the
   * attempt tried again later: it never becomes an unhandled rejection that stops the sandbox.
   */
  private start(id: string): Promise<void> {
    return this.attempt(id).catch((e: unknown) => {
      console.error(`[bridge] delivery ${id}: ${(e as Error).message}`);
      const d = this.deliveries.get(id);
      if (d && !this.closed) this.schedule({ ...d, nextAttemptAt: new Date(clock.now() + this.config.delivery.baseDelayMs).toISOString() });
    });
  }

  private async attempt(id: string): Promise<void> {
    const d = this.deliveries.get(id);
    if (!d || d.state !== 'pending' || this.inFlight.has(id) || this.closed) return;
    // a partner that never answers holds at most deliveriesPerTarget sockets; the rest wait their turn
    const target = this.webhook(d.webhookId)?.url ?? d.url;
    const busy = this.perTarget.get(target) ?? 0;
    if (busy >= this.config.limits.deliveriesPerTarget) {
      const queue = this.waiting.get(target) ?? [];
      if (!queue.includes(id)) queue.push(id);
      this.waiting.set(target, queue);
      return;
    }
    this.perTarget.set(target, busy + 1);
    this.inFlight.add(id);
    try {
      const w = this.webhook(d.webhookId);
      const order = this.orderOf(d.orderId);
      if (!order) {
        await this.deliveries.mutate(id, (cur) => (cur ? { value: { ...cur, state: 'dead' as const, nextAttemptAt: undefined }, result: undefined } : { result: undefined }));
        return;
      }
      const payload = this.payload(order, d.event);
      const raw = JSON.stringify(payload);
      const secret = w?.secret ?? '';
      const signature = d.badSignature ? sign(raw, `${secret}-wrong`) : sign(raw, secret);
      const res = await this.http({
        method: 'POST',
        url: w?.url ?? d.url,
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signature,
          ...(this.config.orderWebhook.deliveryHeaders ? { 'idempotency-key': d.id, 'x-stackone-delivery-attempt': String(d.attempts.length + 1) } : {}),
        },
        body: raw,
        timeoutMs: this.config.delivery.timeoutMs,
        traceId: d.traceId,
        hop: 'order-webhook',
        peer: 'partner',
        orderId: d.orderId,
        provider: payload.provider,
        accountId: payload.account_id,
        requestSchema: 'unified/order-webhook',
      });
      if (this.closed) return;
      const attempt: DeliveryAttempt = { at: clock.iso(), status: res.status, durationMs: res.durationMs, ...(res.error ? { error: res.error } : {}) };
      const updated = await this.deliveries.mutate(id, (cur) => {
        if (!cur) return { result: undefined };
        const attempts = [...cur.attempts, attempt];
        const state: Delivery['state'] = res.ok ? 'delivered' : attempts.length >= this.config.delivery.maxAttempts ? 'dead' : 'pending';
        const next = state === 'pending' ? new Date(clock.now() + this.backoff(attempts.length)).toISOString() : undefined;
        const value: Delivery = { ...cur, attempts, state, nextAttemptAt: next };
        return { value, result: value };
      });
      if (updated?.state === 'pending') this.schedule(updated);
    } finally {
      this.inFlight.delete(id);
      const left = (this.perTarget.get(target) ?? 1) - 1;
      if (left > 0) this.perTarget.set(target, left);
      else this.perTarget.delete(target);
      const next = this.waiting.get(target)?.shift();
      if (this.waiting.get(target)?.length === 0) this.waiting.delete(target);
      if (next !== undefined && !this.closed) void this.start(next);
    }
  }

  /** Attempts under way and waiting per target URL (bounded by limits.deliveriesPerTarget). */
  inFlightPerTarget(): Record<string, { inFlight: number; waiting: number }> {
    const out: Record<string, { inFlight: number; waiting: number }> = {};
    for (const url of new Set([...this.perTarget.keys(), ...this.waiting.keys()])) out[url] = { inFlight: this.perTarget.get(url) ?? 0, waiting: this.waiting.get(url)?.length ?? 0 };
    return out;
  }

  /** Sends a pending or dead delivery again now. */
  async redeliver(id: string): Promise<Delivery | undefined> {
    const d = await this.deliveries.mutate(id, (cur) => (cur ? { value: { ...cur, state: 'pending' as const, nextAttemptAt: clock.iso() }, result: cur } : { result: undefined }));
    if (d) this.schedule({ ...d, nextAttemptAt: clock.iso() });
    return this.deliveries.get(id);
  }

  list(): Delivery[] {
    return this.deliveries.all();
  }

  /** Accepts deliveries again after close() (used by reset). */
  reopen(): void {
    this.closed = false;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clock.clearTimeout(t);
    this.timers.clear();
    this.waiting.clear();
  }
}
