/**
 * createBridge(): the StackOne-style bridge. Unified API for partners (/unified/...), platform API
 * (/accounts, /connectors/meta), /openapi.json, and one /external-trigger/<ats> router per ATS adapter.
 */
import type { Express } from 'express';
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
import { unifiedRoutes } from './routes/unified.ts';
import { BridgeCore, type BridgeOptions } from './core.ts';
import { clockRoutes } from '../clock-routes.ts';
import type { BridgeApi, LinkedAccountRecord, ProviderAdapter, ProviderKey, StoredOrder } from './glossary.ts';
import type { LinkedAccount } from '../../schemas/generated/unified/linked-account.ts';

const renderBridgeError: ServiceAppOptions['renderError'] = (err) => ({ body: envelope(err) });

export async function createBridge(opts: BridgeOptions): Promise<{ app: Express; core: BridgeCore }> {
  const core = await BridgeCore.create(opts);
  const appOpts: ServiceAppOptions = { service: 'bridge', journal: opts.journal, renderError: renderBridgeError };
  const app = createServiceApp(appOpts);
  unifiedRoutes(core, directRoutes(app));

  // The ATSs' inbound calls carry their own auth (External Trigger Token), not the API key.
  for (const adapter of opts.adapters) app.use(`/external-trigger/${adapter.key}`, adapter.externalTrigger(core.api));

  app.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi(opts.url()));
  });
  app.use(clockRoutes());
  app.use((req, _res, next) => {
    requireApiKey(req, opts.config.apiKey);
    next();
  });
  app.get('/accounts', (_req, res) => {
    res.json(core.accounts.all().map((a) => core.publicAccount(a)));
  });
  app.get('/accounts/:id', (req, res) => {
    const a = core.accounts.get(req.params.id);
    if (!a) throw new ApiError(404, 'AccountNotFoundError', `Linked account ${JSON.stringify(req.params.id)} was not found`);
    res.json(core.publicAccount(a));
  });
  app.get('/connectors/meta', (_req, res) => {
    res.json(opts.adapters.map((a) => connectorMeta(a, opts.config.providers[a.key].active)));
  });
  app.get('/connectors/meta/:provider', (req, res) => {
    const adapter = core.adapters.get(req.params.provider as ProviderKey);
    if (!adapter) {
      throw new ApiError(404, 'NotFoundError', `No connector ${JSON.stringify(req.params.provider)}; known: ${opts.adapters.map((a) => a.key).join(', ')}`);
    }
    res.json(connectorMeta(adapter, opts.config.providers[adapter.key].active));
  });
  app.post('/_sandbox/reset', async (_req, res) => {
    await core.reset();
    res.json({ ok: true });
  });
  app.get('/_sandbox/state', (_req, res) => {
    res.json({
      accounts: core.accounts.all().map((a) => core.publicAccount(a)),
      orders: core.orders.all().sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      deliveries: core.dispatcher.list(),
      packages: core.packages.all(),
    });
  });
  // orders whose latest result update was read on a guess: the control plane puts these on the cards
  app.get('/_sandbox/result-warnings', (_req, res) => {
    res.json(core.orders.latestWarnings());
  });
  app.post('/_sandbox/deliveries/:id/redeliver', async (req, res) => {
    const d = await core.dispatcher.redeliver(req.params.id);
    if (!d) throw new ApiError(404, 'NotFoundError', `No delivery ${JSON.stringify(req.params.id)}`);
    res.json(d);
  });
  // troubleshooting: send an order's webhook again, optionally signed with a wrong secret (tests a partner's signature check)
  app.post('/_sandbox/orders/:id/dispatch', async (req, res) => {
    const order = core.orders.byId(req.params.id);
    if (!order) throw new ApiError(404, 'NotFoundError', `No order ${JSON.stringify(req.params.id)}`);
    const sent = await core.dispatcher.dispatch(order, { badSignature: req.body?.badSignature === true });
    res.json({ deliveries: sent, ...(sent.length ? {} : { explanation: core.dispatcher.explainNoTarget(order) }) });
  });
  finishServiceApp(app, appOpts);
  return { app, core };
}
