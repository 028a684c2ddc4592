/**
 * The Teamtailor side of the bridge: what answers at the "Partner Base URL" set in Teamtailor.
 *
 *   GET  {base}/activation          activation check of the External Trigger Token (also /activation/validate,
 *                                   for an activation config with "validateEndpoint": "activation/validate")
 *   GET  {base}/config?job_id&stage_id&user_id   the partner form: the package select
 *   POST {base}/webhook             a recruiter sent the form: becomes a unified order
 *
 * Category. A Teamtailor partner has exactly one marketplace category, so a vendor offering both
 * registers two partners in Teamtailor, each with its own base URL:
 *   assessments        {bridge}/external-trigger/teamtailor                    (StackOne's documented URL;
 *                      {bridge}/external-trigger/teamtailor/assessment works too)
 *   background checks  {bridge}/external-trigger/teamtailor/background_check
 * A path segment, not a query string: Teamtailor appends /config and /webhook to the base URL, which
 * would land after a `?category=` and break it.
 *
 * Auth: `Authorization: Bearer <provider key>`, an HS256 JWT of {"externalTriggerToken": "..."} signed
 * with the partner API key [I]; the token names the linked account. Anything else is a 401.
 * Refusals are worded the way Teamtailor shows them: {"errors": [...]} on /activation and /config,
 * a plain-text body on /webhook (Teamtailor prints it on the partner-result card).
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { ApiError, toApiError } from '../../../errors.ts';
import { validate, explainIssues } from '../../../schemas/registry.ts';
import type { BridgeApi, Category, LinkedAccountRecord } from '../../glossary.ts';
import type { TeamtailorPartnerEventRequest } from '../../../../schemas/generated/teamtailor/partner-event.ts';
import type { TeamtailorWebhookResponse } from '../../../../schemas/generated/teamtailor/webhook-response.ts';
import { decodeProviderKey, verifyProviderKey } from './provider-key.ts';
import { PACKAGE_WEBHOOK_KEY, packageForm } from './config-form.ts';
import { toUnifiedOrder } from './order-mapper.ts';
import { unifiedJobId } from './ids.ts';
import { recordVerdict } from '../../../http/service-app.ts';

const ORDER_ID_HEADER = 'x-sandbox-order-id';
const INVALID_TOKEN = 'Invalid External Trigger Token';

const verdict = (res: Response, schema: string, data: unknown): ReturnType<typeof validate> => {
  const v = validate(schema, data);
  recordVerdict(res.locals, v);
  return v;
};

/** The linked account behind the provider key, or a 401/412 worded for the Teamtailor user. */
function authenticate(bridge: BridgeApi, req: Request, res: Response): LinkedAccountRecord {
  res.locals.provider = 'teamtailor';
  const decoded = decodeProviderKey(req.header('authorization'));
  if (!decoded.ok) {
    const why = {
      missing: 'Missing Authorization header: Teamtailor sends "Bearer <provider key>" once the integration is activated',
      'not-bearer': 'Authorization must be "Bearer <provider key>"',
      'not-jwt': 'The provider key is not a JWT: activate the integration with the External Trigger Token in its activation form',
      'wrong-alg': 'The provider key must be signed with HS256',
    }[decoded.problem];
    throw new ApiError(401, 'UnauthorizedError', `${INVALID_TOKEN}. ${why}`);
  }
  const claims = verdict(res, 'teamtailor/provider-key-claims', decoded.key.claims);
  if (!claims.valid) throw new ApiError(401, 'UnauthorizedError', `${INVALID_TOKEN}. The provider key carries no externalTriggerToken: ${explainIssues(claims.issues)}`);
  const account = bridge.accountByToken('teamtailor', decoded.key.claims.externalTriggerToken as string);
  if (!account) throw new ApiError(401, 'UnauthorizedError', `${INVALID_TOKEN}. Copy the External Trigger Token of the linked account from StackOne into the activation form`);
  if (!verifyProviderKey(decoded.key, account.native.partnerApiKey ?? '')) {
    throw new ApiError(401, 'UnauthorizedError', `${INVALID_TOKEN}. The provider key is not signed with the Partner Integration API Key configured in StackOne`);
  }
  res.locals.accountId = account.id;
  if (!bridge.config.providers.teamtailor.active) throw new ApiError(412, 'AccountIntegrationInactiveError', 'The Teamtailor integration is disabled in StackOne');
  if (account.status !== 'active') throw new ApiError(412, 'AccountIntegrationInactiveError', `The linked account ${account.id} is ${account.status}`);
  return account;
}

function categoryRoutes(bridge: BridgeApi, category: Category): Router {
  const r = Router();
  const activation = (req: Request, res: Response) => {
    res.locals.hop = 'external-trigger';
    const account = authenticate(bridge, req, res);
    res.json({ ok: true, account: account.label, category });
  };
  r.get('/activation', activation);
  r.get('/activation/validate', activation);

  r.get('/config', async (req, res) => {
    res.locals.hop = 'external-trigger';
    const account = authenticate(bridge, req, res);
    const jobId = typeof req.query.job_id === 'string' ? unifiedJobId(req.query.job_id) : undefined;
    const outcome = await bridge.listPackages(account, category, { jobId, traceId: req.traceId });
    if (!outcome.ok) throw new ApiError(502, 'PackageListError', outcome.explanation);
    res.json(packageForm(category, outcome.source, outcome.packages));
  });

  r.post('/webhook', async (req, res) => {
    res.locals.hop = 'external-trigger';
    const account = authenticate(bridge, req, res);
    const v = verdict(res, 'teamtailor/partner-event', req.body);
    if (!v.valid) throw new ApiError(400, 'ValidationError', `Invalid partner-event: ${explainIssues(v.issues)}`, v.issues);
    const body = req.body as TeamtailorPartnerEventRequest;
    const ev = body['partner-event'];
    const pkg = ev['webhook-data'][PACKAGE_WEBHOOK_KEY];
    const packageId = Array.isArray(pkg) ? pkg[0] : pkg;
    if (!packageId) throw new ApiError(400, 'ValidationError', `No package was chosen: webhook-data has no "${PACKAGE_WEBHOOK_KEY}"`);
    const partnerResultId = ev['partner-result'].id;
    // Teamtailor does not retry, but a form sent twice for one partner-result is still one order.
    const existing = bridge.ordersByNative(account.id, 'partnerResultId', partnerResultId)[0];
    if (!existing) await requireListedPackage(bridge, account, category, packageId, ev.candidate?.job?.id, req.traceId);
    const order =
      existing ??
      (await bridge.placeOrder({
        account,
        category,
        order: toUnifiedOrder(body, { packageId, withHiringTeam: bridge.config.providers.teamtailor.authType === 'public+partner' }),
        native: { partnerResultId, updateUrl: ev['partner-result']['update-url'], partnerEventId: ev.id },
        traceId: req.traceId,
      }));
    res.locals.orderId = order.id;
    res.setHeader(ORDER_ID_HEADER, order.id);
    const answer: TeamtailorWebhookResponse = { partner_result_attributes: { status: 'sent' } };
    res.json(answer);
  });
  return r;
}

/**
 * A package the partner does not list places no order: the webhook is answered 422 text/plain in the
 * words of Teamtailor's own example ("Package pkg_2 is not enabled for this account") [C], and Teamtailor
 * shows that text on the card. When the list cannot be had, the order goes ahead (the form was filled).
 */
async function requireListedPackage(bridge: BridgeApi, account: Parameters<BridgeApi['listPackages']>[0], category: Category, packageId: string, jobNumber: unknown, traceId: string): Promise<void> {
  const jobId = jobNumber !== undefined && jobNumber !== null ? unifiedJobId(String(jobNumber)) : undefined;
  const listed = await bridge.listPackages(account, category, { jobId, traceId });
  if (listed.ok && !listed.packages.some((p) => p.id === packageId)) {
    throw new ApiError(422, 'ValidationError', `Package ${packageId} is not enabled for this account`, [
      { pointer: `/partner-event/webhook-data/${PACKAGE_WEBHOOK_KEY}`, message: 'names no package the partner lists', expected: listed.packages.map((p) => p.id), actual: packageId },
    ]);
  }
}

export function teamtailorExternalTrigger(bridge: BridgeApi): Router {
  const router = Router();
  router.use('/background_check', categoryRoutes(bridge, 'background_check'));
  router.use('/assessment', categoryRoutes(bridge, 'assessment'));
  router.use('/', categoryRoutes(bridge, 'assessment'));
  // Errors in the words Teamtailor shows: plain text for the webhook, {"errors": [...]} elsewhere.
  router.use((e: unknown, req: Request, res: Response, _next: NextFunction) => {
    const err = toApiError(e);
    if (err.status >= 500 && !(e instanceof ApiError)) console.error('[bridge teamtailor]', e);
    res.status(err.status);
    if (req.path.endsWith('/webhook')) res.type('text/plain').send(err.message);
    else res.json({ errors: [err.message] });
  });
  return router;
}
