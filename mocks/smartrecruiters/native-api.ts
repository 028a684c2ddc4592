/**
 * SmartRecruiters' native API the bridge's result mapper calls:
 *   POST  /identity/oauth/token
 *   PATCH /assessment-api/v202010/orders/:orderId/results      PackageResult as JSON Merge Patch
 *   GET   /assessment-api/v202107/assessment-orders?applicationId=   read-back
 */
import { Router, type Response } from 'express';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import { recordVerdict, requireJson } from '../../harness/http/service-app.ts';
import { validate } from '../../harness/schemas/registry.ts';
import type { SmartRecruitersPackageResult } from '../../schemas/generated/smartrecruiters/package-result.ts';
import type { SmartRecruitersAssessmentOrderList } from '../../schemas/generated/smartrecruiters/assessment-orders.ts';
import { SmartRecruitersError } from './errors.ts';
import { formBody, issueToken } from './token-issuer.ts';
import { requireToken } from './token-check.ts';
import { mergePatch } from './merge-patch.ts';
import { stateOf, type SrOrder } from './state.ts';
import { applicationUuid } from './ids.ts';

const TERMINAL = new Set(['COMPLETED', 'REJECTED', 'EXPIRED']);

const rateLimitHeaders = (res: Response): void => {
  res.setHeader('X-RateLimit-Limit', '10');
  res.setHeader('X-RateLimit-Remaining', '9');
  res.setHeader('X-RateLimit-Concurrent-Limit', '8');
  res.setHeader('X-RateLimit-Concurrent-Remaining', '7');
};

function verdict(res: Response, schema: string, data: unknown): ReturnType<typeof validate> {
  const v = validate(schema, data);
  recordVerdict(res.locals, v);
  return v;
}

export function nativeRoutes(ctx: EmulatorContext): Router {
  const r = Router();
  r.use(['/identity', '/assessment-api'], (_req, res, next) => {
    if (!res.getHeader('X-RateLimit-Limit')) rateLimitHeaders(res);
    res.locals.provider = 'smartrecruiters';
    next();
  });

  r.post('/identity/oauth/token', formBody, async (req, res) => {
    res.locals.hop = 'result-mapping';
    res.json(await issueToken(ctx, await stateOf(ctx), req, res));
  });

  r.patch('/assessment-api/v202010/orders/:orderId/results', async (req, res) => {
    res.locals.hop = 'result-mapping';
    const state = await stateOf(ctx);
    requireToken(state, req, 'assessment_result_manage');
    if (req.rawBody === undefined && Number(req.headers['content-length'] ?? 0) === 0 && !req.headers['transfer-encoding']) {
      throw new SmartRecruitersError(400, 'INVALID_PARTIAL_UPDATE', 'The request body is required: a JSON Merge Patch of PackageResult');
    }
    requireJson(req);
    const order = state.orders.get(req.params.orderId);
    if (!order) throw new SmartRecruitersError(404, 'ORDER_NOT_FOUND', `Assessment order ${JSON.stringify(req.params.orderId)} not found`);
    res.locals.orderId = order.bridgeOrderId ?? order.orderId;
    const v = verdict(res, 'smartrecruiters/package-result-patch', req.body);
    if (!v.valid) throw new SmartRecruitersError(400, 'INVALID_PARTIAL_UPDATE', `Invalid partial update of the assessment result: ${v.issues.map((i) => `${i.pointer || '(body)'} ${i.message}`).join('; ')}`, v.issues);
    if (state.settings().strictTerminalStatus && order.result.status && TERMINAL.has(order.result.status)) {
      throw new SmartRecruitersError(400, 'ORDER_RESULT_FINAL', `The result of order ${order.orderId} is ${order.result.status} and can no longer change (strict mode)`);
    }
    const merged = mergePatch<SmartRecruitersPackageResult>(order.result, req.body);
    const full = validate('smartrecruiters/package-result', merged);
    if (!full.valid) throw new SmartRecruitersError(400, 'INVALID_PARTIAL_UPDATE', `The patched result would be invalid: ${full.issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`, full.issues);
    const saved = await state.orders.mutate(order.orderId, (cur) => {
      if (!cur) return { result: merged };
      const result = mergePatch<SmartRecruitersPackageResult>(cur.result, req.body);
      return { value: { ...cur, result }, result };
    });
    res.json(saved);
  });

  r.get('/assessment-api/v202107/assessment-orders', async (req, res) => {
    res.locals.hop = 'read-back';
    const state = await stateOf(ctx);
    requireToken(state, req, 'assessment_orders_read');
    const applicationId = typeof req.query.applicationId === 'string' ? req.query.applicationId : '';
    if (!applicationId) {
      throw new SmartRecruitersError(400, 'INVALID_REQUEST', 'The applicationId query parameter is required', [{ pointer: '/query/applicationId', message: 'is required', actual: 'missing' }]);
    }
    if (!ctx.world.candidates.some((c) => applicationUuid(c) === applicationId)) throw new SmartRecruitersError(404, 'APPLICATION_NOT_FOUND', 'Application not found');
    const list: SmartRecruitersAssessmentOrderList = state.orders
      .all()
      .filter((o) => o.applicationId === applicationId && o.state === 'ordered')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((o: SrOrder) => ({
        orderId: o.orderId,
        applicationId: o.applicationId,
        assessmentPackageName: o.result.name ?? o.packageName,
        ...(o.result.status ? { status: o.result.status } : {}),
        ...(o.result.score ? { score: String(o.result.score.raw) } : {}),
        ...(o.result.scoreLabel !== undefined ? { scoreLabel: o.result.scoreLabel } : {}),
        ...(o.result.summary !== undefined ? { summary: o.result.summary } : {}),
        ...(o.result.assessmentPackageDate ? { assessmentPackageDate: o.result.assessmentPackageDate } : {}),
        ...(o.result.submissionDate ? { submissionDate: o.result.submissionDate } : {}),
        attachments: o.result.attachments ?? [],
        assessments: o.result.assessmentResults ?? [],
      }));
    res.json(list);
  });
  return r;
}
