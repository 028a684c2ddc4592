/**
 * /external-trigger/greenhouse/*: the four partner endpoints Greenhouse calls (Assessment Partner
 * API), implemented on the bridge: list_tests → the partner's Package's List Endpoint, send_test →
 * an order and its webhook, test_status → the result being delivered or delivered, response_error
 * → kept on the order and in the journal.
 */
import { Router, type Request, type Response } from 'express';
import { ApiError } from '../../../errors.ts';
import { validBody } from '../../validate-body.ts';
import { validate } from '../../../schemas/registry.ts';
import type { BridgeApi, Category, StoredOrder } from '../../glossary.ts';
import type { GreenhouseSendTestRequest } from '../../../../schemas/generated/greenhouse/send-test-request.ts';
import type { GreenhouseResponseErrorRequest } from '../../../../schemas/generated/greenhouse/response-error-request.ts';
import type { GreenhouseListTestsResponse } from '../../../../schemas/generated/greenhouse/list-tests-response.ts';
import { greenhouseCaller } from './trigger-request.ts';
import { buildOrder } from './order-mapper.ts';
import { nativeOf, testStatusOf } from './test-status.ts';
import { clock } from '../../../clock.ts';
import { recordVerdict } from '../../../http/service-app.ts';

const ORDER_ID_HEADER = 'x-sandbox-order-id';

const what = (c: Category) => (c === 'assessment' ? 'assessment' : 'background check');

function answer(res: Response, schema: string, body: unknown): void {
  const v = validate(schema, body);
  recordVerdict(res.locals, v, 'response');
  res.json(body);
}

export function greenhouseExternalTrigger(bridge: BridgeApi): Router {
  const r = Router();

  const orderOf = (req: Request, res: Response, accountId: string, category: Category, id: unknown): StoredOrder => {
    if (typeof id !== 'string' || !id) {
      throw ApiError.validation('Validation failed: partner_interview_id is required (the id send_test answered)', [
        { pointer: '/query/partner_interview_id', message: 'is required', expected: 'the partner_interview_id send_test answered', actual: 'missing' },
      ]);
    }
    res.locals.orderId = id;
    const found = bridge.orderById(id);
    const o = found && found.accountId === accountId && found.provider === 'greenhouse' ? found : undefined;
    if (!o || o.category !== category) {
      throw new ApiError(404, 'NotFoundError', `No ${what(category)} test with partner_interview_id ${JSON.stringify(id)} for this Greenhouse account`, [
        { pointer: '/query/partner_interview_id', message: 'names no test of this account', expected: 'a partner_interview_id send_test answered', actual: id },
      ]);
    }
    return o;
  };

  r.get('/list_tests', async (req, res) => {
    const { account, category } = greenhouseCaller(bridge, req, res);
    const outcome = await bridge.listPackages(account, category, { traceId: req.traceId });
    if (!outcome.ok) {
      throw new ApiError(502, 'PackageListError', `Bad Gateway: could not list ${what(category)} tests for Greenhouse (${outcome.reason}). ${outcome.explanation}`, outcome.issues, [
        { status: outcome.status ?? null, url: bridge.config.providers.greenhouse.packages[category].listUrl, raw: { reason: outcome.reason, explanation: outcome.explanation }, headers: null },
      ]);
    }
    const tests: GreenhouseListTestsResponse = outcome.packages.map((p) => ({ partner_test_id: p.id, partner_test_name: p.name || p.id }));
    answer(res, 'greenhouse/list-tests-response', tests);
  });

  r.post('/send_test', async (req, res) => {
    const { account, category } = greenhouseCaller(bridge, req, res);
    const body = validBody<GreenhouseSendTestRequest>(req, res, 'greenhouse/send-test-request');
    // The take_home_test URL names one test instance: a repeated send_test gets the same order.
    const existing = bridge.ordersByNative(account.id, 'takeHomeTestUrl', body.url)[0];
    const stored =
      existing ??
      (await bridge.placeOrder({
        account,
        category,
        order: await buildOrder(bridge, account, category, body, req.traceId),
        native: { takeHomeTestUrl: body.url, partnerTestId: body.partner_test_id },
        traceId: req.traceId,
      }));
    res.locals.orderId = stored.id;
    res.setHeader(ORDER_ID_HEADER, stored.id);
    answer(res, 'greenhouse/send-test-response', { partner_interview_id: stored.id });
  });

  r.get('/test_status', (req, res) => {
    const { account, category } = greenhouseCaller(bridge, req, res);
    const order = orderOf(req, res, account.id, category, req.query.partner_interview_id);
    answer(res, 'greenhouse/test-status-response', testStatusOf(order));
  });

  r.post('/response_error', async (req, res) => {
    const { account } = greenhouseCaller(bridge, req, res);
    const body = validBody<GreenhouseResponseErrorRequest>(req, res, 'greenhouse/response-error-request');
    const id = body.partner_interview_id;
    const found = id ? bridge.orderById(id) : undefined;
    const order = found?.accountId === account.id ? found : undefined;
    if (order) {
      res.locals.orderId = order.id;
      const kept = nativeOf(order).responseErrors ?? [];
      await bridge.updateOrderNative(order.id, { responseErrors: [...kept, { at: clock.iso(), api_call: body.api_call, errors: body.errors }].slice(-20) });
    }
    res.json({ status: 200 });
  });

  return r;
}
