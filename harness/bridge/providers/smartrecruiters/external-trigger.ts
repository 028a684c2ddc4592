/**
 * The partner endpoints SmartRecruiters calls, hosted by the bridge under
 * /external-trigger/smartrecruiters (their full URLs go in the partner configuration):
 *   POST /oauth/token                                    client credentials → Bearer token
 *   GET  /{assessments|background_checks}/packages        → AssessmentPackage[] (204 when none)
 *   GET  /{…}/packages/:id                                → AssessmentPackage
 *   POST /{…}/packages/orders                             ad-hoc and auto-triggered orders → 202 {}
 *   POST /{…}/packages/inline/orders                      inline orders → 200 {url}
 *   GET  /inline/:orderId                                 the inline landing page that URL points at
 */
import { escapeHtml, isHttpUrl } from '../../../http/html.ts';
import express, { Router, type Request, type Response } from 'express';
import { ApiError } from '../../../errors.ts';
import { explainIssues, validate } from '../../../schemas/registry.ts';
import type { BridgeApi, Category, LinkedAccountRecord, PackageListOutcome, StoredOrder } from '../../glossary.ts';
import type { SmartRecruitersPackageOrderRequest } from '../../../../schemas/generated/smartrecruiters/package-order-request.ts';
import type { SmartRecruitersInlineOrderRequest } from '../../../../schemas/generated/smartrecruiters/inline-order-request.ts';
import { SEGMENT_CATEGORY } from './categories.ts';
import { SmartRecruitersTokenIssuer } from './token-issuer.ts';
import { toAssessmentPackage } from './package-mapper.ts';
import { orderIdOf, toUnifiedOrder, type SmartRecruitersOrderMode } from './order-mapper.ts';
import { recordVerdict } from '../../../http/service-app.ts';

const formBody = express.urlencoded({
  extended: false,
  limit: '16kb',
  verify: (req, _res, buf) => {
    (req as Request).rawBody = buf;
  },
});

function verdict(res: Response, schema: string, data: unknown): ReturnType<typeof validate> {
  const v = validate(schema, data);
  recordVerdict(res.locals, v);
  return v;
}

/** Plain words for why the partner's packages could not be had, per typed reason. */
function packageListError(outcome: Extract<PackageListOutcome, { ok: false }>, category: Category): ApiError {
  const url = `the ${category.replace('_', ' ')} Package's List Endpoint`;
  const lead: Record<typeof outcome.reason, string> = {
    'not-configured': "No Package's List Endpoint URL or Static Package ID is configured",
    'invalid-url': `${url} URL is invalid`,
    unreachable: `${url} could not be reached`,
    timeout: `${url} did not answer in time`,
    'http-status': `${url} answered an error`,
    'not-json': `${url} answered something that is not JSON`,
    'wrong-shape': `${url} answered the wrong shape`,
    empty: `${url} answered no packages`,
  };
  return new ApiError(502, 'PackageListError', `${lead[outcome.reason]} (${outcome.reason}): ${outcome.explanation}`, outcome.issues, [
    { status: outcome.status ?? null, url: null, raw: { reason: outcome.reason, explanation: outcome.explanation }, headers: null },
  ]);
}

export function smartRecruitersExternalTrigger(bridge: BridgeApi): Router {
  const r = Router();
  const issuer = new SmartRecruitersTokenIssuer(bridge);

  const hop = (res: Response, account?: LinkedAccountRecord): void => {
    res.locals.hop = 'external-trigger';
    res.locals.provider = 'smartrecruiters';
    if (account) res.locals.accountId = account.id;
  };

  const authorised = (req: Request, res: Response): LinkedAccountRecord => {
    hop(res);
    const found = issuer.accountOf(req.header('authorization'));
    if ('why' in found) {
      throw new ApiError(401, 'UnauthorizedError', `Unauthorized: ${found.why}. SmartRecruiters gets a Bearer token from POST /external-trigger/smartrecruiters/oauth/token`, [
        { pointer: '/headers/authorization', message: 'is missing or invalid', expected: 'Bearer <access_token from the token URL>', actual: found.why },
      ]);
    }
    hop(res, found.account);
    return found.account;
  };

  const categoryOf = (req: Request): Category => {
    const c = Object.hasOwn(SEGMENT_CATEGORY, req.params.segment as string) ? SEGMENT_CATEGORY[req.params.segment as string] : undefined; // not Object.prototype's `constructor`
    if (!c) throw new ApiError(404, 'RouteNotFoundError', `No route for ${req.method} ${req.originalUrl}: the category segment is assessments or background_checks`);
    return c;
  };

  r.post('/oauth/token', formBody, (req, res) => {
    hop(res);
    res.setHeader('cache-control', 'no-store');
    if (!req.is('application/x-www-form-urlencoded')) {
      return void res.status(400).json({ error: 'invalid_request', error_description: `the token request must be application/x-www-form-urlencoded, got ${req.headers['content-type'] ?? 'none'}` });
    }
    const form = (req.body ?? {}) as Record<string, unknown>;
    verdict(res, 'smartrecruiters/token-request', { ...form, ...(form.client_secret ? { client_secret: '(masked)' } : {}) });
    const out = issuer.issue(form, req.header('authorization'));
    if (!out.ok) return void res.status(out.status).json(out.body);
    hop(res, out.account);
    res.json(out.body);
  });

  /** SmartRecruiters' optional `requester` header: JSON {"email": …} (a bare e-mail is tolerated). */
  const requesterOf = (req: Request): { email: string } | undefined => {
    const raw = req.header('requester');
    if (raw === undefined || raw === '') return undefined;
    if (!raw.trim().startsWith('{') && /^[^@\s]+@[^@\s]+$/.test(raw.trim())) return { email: raw.trim() };
    try {
      const parsed = JSON.parse(raw) as { email?: unknown };
      if (parsed && typeof parsed.email === 'string') return { email: parsed.email };
    } catch {
      /* below */
    }
    throw ApiError.validation('The requester header must be JSON {"email": "<recruiter e-mail>"}', [{ pointer: '/headers/requester', message: 'is not a requester object', expected: '{"email":"..."}', actual: raw.slice(0, 200) }]);
  };

  r.get('/:segment/packages', async (req, res) => {
    const account = authorised(req, res);
    const category = categoryOf(req);
    requesterOf(req);
    const jobId = typeof req.query.jobId === 'string' && req.query.jobId ? req.query.jobId : undefined;
    const outcome = await bridge.listPackages(account, category, { jobId, traceId: req.traceId });
    if (!outcome.ok) {
      if (outcome.reason === 'empty') return void res.status(204).end();
      throw packageListError(outcome, category);
    }
    res.json(outcome.packages.map((p) => toAssessmentPackage(p, category)));
  });

  r.get('/:segment/packages/:id', async (req, res) => {
    const account = authorised(req, res);
    const category = categoryOf(req);
    const outcome = await bridge.listPackages(account, category, { traceId: req.traceId });
    if (!outcome.ok && outcome.reason !== 'empty') throw packageListError(outcome, category);
    const found = outcome.ok ? outcome.packages.find((p) => p.id === req.params.id) : undefined;
    if (!found) throw new ApiError(404, 'NotFoundError', 'No assessment package with given id', [{ pointer: '/path/assessmentPackageId', message: 'names no package the partner lists', actual: req.params.id }]);
    res.json(toAssessmentPackage(found, category));
  });

  async function order(req: Request, res: Response, mode: SmartRecruitersOrderMode): Promise<StoredOrder> {
    const account = authorised(req, res);
    const category = categoryOf(req);
    const schema = mode === 'inline' ? 'smartrecruiters/inline-order-request' : 'smartrecruiters/package-order-request';
    const v = verdict(res, schema, req.body);
    if (!v.valid) throw ApiError.validation(`Invalid ${mode === 'inline' ? 'InlineAssessmentPackageOrderRequest' : 'AssessmentPackageOrderRequest'}: ${explainIssues(v.issues)}`, v.issues);
    const body = req.body as SmartRecruitersPackageOrderRequest | SmartRecruitersInlineOrderRequest;
    const srOrderId = orderIdOf(body.resultCallbackURL);
    const atsBase = bridge.providerUrl('smartrecruiters');
    if (!srOrderId || !body.resultCallbackURL.startsWith(`${atsBase}/`)) {
      throw ApiError.validation(`resultCallbackURL must be a SmartRecruiters results URL (${atsBase}/assessment-api/v202010/orders/{orderId}/results)`, [
        { pointer: '/resultCallbackURL', message: 'is not a SmartRecruiters results URL', expected: `${atsBase}/assessment-api/v202010/orders/{orderId}/results`, actual: body.resultCallbackURL },
      ]);
    }
    if (account.native.companyId && body.companyId !== account.native.companyId) {
      throw new ApiError(403, 'ForbiddenError', `companyId ${JSON.stringify(body.companyId)} is not the company of this linked account`, [
        { pointer: '/companyId', message: 'is not the linked account\'s company', expected: account.native.companyId, actual: body.companyId },
      ]);
    }
    const existing = bridge.ordersByNative(account.id, 'srOrderId', srOrderId)[0];
    if (existing) {
      res.locals.orderId = existing.id;
      return existing;
    }
    const listed = await bridge.listPackages(account, category, { jobId: body.fields?.jobId, traceId: req.traceId });
    const pkg = listed.ok ? listed.packages.find((p) => p.id === body.assessmentPackageId) : undefined;
    if (listed.ok && !pkg) {
      throw new ApiError(404, 'NotFoundError', `No package which was ordered: ${JSON.stringify(body.assessmentPackageId)} is not among the partner's ${category.replace('_', ' ')} packages`, [
        { pointer: '/assessmentPackageId', message: 'names no package the partner lists', expected: listed.packages.map((p) => p.id), actual: body.assessmentPackageId },
      ]);
    }
    const withHiringTeam = bridge.config.providers.smartrecruiters.authType === 'public+partner';
    const stored = await bridge.placeOrder({
      account,
      category,
      order: toUnifiedOrder({ body, srOrderId, mode, pkg, withHiringTeam }),
      native: {
        resultCallbackURL: body.resultCallbackURL,
        srOrderId,
        mode,
        ...('completedAssessmentCallbackUrl' in body ? { completedAssessmentCallbackUrl: body.completedAssessmentCallbackUrl } : {}),
      },
      traceId: req.traceId,
    });
    res.locals.orderId = stored.id;
    return stored;
  }

  r.post('/:segment/packages/orders', async (req, res) => {
    const stored = await order(req, res, 'ordered');
    res.setHeader('x-sandbox-order-id', stored.id);
    res.status(202).json({});
  });

  r.post('/:segment/packages/inline/orders', async (req, res) => {
    const stored = await order(req, res, 'inline');
    res.setHeader('x-sandbox-order-id', stored.id);
    res.json({ url: `${bridge.url()}/external-trigger/smartrecruiters/inline/${stored.id}` });
  });

  /** Where SmartRecruiters sends an applying candidate: the inline assessment, as the bridge hosts it. */
  r.get('/inline/:orderId', (req, res) => {
    hop(res);
    const found = bridge.orderById(req.params.orderId);
    const o = found?.provider === 'smartrecruiters' && found.native.mode === 'inline' ? found : undefined;
    if (!o) throw new ApiError(404, 'NotFoundError', `No inline order ${JSON.stringify(req.params.orderId)}`);
    res.locals.orderId = o.id;
    res.locals.accountId = o.accountId;
    const esc = escapeHtml;
    // a link only when it is http(s): a javascript: or data: callback is never made live
    const back = isHttpUrl(o.native.completedAssessmentCallbackUrl) ? o.native.completedAssessmentCallbackUrl : undefined;
    res.type('text/html').send(
      `<!doctype html><title>${esc(o.order.package?.name ?? 'Assessment')}</title><h1>${esc(o.order.package?.name ?? 'Assessment')}</h1>` +
        `<p>Order ${esc(o.id)} for ${esc(o.order.candidate?.first_name)} ${esc(o.order.candidate?.last_name)} was sent to the partner (order webhook); the partner's test starts from there.</p>` +
        (back ? `<p><a href="${esc(back)}">Back to the application</a></p>` : ''),
    );
  });

  return r;
}
