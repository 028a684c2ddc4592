/**
 * A web page must not be able to drive the sandbox (issue 13): DNS-rebinding and cross-site probes
 * against EVERY route of EVERY service, generated from the services' own route tables (express
 * routers walked, direct routes listed). Each probe is refused in that service's own error shape,
 * and nothing it aimed at changed. The real protocol calls (server to server, no Origin) still work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import type { ServiceName } from '../../harness/config.ts';
import { isSandboxRoute } from '../../harness/http/request-guard.ts';
import { partnerHeaders } from '../helpers.ts';
import { everyRoute, fill, raw, type RawAnswer } from './support.ts';
import type { RouteInfo } from '../reliability/routes.ts';

const SERVICE_NAME: Record<ServiceName, string> = { controlPlane: 'control-plane', bridge: 'bridge', teamtailor: 'teamtailor', recruitee: 'recruitee', greenhouse: 'greenhouse', smartrecruiters: 'smartrecruiters', partner: 'partner' };
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The error shape each service answers in, as its clients read it. */
function inShapeOf(service: ServiceName, a: RawAnswer): boolean {
  const j = JSON.parse(a.text) as Record<string, unknown>;
  const errs = j.errors as Record<string, unknown>[] | undefined;
  switch (service) {
    case 'bridge':
    case 'controlPlane':
      return j.statusCode === a.status && typeof j.errorCode === 'string' && typeof j.timestamp === 'string' && typeof j.message === 'string';
    case 'teamtailor':
      return Array.isArray(errs) && errs[0].status === String(a.status) && typeof errs[0].detail === 'string';
    case 'smartrecruiters':
      return Array.isArray(errs) && typeof errs[0].message === 'string';
    case 'greenhouse':
      return typeof j.message === 'string';
    case 'recruitee':
    case 'partner':
      return typeof j.error === 'string' || typeof j.message === 'string';
  }
}

describe('request guard: probes against every route of every service', () => {
  let sb: Sandbox;
  let routes: RouteInfo[];
  const tried: { probe: string; route: string; status: number }[] = [];

  beforeAll(async () => {
    sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 60_000 } });
    routes = everyRoute(sb);
    // something a wipe would remove
    await sb.admin.sendTest('greenhouse', {});
  });
  afterAll(async () => {
    const refused = tried.filter((t) => t.status >= 400).length;
    console.log(`request guard: ${tried.length} probes over ${routes.length} routes of ${Object.keys(sb.apps).length} services, ${refused} refused`);
    await sb?.close();
  });

  const probe = async (name: string, r: RouteInfo, headers: Record<string, string>, body?: string): Promise<RawAnswer> => {
    const port = new URL(sb.urls[r.service]).port;
    const a = await raw(`${sb.urls[r.service]}${fill(r.pattern)}`, r.method, { host: `127.0.0.1:${port}`, ...headers }, body);
    tried.push({ probe: name, route: `${r.service} ${r.method} ${r.pattern}`, status: a.status });
    return a;
  };

  it('finds the route tables of all seven services', () => {
    const services = new Set(routes.map((r) => r.service));
    expect([...services].sort()).toEqual(Object.keys(sb.urls).sort());
    expect(routes.filter((r) => r.service === 'bridge' && r.pattern.startsWith('/unified/')).length).toBeGreaterThan(3); // the direct routes
    expect(routes.length).toBeGreaterThan(60);
  });

  it('DNS rebinding: a Host that is not the service is 421 in its own shape, on every route', async () => {
    const bad: string[] = [];
    for (const r of routes) {
      const port = new URL(sb.urls[r.service]).port;
      for (const host of [`rebind.evil.example:${port}`, 'evil.example', `127.0.0.1.nip.io:${port}`]) {
        const a = await probe(`host ${host}`, r, { host, 'content-type': 'application/json' }, SAFE.has(r.method) ? undefined : '{}');
        if (a.status !== 421 || (r.method !== 'HEAD' && !inShapeOf(r.service, a))) bad.push(`${r.service} ${r.method} ${r.pattern} with Host ${host}: ${a.status} ${a.text.slice(0, 120)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('loopback names (with the port, or none) and the direct IP are accepted', async () => {
    for (const service of Object.keys(sb.urls) as ServiceName[]) {
      const port = new URL(sb.urls[service]).port;
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost', `LOCALHOST:${port}`]) {
        const a = await raw(`${sb.urls[service]}/no-such-route`, 'GET', { host });
        expect(a.status, `${service} Host ${host}`).not.toBe(421);
      }
    }
  });

  it('cross-site: every state-changing route refuses a foreign Origin and Sec-Fetch-Site: cross-site (403, its shape)', async () => {
    const bad: string[] = [];
    for (const r of routes.filter((x) => !SAFE.has(x.method))) {
      const port = new URL(sb.urls[r.service]).port;
      for (const headers of <Record<string, string>[]>[
        { origin: 'https://evil.example', 'content-type': 'application/json' },
        { origin: 'null', 'content-type': 'application/json' },
        { origin: `http://127.0.0.1:${Number(port) + 1}`, 'content-type': 'application/json' },
        { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        { origin: 'https://evil.example', 'content-type': 'text/plain' },
        { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        { origin: 'https://evil.example' },
      ]) {
        const a = await probe(`cross-site ${JSON.stringify(headers)}`, r, headers, headers['content-type'] ? (headers['content-type'].includes('json') ? '{}' : 'a=1') : undefined);
        if (a.status !== 403 || !inShapeOf(r.service, a)) bad.push(`${r.service} ${r.method} ${r.pattern} ${JSON.stringify(headers)}: ${a.status} ${a.text.slice(0, 120)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('sandbox-only actions need JSON or x-ats-sandbox: 1, even without a body (text/plain, form and body-less POSTs are 415)', async () => {
    const bad: string[] = [];
    const actions = routes.filter((r) => !SAFE.has(r.method) && isSandboxRoute(SERVICE_NAME[r.service], fill(r.pattern)));
    expect(actions.length).toBeGreaterThan(15);
    for (const r of actions) {
      for (const [ct, body] of [['text/plain', 'x'], ['application/x-www-form-urlencoded', 'a=1'], ['multipart/form-data; boundary=b', '--b--'], [undefined, undefined]] as const) {
        const a = await probe(`sandbox action ${ct ?? 'no body'}`, r, ct ? { 'content-type': ct } : {}, body);
        if (a.status !== 415 || !inShapeOf(r.service, a)) bad.push(`${r.service} ${r.method} ${r.pattern} ${ct ?? 'no body'}: ${a.status} ${a.text.slice(0, 120)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('after every probe the state is as it was (no reset, no fault rule, no token changed)', async () => {
    const state = (await sb.admin.state()) as { bridge: { orders: unknown[] } };
    expect(state.bridge.orders.length).toBe(1);
    const faults = await raw(`${sb.urls.controlPlane}/_sandbox/faults`, 'GET');
    expect(JSON.parse(faults.text)).toEqual([]);
    // the trigger token still works: a recruiter sends a test
    expect((await sb.admin.sendTest('greenhouse', {})).ok).toBe(true);
  });

  it('the real protocol calls carry no Origin and keep working: form-encoded token endpoint, unified API, body-less sandbox action with the header', async () => {
    const token = await raw(`${sb.urls.smartrecruiters}/identity/oauth/token`, 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, 'grant_type=client_credentials&client_id=x&client_secret=y');
    expect(token.status).not.toBe(403);
    expect(token.status).not.toBe(415);
    const h = partnerHeaders(sb, 'greenhouse');
    const order = await raw(`${sb.urls.bridge}/unified/ats/assessments/orders`, 'POST', h, JSON.stringify({ package: { id: 'pkg_logic' } }));
    expect(order.status).toBeLessThan(300);
    // a same-origin page (Origin equal to the service) may act
    const port = new URL(sb.urls.controlPlane).port;
    const own = await raw(`${sb.urls.controlPlane}/_sandbox/faults`, 'DELETE', { origin: `http://localhost:${port}`, host: `localhost:${port}`, 'sec-fetch-site': 'same-origin', 'x-ats-sandbox': '1' });
    expect(own.status).toBe(200);
  });
});

describe('allowedOrigins: named origins may call, with CORS for them only', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ ports: 0, allowedOrigins: ['https://tools.example.com'] });
  });
  afterAll(() => sb?.close());

  it('answers the preflight of a named origin, refuses others, and sends no CORS headers by default', async () => {
    const pre = await raw(`${sb.urls.controlPlane}/_sandbox/reset`, 'OPTIONS', { origin: 'https://tools.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-ats-sandbox' });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://tools.example.com');
    expect(pre.headers['access-control-allow-headers']).toBe('content-type,x-ats-sandbox');
    const act = await raw(`${sb.urls.controlPlane}/_sandbox/reset`, 'POST', { origin: 'https://tools.example.com', 'x-ats-sandbox': '1' });
    expect(act.status).toBe(200);
    expect(act.headers['access-control-allow-origin']).toBe('https://tools.example.com');
    const other = await raw(`${sb.urls.controlPlane}/_sandbox/reset`, 'OPTIONS', { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const read = await raw(`${sb.urls.controlPlane}/_sandbox/state`, 'GET', { origin: 'https://evil.example' });
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    // still needs JSON or the header: a named origin's form is refused
    expect((await raw(`${sb.urls.controlPlane}/_sandbox/reset`, 'POST', { origin: 'https://tools.example.com', 'content-type': 'text/plain' }, 'x')).status).toBe(415);
  });

  it('a bad origin in the configuration is refused naming the field', async () => {
    await expect(startSandbox({ ports: 0, allowedOrigins: ['https://x.example/path'] })).rejects.toThrow(/allowedOrigins/);
  });
});
