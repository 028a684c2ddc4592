/**
 * Direct routes (served on node:http ahead of express) behave as express routes of the same service
 * do: same routing rules, same body parsing and refusals, same error shape, faults, and journal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../harness/errors.ts';
import { Journal } from '../../harness/journal.ts';
import { createServiceApp, directRoutes, finishServiceApp, listen, requireJson, type Listening, type ServiceAppOptions } from '../../harness/http/service-app.ts';

const journal = new Journal();
const opts: ServiceAppOptions = { service: 'bridge', journal, renderError: (e) => ({ body: { shape: 'service', code: e.code, message: e.message } }) };
let svc: Listening;

beforeAll(async () => {
  const app = createServiceApp(opts);
  directRoutes(app)
    .get('/things/:id', (req, locals) => {
      locals.hop = 'thing-read';
      locals.orderId = req.params.id;
      return { body: { id: req.params.id, q: req.query.q ?? null } };
    })
    .post('/things', (req) => {
      requireJson(req);
      return { status: 201, body: { got: req.body } };
    })
    .get('/broken', () => {
      throw new Error('a bug');
    })
    .get('/refused', () => {
      throw new ApiError(409, 'ConflictError', 'already there');
    })
    .get('/unanswerable', () => ({ body: { n: BigInt(1) } }));
  app.get('/express-only', (_req, res) => {
    res.json({ lane: 'express' });
  });
  finishServiceApp(app, opts);
  svc = await listen(app, 0, '127.0.0.1');
});
afterAll(async () => {
  await svc.close();
});

const call = async (method: string, p: string, body?: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${svc.url}${p}`, { method, body, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers } });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined, headers: res.headers };
};

describe('direct routes', () => {
  it('answer beside the express routes, routed as express routes (any case, a trailing slash, encoded params)', async () => {
    expect((await call('GET', '/things/a%20b?q=1')).json).toEqual({ id: 'a b', q: '1' });
    expect((await call('GET', '/THINGS/x/')).json).toEqual({ id: 'x', q: null });
    expect((await call('GET', '/express-only')).json).toEqual({ lane: 'express' });
    expect((await call('GET', '/nothing')).json).toMatchObject({ shape: 'service', code: 'RouteNotFoundError' });
  });

  it('answer HEAD for a GET route with its headers and no body', async () => {
    const r = await call('HEAD', '/things/x');
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    expect(Number(r.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('refuse bad input with a 4xx in the service shape, as the express lane does; a handler bug is a 500 in that shape, never a hang', async () => {
    expect(await call('GET', '/things/%E0%A4%A')).toMatchObject({ status: 400, json: { shape: 'service', code: 'ValidationError' } });
    expect(await call('POST', '/things', '{"a":')).toMatchObject({ status: 400, json: { code: 'MalformedJsonError' } });
    expect(await call('POST', '/things', JSON.stringify({ pad: 'x'.repeat(1_100_000) }))).toMatchObject({ status: 413, json: { code: 'PayloadTooLargeError' } });
    expect(await call('POST', '/things', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ status: 415, json: { code: 'UnsupportedMediaTypeError' } });
    let deep = '1';
    for (let i = 0; i < 80; i++) deep = `[${deep}]`;
    expect(await call('POST', '/things', deep)).toMatchObject({ status: 400, json: { code: 'ValidationError' } });
    expect(await call('POST', '/things', '{"__proto__":{"x":1}}')).toMatchObject({ status: 201, json: { got: { ['__proto__']: { x: 1 } } } });
    expect(await call('GET', '/refused')).toMatchObject({ status: 409, json: { code: 'ConflictError', message: 'already there' } });
    expect(await call('GET', '/broken')).toMatchObject({ status: 500, json: { shape: 'service', code: 'InternalServerError' } });
    expect(await call('GET', '/unanswerable')).toMatchObject({ status: 500, json: { shape: 'service', code: 'InternalServerError' } });
  });

  it('journal each request with its trace id, hop and masked credentials', async () => {
    const r = await call('GET', '/things/ord_1', undefined, { authorization: 'Bearer very-secret-token', 'x-sandbox-trace-id': 'trace-direct-1' });
    expect(r.headers.get('x-sandbox-trace-id')).toBe('trace-direct-1');
    const [e] = journal.query({ traceId: 'trace-direct-1' });
    expect(e).toMatchObject({ service: 'bridge', direction: 'in', hop: 'thing-read', orderId: 'ord_1', method: 'GET', url: '/things/ord_1', status: 200 });
    expect(e.responseBody).toBe(r.text);
    expect(e.requestHeaders?.authorization).not.toContain('very-secret-token');
  });

  it('apply fault rules before the handler and say so in the journal', async () => {
    const add = await call('POST', '/_sandbox/faults', JSON.stringify({ target: 'bridge', route: { method: 'GET', path: '/things/:id' }, action: { type: 'status', status: 503, body: { down: true } }, times: 1 }));
    expect(add.status).toBe(201);
    const faulted = await call('GET', '/things/y', undefined, { 'x-sandbox-trace-id': 'trace-direct-2' });
    expect(faulted).toMatchObject({ status: 503, json: { down: true } });
    expect(journal.query({ traceId: 'trace-direct-2' })[0].error).toMatch(/injected fault/);
    expect((await call('GET', '/things/y')).status).toBe(200);
    // a header no HTTP answer can carry is refused when the rule is added, not when it would fire
    const bad = await call('POST', '/_sandbox/faults', JSON.stringify({ target: 'bridge', route: { method: 'GET', path: '/things/:id' }, action: { type: 'status', status: 503, headers: { 'x-why': 'line\nbreak' } } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('/action/headers/x-why');
  });
});
