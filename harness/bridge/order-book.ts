/**
 * OrderBook: orders and their results. Placing an order stores it and hands it to the webhook
 * dispatcher; a result update is checked against the ATS's rules, written to the ATS through its
 * adapter, and recorded whatever the ATS said.
 *
 * An order's result updates live in a collection of their own (one record per update, in
 * RESULT_HISTORY slots per order), each carrying the order's counts by outcome so far. The order
 * record is written when the order is placed (and when an adapter notes a native reference); a result
 * update writes one result record and nothing else (docs/decisions/006). Readers get the assembled
 * StoredOrder, whose status, counts and time of change come from its latest result.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../errors.ts';
import { SHARDS, type Collection, type Store } from '../store/store.ts';
import type { OrderWebhookDispatcher } from './webhook-dispatcher.ts';
import type { BridgeApi, Category, FieldIssue, LinkedAccountRecord, PlaceOrderInput, ProviderAdapter, ResultRecord, ResultUpdate, StoredOrder } from './glossary.ts';
import type { JudgedResult } from './result-rules.ts';
import { clock } from '../clock.ts';

export const ORIGIN_UNIFIED_API = 'unified-api';

const NATIVE_INDEX = 'native';
const nativeKey = (accountId: string, key: string, value: string | number): string => `${accountId}\u0000${key}\u0000${value}`;

const countOne = (c: StoredOrder['resultCounts'], k: 'delivered' | 'refused'): NonNullable<StoredOrder['resultCounts']> => {
  const next = { delivered: c?.delivered ?? 0, refused: c?.refused ?? 0 };
  next[k] += 1;
  return next;
};

/** How many result updates an order keeps (the latest); resultCounts counts them all. */
const RESULT_HISTORY = 20;

/**
 * An order as stored: everything but its results. Its status, resultCounts and updatedAt are those
 * of when it was placed (older versions of the sandbox kept results inline and updated these).
 */
export type OrderRecord = Omit<StoredOrder, 'results'> & { results?: ResultRecord[] };

/** One result update of an order, in slot `n % RESULT_HISTORY` of that order. */
export interface StoredResult {
  id: string;
  orderId: string;
  /** 1 for the order's first update, counting refused ones */
  n: number;
  /** the order's result updates by outcome, this one included (absent where the order record kept them) */
  counts?: { delivered: number; refused: number };
  record: ResultRecord;
}

const ORDER_INDEX = 'order';
/** results read on a guess (their warnings are shown on the recruiter's card) */
const WARNED_INDEX = 'warned';

export class OrderBook {
  private constructor(
    private readonly records: Collection<OrderRecord>,
    private readonly results: Collection<StoredResult>,
    private readonly dispatcher: OrderWebhookDispatcher,
    private readonly bridgeUrl: () => string,
    private readonly authTypeOf: (p: StoredOrder['provider']) => 'partner' | 'public+partner' | 'public',
    /** each order's latest result, once looked up: numbers the next one (kept up to date by recordResult) */
    private readonly latest = new Map<string, StoredResult>(),
  ) {
    records.index(NATIVE_INDEX, (o) => Object.entries(o.native).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => nativeKey(o.accountId, k, v as string | number)));
    results.index(ORDER_INDEX, (r) => r.orderId);
    results.index(WARNED_INDEX, (r) => (r.record.warnings?.length ? 'w' : undefined));
  }

  static async open(store: Store, dispatcher: OrderWebhookDispatcher, bridgeUrl: () => string, authTypeOf: (p: StoredOrder['provider']) => 'partner' | 'public+partner' | 'public'): Promise<OrderBook> {
    const records = await store.collection<OrderRecord>('orders', SHARDS);
    const results = await store.collection<StoredResult>('order-results', SHARDS);
    return new OrderBook(records, results, dispatcher, bridgeUrl, authTypeOf);
  }

  /** The order with its latest results. */
  byId(id: string): StoredOrder | undefined {
    const r = this.records.get(id);
    return r && this.view(r);
  }

  all(): StoredOrder[] {
    return this.records.all().map((r) => this.view(r));
  }

  /** Scans every order: prefer byId or ordersByNative. */
  find(predicate: (o: StoredOrder) => boolean): StoredOrder | undefined {
    let found: StoredOrder | undefined;
    this.records.find((r) => {
      const v = this.view(r);
      return predicate(v) && Boolean((found = v));
    });
    return found;
  }

  get size(): number {
    return this.records.size;
  }

  ordersByNative(accountId: string, key: string, value: string | number): StoredOrder[] {
    return this.records.lookup(NATIVE_INDEX, nativeKey(accountId, key, value)).map((r) => this.view(r));
  }

  async updateNative(id: string, native: Record<string, unknown>): Promise<void> {
    await this.records.mutate(id, (cur) => (cur ? { value: { ...cur, native: { ...cur.native, ...native } }, result: undefined } : { result: undefined }));
  }

  async clear(): Promise<void> {
    this.latest.clear();
    await Promise.all([this.records.clear(), this.results.clear()]);
  }

  private latestOf(orderId: string): StoredResult | undefined {
    let last = this.latest.get(orderId);
    if (!last) {
      for (const r of this.results.lookup(ORDER_INDEX, orderId)) if (!last || r.n > last.n) last = r;
      if (last) this.latest.set(orderId, last);
    }
    return last;
  }

  private view(stored: OrderRecord): StoredOrder {
    // the bridge's own URL is resolved now, not when the order was stored: a restart on another port
    // gives partners a results_update_url that answers
    const current = this.resultsUpdateUrl(stored.category, stored.id);
    const r = stored.order.results_update_url === current ? stored : { ...stored, order: { ...stored.order, results_update_url: current } };
    const logged = this.results.lookup(ORDER_INDEX, r.id);
    if (!logged.length) return { ...r, results: r.results ?? [] };
    // slots are written in order, so the index holds them oldest first but for a slot written again
    if (logged.some((x, i) => i > 0 && x.n < logged[i - 1].n)) logged.sort((a, b) => a.n - b.n);
    const last = logged[logged.length - 1];
    // counts come with the latest result; the first layout of this collection kept them on the order
    const counts = last.counts ?? r.resultCounts;
    const results = logged.map((x) => x.record);
    return {
      ...r,
      status: counts ? (counts.delivered > 0 ? 'result_delivered' : 'result_refused') : r.status,
      updatedAt: last.record.at,
      resultCounts: counts,
      results: r.results ? [...r.results, ...results].slice(-RESULT_HISTORY) : results,
    };
  }

  /** The warnings of each order whose latest result update was read on a guess (indexed: no scan of every order). */
  latestWarnings(): Record<string, FieldIssue[]> {
    const out: Record<string, FieldIssue[]> = {};
    for (const r of this.results.lookup(WARNED_INDEX, 'w')) {
      if (Object.hasOwn(out, r.orderId)) continue;
      const last = this.latestOf(r.orderId)?.record.warnings;
      if (last?.length) out[r.orderId] = last;
    }
    return out;
  }

  resultsUpdateUrl(category: Category, id: string): string {
    return `${this.bridgeUrl()}/unified/ats/${category === 'assessment' ? 'assessments' : 'background_checks'}/orders/${id}/result`;
  }

  async place(input: PlaceOrderInput, opts: { badSignature?: boolean } = {}): Promise<StoredOrder> {
    const id = `ord_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const now = clock.iso();
    const stored: StoredOrder = {
      id,
      accountId: input.account.id,
      provider: input.account.provider,
      category: input.category,
      status: 'ordered',
      createdAt: now,
      updatedAt: now,
      order: withHiringTeamRule({ ...input.order, id, results_update_url: this.resultsUpdateUrl(input.category, id) }, this.authTypeOf(input.account.provider)),
      native: input.native ?? {},
      results: [],
      traceId: input.traceId,
    };
    const { results: _none, ...record } = stored;
    // the deliveries are saved first and started only once the order is saved too: a refused order
    // (a full disk) leaves no order behind, at most a delivery of no order, which is never sent
    const deliveries = await this.dispatcher.prepare(stored, opts);
    try {
      await this.records.put(id, record);
    } catch (e) {
      await this.dispatcher.discard(deliveries);
      throw e;
    }
    this.dispatcher.release(deliveries);
    return stored;
  }

  /**
   * The order of this account and category, without its results (recordResult adds them where an
   * ATS adapter needs them); 404 otherwise (another account's order is not found).
   */
  get(account: LinkedAccountRecord, category: Category, id: string): OrderRecord {
    const o = this.records.get(id);
    if (!o || o.accountId !== account.id || o.category !== category) {
      const what = category === 'assessment' ? 'assessment' : 'background check';
      throw new ApiError(404, 'NotFoundError', `No ${what} order ${JSON.stringify(id)} for account ${account.id}`, [
        { pointer: '/path/id', message: 'names no order of this account', expected: 'an order id from the order webhook (record_id)', actual: id },
      ]);
    }
    return o;
  }

  /**
   * Writes a judged result update (harness/bridge/result-rules.ts) to the ATS and records it, with
   * what the partner sent and the warnings, whatever the ATS said.
   */
  async recordResult(
    bridge: BridgeApi,
    adapter: ProviderAdapter | undefined,
    account: LinkedAccountRecord,
    order: OrderRecord,
    sent: ResultUpdate,
    judged: JudgedResult,
    traceId: string,
  ): Promise<void> {
    const fromAts = order.native.origin !== ORIGIN_UNIFIED_API && adapter;
    // the ATS adapter sees the order with its results (SmartRecruiters merges them); the rest needs none
    const outcome = fromAts ? await adapter.deliverResult({ bridge, account, order: this.view(order), result: judged.result, traceId }) : ({ ok: true } as const);
    const at = clock.iso();
    const warnings = judged.warnings.length ? { warnings: judged.warnings } : {};
    const record: ResultRecord = outcome.ok ? { at, body: sent, outcome: 'delivered', ...warnings } : { at, body: sent, outcome: 'refused', providerError: outcome.providerError, ...warnings };
    // numbered from the order's latest result in one synchronous step (no await between), so that
    // concurrent updates of one order get distinct numbers; an order gone meanwhile (reset) keeps none
    if (this.records.has(order.id)) {
      const counts = countOne(this.latestOf(order.id)?.counts ?? order.resultCounts, outcome.ok ? 'delivered' : 'refused');
      const n = counts.delivered + counts.refused;
      const slot = `${order.id}#${n % RESULT_HISTORY}`;
      const stored: StoredResult = { id: slot, orderId: order.id, n, counts, record };
      this.latest.set(order.id, stored);
      await this.results.put(slot, stored);
    }
    if (!outcome.ok) {
      const err = new ApiError(outcome.status, outcome.errorCode, outcome.message, outcome.issues, [outcome.providerError]);
      // the ATS's Retry-After reaches the partner with its 429/408, so the partner knows when to retry
      const retryAfter = (outcome.providerError.headers as Record<string, unknown> | null | undefined)?.['retry-after'];
      if ((outcome.status === 429 || outcome.status === 408) && typeof retryAfter === 'string') err.headers = { 'Retry-After': retryAfter };
      throw err;
    }
  }
}

/** Partner API alone gives no access to the job's hiring team; Public + Partner API does (StackOne's rule). */
function withHiringTeamRule(order: StoredOrder['order'], authType: 'partner' | 'public+partner' | 'public'): StoredOrder['order'] {
  if (authType === 'public+partner' || !order.job) return order;
  const { hiring_team: _dropped, ...job } = order.job;
  return { ...order, job };
}
