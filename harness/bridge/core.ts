/**
 * BridgeCore: the bridge's state and services (accounts, packages, orders, deliveries), shared by
 * its routes (app.ts, routes/unified.ts).
 */
import { externalTriggerTokenField, hubForm } from './auth-types.ts';
import type { HopRequest } from '../http/direct-routes.ts';
import { ApiError, envelope } from '../errors.ts';
import { createServiceApp, directRoutes, finishServiceApp, type ServiceAppOptions } from '../http/service-app.ts';
import { createHttpClient, type HttpClient } from '../http/client.ts';
import type { Journal } from '../journal.ts';
import type { ResolvedConfig } from '../config.ts';
import { registerSecret } from '../secrets.ts';
import { SECRET_NATIVE_KEYS, DEMO_ACCOUNTS, DEMO_OWNER } from '../demo.ts';
import type { Collection, Store } from '../store/store.ts';
import { requireAccount, requireApiKey } from './auth.ts';
import { connectorMeta } from './connector-meta.ts';
import { buildOpenApi } from './openapi.ts';
import { OrderBook } from './order-book.ts';
import { PackageListResolver } from './package-list-resolver.ts';
import { OrderWebhookDispatcher, type Delivery } from './webhook-dispatcher.ts';
import type { BridgeApi, LinkedAccountRecord, ProviderAdapter, ProviderKey, StoredOrder, StoredPackage } from './glossary.ts';
import type { LinkedAccount } from '../../schemas/generated/unified/linked-account.ts';
import { clock } from '../clock.ts';

export interface BridgeOptions {
  config: ResolvedConfig;
  journal: Journal;
  store: Store;
  adapters: ProviderAdapter[];
  /** the bridge's own base URL, known once it listens */
  url: () => string;
  /** base URL of each ATS's API (its emulator) */
  providerUrl: (p: ProviderKey) => string;
}

export class BridgeCore {
  readonly resolver: PackageListResolver;
  readonly adapters: Map<ProviderKey, ProviderAdapter>;
  readonly api: BridgeApi;
  private constructor(
    readonly opts: BridgeOptions,
    readonly http: HttpClient,
    readonly accounts: Collection<LinkedAccountRecord>,
    readonly packages: Collection<StoredPackage>,
    readonly deliveries: Collection<Delivery>,
    readonly dispatcher: OrderWebhookDispatcher,
    readonly orders: OrderBook,
  ) {
    this.resolver = new PackageListResolver(opts.config, this.http);
    this.adapters = new Map(opts.adapters.map((a) => [a.key, a]));
    const core = this;
    this.api = {
      config: opts.config,
      http: this.http,
      journal: opts.journal,
      url: opts.url,
      providerUrl: (p) => opts.config.providers[p].baseUrl ?? opts.providerUrl(p),
      // an account made with an authentication type without the token answers no external trigger (auth-types.ts)
      accountByToken: (provider, token) => (token && externalTriggerTokenField(provider, opts.config.providers[provider].authType).shown ? core.accounts.find((a) => a.provider === provider && a.externalTriggerToken === token) : undefined),
      accountById: (id) => core.accounts.get(id),
      listPackages: (account, category, o = {}) => core.resolver.resolve(account, category, { ...o, sendsJobId: core.adapters.get(account.provider)?.sendsJobId }),
      placeOrder: (input) => core.orders.place(input),
      orderById: (id) => core.orders.byId(id),
      ordersByNative: (accountId, key, value) => core.orders.ordersByNative(accountId, key, value),
      findOrder: (predicate) => core.orders.find(predicate),
      updateOrderNative: (id, native) => core.orders.updateNative(id, native),
    };
  }

  get config(): ResolvedConfig {
    return this.opts.config;
  }

  static async create(opts: BridgeOptions): Promise<BridgeCore> {
    const accounts = await opts.store.collection<LinkedAccountRecord>('accounts');
    const packages = await opts.store.collection<StoredPackage>('packages');
    const deliveries = await opts.store.collection<Delivery>('deliveries', 8);
    const http = createHttpClient('bridge', opts.journal);
    let book: OrderBook | undefined;
    const dispatcher = new OrderWebhookDispatcher(opts.config, http, deliveries, (id) => book?.byId(id));
    book = await OrderBook.open(opts.store, dispatcher, opts.url, (p) => opts.config.providers[p].authType);
    const core = new BridgeCore(opts, http, accounts, packages, deliveries, dispatcher, book);
    registerSecret(opts.config.apiKey);
    for (const w of opts.config.webhooks) registerSecret(w.secret);
    registerSecret(opts.config.packageList.signingSecret);
    await core.seedAccounts();
    dispatcher.resume();
    return core;
  }

  /** One linked account per ATS, as the demo world has them (kept across restarts and resets). */
  async seedAccounts(): Promise<void> {
    for (const d of Object.values(DEMO_ACCOUNTS)) {
      registerSecret(d.externalTriggerToken);
      for (const k of SECRET_NATIVE_KEYS) registerSecret(d.native[k]);
      if (this.accounts.has(d.id)) continue;
      await this.accounts.put(d.id, {
        id: d.id,
        provider: d.provider,
        label: d.label,
        status: 'active',
        externalTriggerToken: d.externalTriggerToken,
        originOwnerId: DEMO_OWNER.id,
        originOwnerName: DEMO_OWNER.name,
        createdAt: clock.iso(),
        native: d.native,
      });
    }
  }

  requireAccount(req: Pick<HopRequest, 'header'>): LinkedAccountRecord {
    return requireAccount(req, (id) => this.accounts.get(id), (p) => this.config.providers[p].active);
  }

  publicAccount(a: LinkedAccountRecord): LinkedAccount {
    return {
      id: a.id,
      provider: a.provider,
      provider_name: this.adapters.get(a.provider)?.name ?? a.provider,
      status: a.status,
      origin_owner_id: a.originOwnerId,
      origin_owner_name: a.originOwnerName,
      label: a.label,
      type: 'test',
      shared: false,
      setup_information: hubForm(a.provider, this.opts.config.providers[a.provider].authType),
      created_at: a.createdAt,
      updated_at: a.createdAt,
    };
  }

  /** Clears orders, deliveries and created packages; accounts stay. */
  async reset(): Promise<void> {
    this.dispatcher.close();
    await Promise.all([this.orders.clear(), this.deliveries.clear(), this.packages.clear()]);
    this.dispatcher.reopen();
  }

  close(): void {
    this.dispatcher.close();
  }
}
