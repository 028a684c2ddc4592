/**
 * RecruiteeTriggerRouter: the partner `urls` Recruitee calls, as StackOne hosts them under
 * /external-trigger/recruitee/{kind}/… (see conventions.ts for why the kind is a path segment).
 *   GET  {kind}/tests           → a BARE array [{name, id}] (Recruitee's format, not {data})
 *   POST {kind}/send_candidate  → places the unified order; 201 and x-sandbox-order-id
 * Every call carries `Authorization: Bearer <External Trigger Token>` (what the customer pasted
 * into Recruitee); anything else is 401. Errors are JSON {error} so Recruitee's pop-up can show them.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { ApiError, toApiError } from '../../../errors.ts';
import { recordVerdict, requireJson } from '../../../http/service-app.ts';
import { explainIssues, validate } from '../../../schemas/registry.ts';
import { KIND_SEGMENTS, codenameFor } from './conventions.ts';
import { buildRecruiteeOrder } from './order-mapper.ts';
import type { BridgeApi, Category, LinkedAccountRecord, PackageListOutcome } from './types.ts';
import type { RecruiteeSendCandidate } from '../../../../schemas/generated/recruitee/send-candidate.ts';
import type { RecruiteeTestsList } from '../../../../schemas/generated/recruitee/tests-list.ts';

const ORDER_ID_HEADER = 'x-sandbox-order-id';

function bearer(req: Request): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
  return m?.[1];
}

function categoryOf(req: Request): Category {
  const kind = String(req.params.kind);
  const cat = Object.hasOwn(KIND_SEGMENTS, kind) ? KIND_SEGMENTS[kind] : undefined; // not Object.prototype's `constructor`
  if (!cat) {
    const why = kind === 'reference_check' ? 'StackOne offers assessment and background_check partners only, not reference_check' : `unknown partner kind ${JSON.stringify(kind)}`;
    throw new ApiError(404, 'RouteNotFoundError', `${why}; use /external-trigger/recruitee/assessment/… or /external-trigger/recruitee/background_check/…`);
  }
  return cat;
}

function authenticate(bridge: BridgeApi, req: Request, res: Response): LinkedAccountRecord {
  res.locals.provider = 'recruitee';
  const token = bearer(req);
  const account = bridge.accountByToken('recruitee', token);
  if (!account) {
    throw new ApiError(401, 'UnauthorizedError', token
      ? 'Invalid API token: it is not the External Trigger Token of any Recruitee account linked in StackOne'
      : 'Missing API token: send Authorization: Bearer <External Trigger Token>');
  }
  res.locals.accountId = account.id;
  if (account.status !== 'active' || !bridge.config.providers.recruitee.active) {
    throw new ApiError(403, 'AccountIntegrationInactiveError', `The Recruitee integration of account ${account.id} is not active in StackOne`);
  }
  return account;
}

/** HTTP status for each way the package list can fail: the partner's or StackOne's configuration, or the partner's service. */
const LIST_FAILURE_STATUS: Record<Exclude<PackageListOutcome, { ok: true }>['reason'], number> = {
  'not-configured': 422,
  'invalid-url': 422,
  unreachable: 502,
  timeout: 504,
  'http-status': 502,
  'not-json': 502,
  'wrong-shape': 502,
  empty: 422,
};

export function recruiteeTriggerRouter(bridge: BridgeApi): Router {
  const r = Router();

  r.get('/:kind/tests', async (req, res) => {
    res.locals.hop = 'external-trigger';
    const category = categoryOf(req);
    const account = authenticate(bridge, req, res);
    const outcome = await bridge.listPackages(account, category, { traceId: req.traceId });
    if (!outcome.ok) {
      throw new ApiError(LIST_FAILURE_STATUS[outcome.reason], 'PackageListError', `Could not load the packages: ${outcome.explanation}`);
    }
    const tests: RecruiteeTestsList = outcome.packages.map((p) => ({ name: p.name, id: p.id }));
    res.json(tests);
  });

  r.post('/:kind/send_candidate', async (req, res) => {
    res.locals.hop = 'external-trigger';
    const category = categoryOf(req);
    const account = authenticate(bridge, req, res);
    requireJson(req);
    const schema = 'recruitee/send-candidate';
    const v = validate(schema, req.body ?? null);
    recordVerdict(res.locals, v);
    if (!v.valid) throw ApiError.validation(`Invalid send_candidate body: ${explainIssues(v.issues)}`, v.issues);
    const body = req.body as RecruiteeSendCandidate;
    if (String(body.company_id) !== account.native.companyId) {
      throw new ApiError(403, 'ForbiddenError', `This API token belongs to Recruitee company ${account.native.companyId}, not ${body.company_id}`);
    }
    const order = await buildRecruiteeOrder(bridge, account, body, req.traceId);
    const stored = await bridge.placeOrder({
      account,
      category,
      order,
      native: { reportId: body.report_id, codename: codenameFor(account.native.codename, category), companyId: body.company_id, candidateId: body.candidate_id },
      traceId: req.traceId,
    });
    res.locals.orderId = stored.id;
    res.setHeader(ORDER_ID_HEADER, stored.id);
    res.status(201).json({ id: stored.id, report_id: body.report_id });
  });

  // Recruitee shows the partner's message from {error}: every refusal on these routes has that shape.
  r.use((e: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const err = toApiError(e);
    if (err.status >= 500 && !(e instanceof ApiError)) console.error('[bridge/recruitee]', e);
    res.status(err.status).json({ error: err.message });
  });
  return r;
}
