/**
 * `ats-sandbox/msw`: the bridge's unified API as msw 2 handlers, for a partner's own unit tests.
 * Built from what the bridge itself uses: the same JSON Schemas (harness/schemas/registry.ts
 * `validate`), the same judgement of result updates with each ATS's rules and warnings
 * (harness/bridge/result-rules.ts and the ATS providers), the same auth checks and StackOne error
 * envelope (harness/bridge/auth.ts, harness/errors.ts), and the reference partner's example
 * packages (mocks/partner/catalogue.ts). A result update accepted on a guess answers 200 with the
 * x-ats-sandbox-warning header, as the bridge does; `strict: true` refuses it.
 *
 *   const bridge = createBridgeHandlers({ baseUrl: 'https://api.stackone.test' });
 *   const server = setupServer(...bridge.handlers);
 *
 * Routes: GET …/packages, GET …/packages/{id}, POST …/orders, PATCH …/orders/{id}/result, for
 * /unified/ats/assessments and /unified/ats/background_checks.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { compileRoute } from '../../harness/http/route-match.ts';
import { ApiError, envelope } from '../../harness/errors.ts';
import { requireAccount, requireApiKey } from '../../harness/bridge/auth.ts';
import { explainIssues, validate } from '../../harness/schemas/registry.ts';
import { checkResultSchema, judgeResult, WARNING_HEADER, warningHeaderValue } from '../../harness/bridge/result-rules.ts';
import { providerAdapters } from '../../harness/ats/sides.ts';
import { DEFAULT_API_KEY } from '../../harness/config.ts';
import { DEMO_ACCOUNTS } from '../../harness/demo.ts';
import { ASSESSMENT_PACKAGES, BACKGROUND_CHECK_PACKAGES } from '../partner/catalogue.ts';
import type { Category, FieldIssue, LinkedAccountRecord, Order, PartnerPackage, ResultUpdate } from '../../harness/bridge/glossary.ts';
import type { PackagePaginated } from '../../schemas/generated/unified/package-paginated.ts';
import type { OrderCreateResult } from '../../schemas/generated/unified/order-create-result.ts';
import type { BackgroundCheckPackage } from '../../schemas/generated/unified/common.ts';

export type { Category, FieldIssue, Order, PartnerPackage, ResultUpdate };

export interface BridgeHandlersOptions {
  /** where your code thinks the bridge is (default https://api.stackone.com) */
  baseUrl?: string;
  /** the API key accepted as Basic user name (default the sandbox's) */
  apiKey?: string;
  /** linked accounts accepted in x-account-id (default the sandbox's four demo accounts, one per ATS) */
  accounts?: { id: string; provider: LinkedAccountRecord['provider'] }[];
  /** packages served per category (default the reference partner's catalogue) */
  packages?: Partial<Record<Category, PartnerPackage[]>>;
  /** refuse what would be accepted with a warning, as the sandbox's `strict` setting does */
  strict?: boolean;
}

export interface MockOrder {
  id: string;
  category: Category;
  accountId: string;
  order: Order;
  /** every accepted result update, as your code sent it */
  results: ResultUpdate[];
  /** what was accepted on a guess, for every accepted update (also sent as x-ats-sandbox-warning) */
  warnings: FieldIssue[];
}

export interface BridgeMock {
  handlers: HttpHandler[];
  /** orders created through the handlers or added with addOrder, with every accepted result */
  orders: Map<string, MockOrder>;
  /** an order your code will report a result for (as if the order webhook had brought it) */
  addOrder(o: { id: string; category: Category; accountId?: string; order?: Order }): MockOrder;
  reset(): void;
}

const SEG: Record<string, Category> = { assessments: 'assessment', background_checks: 'background_check' };
const adapterOf = (key: string) => providerAdapters().find((a) => a.key === key);

/** The express-like view of a fetch Request that the bridge's auth checks read. */
type AuthRequest = Parameters<typeof requireApiKey>[0];
const asReq = (request: Request): AuthRequest => ({ header: (n: string) => request.headers.get(n) ?? undefined }) as unknown as AuthRequest;

const errorResponse = (e: unknown): Response => {
  const err = e instanceof ApiError ? e : new ApiError(500, 'InternalServerError', 'Internal server error');
  return HttpResponse.json(envelope(err), { status: err.status });
};

async function jsonBody<T>(request: Request, schema?: string): Promise<T> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (text && !/^application\/([\w.+-]*\+)?json/i.test(type)) {
    throw new ApiError(415, 'UnsupportedMediaTypeError', `Content-Type must be application/json, got ${type || 'none'}`, [
      { pointer: '', message: 'has the wrong content type', expected: 'application/json', actual: type || 'none' },
    ]);
  }
  // no body reads as {}, as the bridge's JSON parser (and StackOne's) reads it
  if (!text) return (schema ? jsonBodyChecked({}, schema) : {}) as T;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, 'MalformedJsonError', `Request body is not valid JSON: ${(e as Error).message}`, [{ pointer: '', message: 'is not valid JSON', expected: 'a JSON document', actual: (e as Error).message }]);
  }
  return (schema ? jsonBodyChecked(body, schema) : body) as T;
}

function jsonBodyChecked(body: unknown, schema: string): unknown {
  const v = validate(schema, body);
  if (!v.valid) throw ApiError.validation(`Validation failed: ${explainIssues(v.issues)}`, v.issues);
  return body;
}

const asUnified = (p: PartnerPackage): BackgroundCheckPackage => ({ id: p.id, remote_id: p.remote_id ?? p.id, name: p.name, description: p.description ?? null, ...(p.tests ? { tests: p.tests } : {}) });

export function createBridgeHandlers(options: BridgeHandlersOptions = {}): BridgeMock {
  const base = (options.baseUrl ?? 'https://api.stackone.com').replace(/\/+$/, '');
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const accounts = new Map((options.accounts ?? Object.values(DEMO_ACCOUNTS)).map((a) => [a.id, a]));
  const packages: Record<Category, PartnerPackage[]> = {
    assessment: options.packages?.assessment ?? ASSESSMENT_PACKAGES,
    background_check: options.packages?.background_check ?? BACKGROUND_CHECK_PACKAGES,
  };
  const orders = new Map<string, MockOrder>();
  let counter = 0;

  /** API key, then the account; the same checks and errors as the bridge. */
  const authorise = (request: Request): { id: string; provider: LinkedAccountRecord['provider'] } => {
    requireApiKey(asReq(request), apiKey);
    const found = requireAccount(asReq(request), (id) => {
      const a = accounts.get(id);
      return a ? ({ ...a, status: 'active' } as LinkedAccountRecord) : undefined;
    }, () => true);
    return { id: found.id, provider: found.provider };
  };
  const categoryOf = (params: Record<string, unknown>, method: string, path: string): Category => {
    const c = SEG[String(params.category)];
    if (!c) throw new ApiError(404, 'RouteNotFoundError', `No route for ${method} ${path}`);
    return c;
  };
  const route = (fn: (request: Request, params: Record<string, unknown>) => Promise<Response> | Response) => async ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
    try {
      return await fn(request, params);
    } catch (e) {
      return errorResponse(e);
    }
  };

  const addOrder: BridgeMock['addOrder'] = (o) => {
    const rec: MockOrder = { id: o.id, category: o.category, accountId: o.accountId ?? DEMO_ACCOUNTS.greenhouse.id, order: o.order ?? { id: o.id }, results: [], warnings: [] };
    orders.set(o.id, rec);
    return rec;
  };

  // the bridge's routes, matched by the sandbox's one route matcher (letter case, trailing slash and
  // percent-decoding as the bridge itself has them); msw only sees everything under the base URL
  const routes: { method: string; pattern: string; run: (request: Request, params: Record<string, unknown>) => Promise<Response> | Response }[] = [
    { method: 'GET', pattern: '/unified/ats/:category/packages', run: (request, params) => {
      const cat = categoryOf(params, 'GET', new URL(request.url).pathname);
      authorise(request);
      const body: PackagePaginated = { data: packages[cat].map(asUnified), next: null };
      return HttpResponse.json(body);
    } },
    { method: 'GET', pattern: '/unified/ats/:category/packages/:id', run: (request, params) => {
      const cat = categoryOf(params, 'GET', new URL(request.url).pathname);
      authorise(request);
      const found = packages[cat].find((p) => p.id === params.id);
      if (!found) throw new ApiError(404, 'NotFoundError', `Package ${JSON.stringify(params.id)} was not found`);
      return HttpResponse.json({ data: asUnified(found) });
    } },
    { method: 'POST', pattern: '/unified/ats/:category/orders', run: async (request, params) => {
      const cat = categoryOf(params, 'POST', new URL(request.url).pathname);
      const acc = authorise(request);
      const order = await jsonBody<Order>(request, 'unified/order');
      const id = `ord_msw${String(++counter).padStart(6, '0')}`;
      const seg = cat === 'assessment' ? 'assessments' : 'background_checks';
      orders.set(id, { id, category: cat, accountId: acc.id, order: { ...order, id, results_update_url: `${base}/unified/ats/${seg}/orders/${id}/result` }, results: [], warnings: [] });
      const body: OrderCreateResult = { id, remote_id: order.remote_id ?? id, test_url: null };
      return HttpResponse.json(body);
    } },
    { method: 'PATCH', pattern: '/unified/ats/:category/orders/:id/result', run: async (request, params) => {
      const cat = categoryOf(params, 'PATCH', new URL(request.url).pathname);
      const acc = authorise(request);
      const adapter = adapterOf(acc.provider)!;
      // the same steps in the same order as the bridge: shape, order, the ATS's rules
      const result = checkResultSchema(adapter, await jsonBody<unknown>(request));
      const id = String(params.id);
      const o = orders.get(id);
      if (!o || o.accountId !== acc.id || o.category !== cat) {
        throw new ApiError(404, 'NotFoundError', `No ${cat === 'assessment' ? 'assessment' : 'background check'} order ${JSON.stringify(id)} for account ${acc.id}`, [
          { pointer: '/path/id', message: 'names no order of this account', expected: 'an order id from the order webhook (record_id)', actual: id },
        ]);
      }
      const judged = judgeResult(adapter, result, { strict: options.strict, schemaChecked: true });
      if (adapter.singleResult && o.results.length > 0) {
        throw new ApiError(409, 'DuplicateResultUpdateError', adapter.singleResult(id), undefined, [{ status: 409, url: null, raw: null, headers: null }]);
      }
      o.results.push(result);
      o.warnings.push(...judged.warnings);
      const headers = new Headers();
      for (const w of judged.warnings) headers.append(WARNING_HEADER, warningHeaderValue(w));
      return HttpResponse.json({ statusCode: 200, message: 'Record updated successfully.', timestamp: new Date().toISOString() }, { headers });
    } },
  ];
  const compiled = routes.map((r) => ({ ...r, matches: compileRoute(r.pattern), run: route(r.run) }));
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  const handlers: HttpHandler[] = [
    http.all(`${base}/*`, async ({ request }) => {
      const path = new URL(request.url).pathname.slice(basePath.length);
      for (const r of compiled) {
        if (r.method !== request.method) continue;
        let params: Record<string, unknown> | undefined;
        try {
          params = r.matches(path);
        } catch (e) {
          return errorResponse(e);
        }
        if (params) return r.run({ request, params });
      }
      return undefined; // not a bridge route: msw passes it on
    }),
  ];

  return { handlers, orders, addOrder, reset: () => void orders.clear() };
}

