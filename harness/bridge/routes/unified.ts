/**
 * /unified/ats/...: packages, background-check package CRUD, orders, result updates. These are the
 * routes partners call and load-test, so they are direct routes (harness/http/direct-routes.ts):
 * served on node:http ahead of express, each checking the API key itself.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../errors.ts';
import type { DirectHandler, DirectRoutes, HopLocals, HopRequest, Reply } from '../../http/direct-routes.ts';
import { pick, preferenceApplied, rawCalls, readQueryOptions, timedOut, UnifiedRateLimiter, updatedAfter } from './query-options.ts';
import { requireApiKey } from '../auth.ts';
import { requireBody, validBody } from '../validate-body.ts';
import { recordVerdict } from '../../http/service-app.ts';
import { checkResultSchema, judgeResult, WARNING_HEADER, warningHeaderValue } from '../result-rules.ts';
import { ORIGIN_UNIFIED_API } from '../order-book.ts';
import type { BridgeCore } from '../core.ts';
import type { Category, LinkedAccountRecord, Order, ResultUpdate, StoredPackage } from '../glossary.ts';
import type { BackgroundCheckPackage } from '../../../schemas/generated/unified/common.ts';
import type { BackgroundCheckPackageWrite } from '../../../schemas/generated/unified/background-check-package-write.ts';
import { clock } from '../../clock.ts';

const CATEGORY_PATH: Record<string, Category> = { assessments: 'assessment', background_checks: 'background_check' };

// own keys only: `constructor` or `__proto__` in the path must not find Object.prototype's members
const category = (req: HopRequest): Category => (Object.hasOwn(CATEGORY_PATH, req.params.category as string) ? CATEGORY_PATH[req.params.category as string] : (undefined as unknown as Category));

function page<T>(items: T[], req: HopRequest): { data: T[]; next: string | null } {
  const size = req.query.page_size === undefined ? 25 : Number(req.query.page_size);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw ApiError.validation('Validation failed: page_size must be a whole number from 1 to 1000', [
      { pointer: '/query/page_size', message: 'must be a whole number from 1 to 1000', expected: '1..1000', actual: String(req.query.page_size) },
    ]);
  }
  let start = 0;
  if (req.query.next !== undefined) {
    const cursor = /^o:(\d{1,9})$/.exec(Buffer.from(String(req.query.next), 'base64url').toString('utf8'));
    if (!cursor) {
      throw ApiError.validation('Validation failed: next is not a cursor this API gave out', [
        { pointer: '/query/next', message: 'is not a valid cursor', expected: 'the next value of the previous page', actual: String(req.query.next) },
      ]);
    }
    start = Number(cursor[1]);
  }
  const data = items.slice(start, start + size);
  const next = start + size < items.length ? Buffer.from(`o:${start + size}`).toString('base64url') : null;
  return { data, next };
}

/** Adds the unified API to the bridge's direct routes. */
export function unifiedRoutes(core: BridgeCore, routes: DirectRoutes): void {
  // every /unified route needs the project's API key (the express routes get it from a middleware)
  const r = {
    get: (p: string, h: DirectHandler) => routes.get(p, authed(h)),
    post: (p: string, h: DirectHandler) => routes.post(p, authed(h)),
    patch: (p: string, h: DirectHandler) => routes.patch(p, authed(h)),
    delete: (p: string, h: DirectHandler) => routes.delete(p, authed(h)),
  };
  const limiter = new UnifiedRateLimiter(() => core.config.unifiedApi.rateLimit);
  function authed(h: DirectHandler): DirectHandler {
    return async (req, locals) => {
      requireApiKey(req, core.config.apiKey);
      const applied = preferenceApplied(req);
      const reply = limiter.check(req) ?? (await h(req, locals));
      return Object.keys(applied).length ? { ...reply, headers: { ...reply.headers, ...applied } } : reply;
    };
  }
  const account = (req: HopRequest, locals: HopLocals): LinkedAccountRecord => {
    const a = core.requireAccount(req);
    locals.accountId = a.id;
    locals.provider = a.provider;
    return a;
  };
  const ok = (message: string, statusCode = 200) => ({ statusCode, message, timestamp: clock.iso() });

  async function packagesOf(acc: LinkedAccountRecord, cat: Category, req: HopRequest): Promise<BackgroundCheckPackage[]> {
    const stored = cat === 'background_check' ? core.packages.all().filter((p) => p.accountId === acc.id).map(({ accountId: _a, ...p }) => p) : [];
    const outcome = await core.api.listPackages(acc, cat, { traceId: req.traceId });
    if (outcome.ok) return [...stored, ...outcome.packages.map((p) => ({ id: p.id, remote_id: p.remote_id ?? p.id, name: p.name, description: p.description ?? null, ...(p.tests ? { tests: p.tests } : {}) }))];
    if (stored.length) return stored;
    if (outcome.reason === 'timeout' && core.config.unifiedApi.packageListTimeoutStatus === 408) throw new TimedOut(`Request timed out: ${outcome.explanation}`);
    throw new ApiError(502, 'PackageListError', `Bad Gateway: could not list packages. ${outcome.explanation}`, outcome.issues, [
      { status: outcome.status ?? null, url: core.config.providers[acc.provider].packages[cat].listUrl, raw: { reason: outcome.reason, explanation: outcome.explanation }, headers: null },
    ]);
  }

  class TimedOut extends Error {}
  /** The packages, or the 408 reply when the list timed out and the config asks for 408. */
  async function packagesOrTimeout(list: () => Promise<BackgroundCheckPackage[]>): Promise<{ list: BackgroundCheckPackage[] } | Reply> {
    try {
      return { list: await list() };
    } catch (e) {
      if (e instanceof TimedOut) return timedOut(e.message);
      throw e;
    }
  }

  r.get('/unified/ats/:category/packages', async (req, locals) => {
    const cat = category(req);
    if (!cat) throw new ApiError(404, 'RouteNotFoundError', `No route for GET ${req.path}`);
    locals.hop = 'packages-list';
    const acc = account(req, locals);
    const q = readQueryOptions(req);
    const all = await packagesOrTimeout(() => packagesOf(acc, cat, req));
    if (!('list' in all)) return all;
    const p = page(updatedAfter(all.list, q.updatedAfter), req);
    return { body: { data: p.data.map((x) => pick(x, q.fields)), next: p.next, ...(q.raw ? { raw: rawCalls(core.opts.journal, req.traceId) } : {}) } };
  });

  r.get('/unified/ats/:category/packages/:id', async (req, locals) => {
    const cat = category(req);
    if (!cat) throw new ApiError(404, 'RouteNotFoundError', `No route for GET ${req.path}`);
    const acc = account(req, locals);
    const q = readQueryOptions(req);
    const all = await packagesOrTimeout(() => packagesOf(acc, cat, req));
    if (!('list' in all)) return all;
    const found = all.list.find((p) => p.id === req.params.id);
    if (!found) throw new ApiError(404, 'NotFoundError', `Package ${JSON.stringify(req.params.id)} was not found`);
    return { body: { data: pick(found, q.fields), ...(q.raw ? { raw: rawCalls(core.opts.journal, req.traceId) } : {}) } };
  });

  r.post('/unified/ats/background_checks/packages', async (req, locals) => {
    const acc = account(req, locals);
    const body = validBody<BackgroundCheckPackageWrite>(req, { locals }, 'unified/background-check-package-write');
    const id = `bgp_${randomUUID().slice(0, 8)}`;
    await core.packages.put(id, { id, remote_id: id, accountId: acc.id, name: body.name ?? null, description: body.description ?? null, tests: (body.tests ?? []).map((t, i) => ({ id: t.id ?? `${id}_t${i + 1}`, name: t.name ?? null, description: t.description ?? null })) });
    return { status: 201, body: { ...ok('Record created successfully.', 201), data: { id, remote_id: id } } };
  });

  const ownPackage = (acc: LinkedAccountRecord, id: string): StoredPackage => {
    const p = core.packages.get(id);
    if (!p || p.accountId !== acc.id) throw new ApiError(404, 'NotFoundError', `Background-check package ${JSON.stringify(id)} was not found (only packages created through this API can be changed)`);
    return p;
  };

  r.patch('/unified/ats/background_checks/packages/:id', async (req, locals) => {
    const acc = account(req, locals);
    const body = validBody<BackgroundCheckPackageWrite>(req, { locals }, 'unified/background-check-package-write');
    const cur = ownPackage(acc, req.params.id);
    await core.packages.put(cur.id, {
      ...cur,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.tests !== undefined ? { tests: (body.tests ?? []).map((t, i) => ({ id: t.id ?? `${cur.id}_t${i + 1}`, name: t.name ?? null, description: t.description ?? null })) } : {}),
    });
    return { body: ok('Record updated successfully.') };
  });

  r.delete('/unified/ats/background_checks/packages/:id', async (req, locals) => {
    const acc = account(req, locals);
    await core.packages.delete(ownPackage(acc, req.params.id).id);
    return { body: ok('Record deleted successfully.', 204) };
  });

  r.post('/unified/ats/:category/orders', async (req, locals) => {
    const cat = category(req);
    if (!cat) throw new ApiError(404, 'RouteNotFoundError', `No route for POST ${req.path}`);
    locals.hop = 'order-create';
    const acc = account(req, locals);
    const body = validBody<Order>(req, { locals }, 'unified/order');
    const stored = await core.api.placeOrder({ account: acc, category: cat, order: body, native: { origin: ORIGIN_UNIFIED_API }, traceId: req.traceId });
    locals.orderId = stored.id;
    // no ATS holds this order, so there is no test page to link to
    return { body: { id: stored.id, remote_id: stored.order.remote_id ?? stored.id, test_url: null } };
  });

  r.patch('/unified/ats/:category/orders/:id/result', async (req, locals) => {
    const cat = category(req);
    if (!cat) throw new ApiError(404, 'RouteNotFoundError', `No route for PATCH ${req.path}`);
    locals.hop = 'result-update';
    locals.orderId = req.params.id;
    const acc = account(req, locals);
    const adapter = core.adapters.get(acc.provider) ?? { key: acc.provider, name: acc.provider, resultFields: [], deliverResult: undefined };
    // the body's shape first, then the order, then the ATS's rules (as StackOne validates before it looks)
    const body: ResultUpdate = checkResultSchema(adapter, requireBody(req), (v) => recordVerdict(locals, v));
    const order = core.orders.get(acc, cat, req.params.id);
    const judged = judgeResult(adapter, body, { strict: core.config.strict, schemaChecked: true });
    if (judged.warnings.length) locals.warnings = judged.warnings;
    await core.orders.recordResult(core.api, core.adapters.get(acc.provider), acc, order, body, judged, req.traceId);
    return { body: ok('Record updated successfully.'), ...(judged.warnings.length ? { headers: { [WARNING_HEADER]: judged.warnings.map(warningHeaderValue) } } : {}) };
  });
}
