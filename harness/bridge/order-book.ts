/**
 * OrderBook: orders and their results. Placing an order stores it and hands it to the webhook
 * dispatcher; a result update is checked against the ATS's rules, written to the ATS through its
 * adapter, and recorded whatever the ATS said.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../errors.ts';
import type { Collection } from '../store/store.ts';
import type { OrderWebhookDispatcher } from './webhook-dispatcher.ts';
import type { BridgeApi, Category, LinkedAccountRecord, PlaceOrderInput, ProviderAdapter, ResultUpdate, StoredOrder } from './glossary.ts';

export const ORIGIN_UNIFIED_API = 'unified-api';

const NATIVE_INDEX = 'native';
const nativeKey = (accountId: string, key: string, value: string | number): string => `${accountId}\u0000${key}\u0000${value}`;

const countOne = (c: StoredOrder['resultCounts'], k: 'delivered' | 'refused'): NonNullable<StoredOrder['resultCounts']> => {
  const next = { delivered: c?.delivered ?? 0, refused: c?.refused ?? 0 };
  next[k] += 1;
  return next;
};

/** How many result updates an order keeps (the latest); resultCounts counts them all. */
export const RESULT_HISTORY = 20;

export class OrderBook {
  constructor(
    readonly orders: Collection<StoredOrder>,
    private readonly dispatcher: OrderWebhookDispatcher,
    private readonly bridgeUrl: () => string,
    private readonly authTypeOf: (p: StoredOrder['provider']) => 'partner' | 'public+partner',
  ) {
    orders.index(NATIVE_INDEX, (o) => Object.entries(o.native).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => nativeKey(o.accountId, k, v as string | number)));
  }

  ordersByNative(accountId: string, key: string, value: string | number): StoredOrder[] {
    return this.orders.lookup(NATIVE_INDEX, nativeKey(accountId, key, value));
  }

  resultsUpdateUrl(category: Category, id: string): string {
    return `${this.bridgeUrl()}/unified/ats/${category === 'assessment' ? 'assessments' : 'background_checks'}/orders/${id}/result`;
  }

  async place(input: PlaceOrderInput, opts: { badSignature?: boolean } = {}): Promise<StoredOrder> {
    const id = `ord_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const now = new Date().toISOString();
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
    await this.orders.put(id, stored);
    await this.dispatcher.dispatch(stored, opts);
    return stored;
  }

  /** The order of this account and category; 404 otherwise (another account's order is not found). */
  get(account: LinkedAccountRecord, category: Category, id: string): StoredOrder {
    const o = this.orders.get(id);
    if (!o || o.accountId !== account.id || o.category !== category) {
      const what = category === 'assessment' ? 'assessment' : 'background check';
      throw new ApiError(404, 'NotFoundError', `No ${what} order ${JSON.stringify(id)} for account ${account.id}`, [
        { pointer: '/path/id', message: 'names no order of this account', expected: 'an order id from the order webhook (record_id)', actual: id },
      ]);
    }
    return o;
  }

  async recordResult(
    bridge: BridgeApi,
    adapter: ProviderAdapter | undefined,
    account: LinkedAccountRecord,
    order: StoredOrder,
    result: ResultUpdate,
    traceId: string,
  ): Promise<StoredOrder> {
    const issues = adapter?.checkResult?.(result, order) ?? [];
    if (issues.length) {
      throw new ApiError(400, 'ValidationError', `${adapter?.name} does not accept this result: ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}. GET /connectors/meta/${order.provider} lists the accepted fields`, issues);
    }
    const fromAts = order.native.origin !== ORIGIN_UNIFIED_API && adapter;
    const outcome = fromAts ? await adapter.deliverResult({ bridge, account, order, result, traceId }) : ({ ok: true } as const);
    const at = new Date().toISOString();
    const updated = await this.orders.mutate(order.id, (cur) => {
      if (!cur) return { result: undefined };
      const value: StoredOrder = {
        ...cur,
        updatedAt: at,
        status: outcome.ok ? 'result_delivered' : cur.status === 'result_delivered' ? cur.status : 'result_refused',
        results: [...cur.results, outcome.ok ? { at, body: result, outcome: 'delivered' as const } : { at, body: result, outcome: 'refused' as const, providerError: outcome.providerError }].slice(-RESULT_HISTORY),
        resultCounts: countOne(cur.resultCounts, outcome.ok ? 'delivered' : 'refused'),
      };
      return { value, result: value };
    });
    if (!outcome.ok) throw new ApiError(outcome.status, outcome.errorCode, outcome.message, outcome.issues, [outcome.providerError]);
    return updated ?? order;
  }
}

/** Partner API alone gives no access to the job's hiring team; Public + Partner API does (StackOne's rule). */
function withHiringTeamRule(order: StoredOrder['order'], authType: 'partner' | 'public+partner'): StoredOrder['order'] {
  if (authType === 'public+partner' || !order.job) return order;
  const { hiring_team: _dropped, ...job } = order.job;
  return { ...order, job };
}
