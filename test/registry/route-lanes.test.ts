/**
 * One route matcher: express routes, direct routes, fault rules and the msw handlers agree on which
 * paths a pattern matches (letter case, trailing slash, percent-encoding), on a generated set of paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { getResponse } from 'msw';
import { listen, type Listening } from '../../harness/http/service-app.ts';
import { DirectRoutes } from '../../harness/http/direct-routes.ts';
import { routeMatcher } from '../../harness/faults/definitions.ts';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { createBridgeHandlers } from '../../mocks/msw/index.ts';
import { SANDBOX_HEADER } from '../../harness/http/request-guard.ts';
import { basic } from '../../harness/signing.ts';

const PATTERNS = ['/unified/ats/:category/packages', '/unified/ats/:category/orders/:id/result', '/external-trigger/greenhouse/list_tests', '/_sandbox/state', '/api/v1/items/:id'];

/** Each pattern filled in, then bent every way a client bends a path. */
function variants(pattern: string): string[] {
  const filled = pattern.replace(/:category/g, 'assessments').replace(/:id/g, 'ord_1A');
  const literalsUpper = pattern.split('/').map((seg) => (seg.startsWith(':') ? seg : seg.toUpperCase())).join('/').replace(/:category/g, 'assessments').replace(/:id/g, 'ord_1A');
  const out = new Set<string>([filled, filled.toUpperCase(), literalsUpper, filled.replace(/[a-z]/, (c) => c.toUpperCase()), `${filled}/`, `${filled}//`, `${filled}/extra`, filled.split('/').slice(0, -1).join('/') || '/', `${filled}.json`, filled.replace('ord_1A', 'ord%5F1A'), filled.replace('ord_1A', 'ord%E0%A4%A'), filled.replace('assessments', 'a%2Fb'), `/x${filled}`]);
  return [...out];
}

let server: Listening;
beforeAll(async () => {
  const app = express();
  PATTERNS.forEach((p, i) => app.all(p, (req, res, next) => (req.header('x-pattern') === String(i) ? res.json({ params: req.params }) : next())));
  app.use((_req, res) => res.status(404).json({}));
  app.use((err: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => res.status(err.status ?? 500).json({}));
  server = await listen(app, 0, '127.0.0.1');
});
afterAll(() => server?.close());

type Verdict = 'match' | 'no' | 'bad-encoding';

async function viaExpress(i: number, path: string): Promise<{ v: Verdict; params?: unknown }> {
  const res = await fetch(`${server.url}${path}`, { headers: { 'x-pattern': String(i) } });
  if (res.status === 400) return { v: 'bad-encoding' };
  return res.status === 200 ? { v: 'match', params: ((await res.json()) as { params: unknown }).params } : { v: 'no' };
}

function viaDirect(pattern: string, path: string): { v: Verdict; params?: unknown } {
  try {
    const m = new DirectRoutes().get(pattern, () => ({ body: null })).match('GET', path);
    return m ? { v: 'match', params: m.params } : { v: 'no' };
  } catch {
    return { v: 'bad-encoding' };
  }
}

describe('the lanes match the same paths', () => {
  const cases = PATTERNS.flatMap((p, i) => variants(p).map((path) => ({ i, pattern: p, path })));
  it(`express, direct routes and fault rules agree on ${cases.length} generated paths`, async () => {
    const disagreements: string[] = [];
    for (const { i, pattern, path } of cases) {
      const ex = await viaExpress(i, path);
      const di = viaDirect(pattern, path);
      const fault = routeMatcher({ method: 'GET', path: pattern })('GET', path);
      if (ex.v !== di.v || JSON.stringify(ex.params) !== JSON.stringify(di.params)) disagreements.push(`${pattern} ${path}: express ${JSON.stringify(ex)} direct ${JSON.stringify(di)}`);
      // a fault rule fires on every path the route serves, and on none it does not
      if (fault !== (ex.v === 'match')) disagreements.push(`${pattern} ${path}: express ${ex.v}, fault ${fault ? 'fires' : 'does not fire'}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('fault rule paths in the one matcher', () => {
  it('take any literal text, repeated param names, and ignore letter case and one trailing slash as express does', () => {
    expect(routeMatcher({ path: '/x/:id/y/:id' })('GET', '/X/1/y/2/')).toBe(true);
    expect(routeMatcher({ path: '/a/(b)/{c}+' })('GET', '/a/(b)/{c}+')).toBe(true);
    expect(routeMatcher({ path: '/a/(b)/{c}+' })('GET', '/a/b/c')).toBe(false);
    expect(routeMatcher({ path: '/**' })('DELETE', '/any/thing')).toBe(true);
    expect(routeMatcher({ path: '/reports/**' })('GET', '/reports')).toBe(true);
    expect(routeMatcher({ path: '/a/*/c' })('GET', '/a/c')).toBe(false);
  });
});

describe('on the real bridge and the msw handlers', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ ports: 0 });
  });
  afterAll(() => sb?.close());

  it('a fault on a unified route hits every spelling of it the bridge serves, and msw serves the same spellings', async () => {
    const paths = variants('/unified/ats/:category/packages');
    const headers = { authorization: basic(sb.apiKey, ''), 'x-account-id': sb.accounts.greenhouse.id };
    const served = new Map<string, number>();
    for (const p of paths) served.set(p, (await fetch(`${sb.urls.bridge}${p}`, { headers })).status);
    expect(served.get('/unified/ats/assessments/packages')).toBe(200);
    expect(served.get('/UNIFIED/ATS/assessments/PACKAGES')).toBe(200);

    const rule = routeMatcher({ method: 'GET', path: '/unified/ats/assessments/packages' });
    const add = await fetch(`${sb.urls.controlPlane}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json', [SANDBOX_HEADER]: '1' }, body: JSON.stringify({ target: 'bridge', route: { method: 'GET', path: '/unified/ats/assessments/packages' }, action: { type: 'status', status: 503 } }) });
    expect(add.status).toBe(201);
    for (const p of paths) {
      const status = (await fetch(`${sb.urls.bridge}${p}`, { headers })).status;
      // every spelling the bridge serves is faulted; a spelling the rule's pattern does not match is left alone
      if (served.get(p) === 200 || rule('GET', p)) expect(status, p).toBe(503);
      else expect(status, p).toBe(served.get(p));
    }
    await fetch(`${sb.urls.controlPlane}/_sandbox/faults`, { method: 'DELETE', headers: { [SANDBOX_HEADER]: '1' } });

    const mock = createBridgeHandlers({ baseUrl: 'https://api.stackone.test', apiKey: sb.apiKey });
    for (const p of paths) {
      const res = await getResponse(mock.handlers, new Request(`https://api.stackone.test${p}`, { headers }));
      const bridge = served.get(p)!;
      // msw serves (answers at all) exactly the paths the bridge routes; the bridge's 404 for another path is msw's pass-through
      if (bridge === 404) expect(res?.status ?? 404, p).toBe(404);
      else expect(res?.status, p).toBe(bridge);
    }
  });
});
