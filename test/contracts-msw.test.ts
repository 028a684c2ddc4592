/**
 * ats-sandbox/msw used the way a partner would: its own fetch-based client code against a fake base
 * URL, in a unit test. And the handlers cannot drift from the real bridge: the same requests get the
 * same answers from both. (msw only; Pact tests live in other files, deps.md msw pitfall.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
// imported by package name, as a partner does (resolved through package.json "exports")
import { createBridgeHandlers } from 'ats-sandbox/msw';
import { startSandbox, type Sandbox } from '../harness/sandbox.ts';

// ---- the partner's own code under test -------------------------------------------------------
const BASE = 'https://api.stackone.test';
const API_KEY = 'v1.sandbox.demo-api-key-0001';
const auth = (account: string) => ({ authorization: `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`, 'x-account-id': account, 'content-type': 'application/json' });

async function listPackages(base: string, account: string): Promise<{ id: string; name: string }[]> {
  const res = await fetch(`${base}/unified/ats/assessments/packages`, { headers: auth(account) });
  if (!res.ok) throw new Error(`packages: ${res.status}`);
  return ((await res.json()) as { data: { id: string; name: string }[] }).data;
}

async function reportScore(base: string, account: string, orderId: string, score: number): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/unified/ats/assessments/orders/${orderId}/result`, {
    method: 'PATCH',
    headers: auth(account),
    // a typical partner bug, switchable: numbers where StackOne wants strings
    body: JSON.stringify({ score: { label: 'Percentage', value: Number.isInteger(score) ? String(score) : score, min: '0', max: '100' }, result: { value: 'passed', source_value: 'Passed' }, result_url: 'https://partner.example/r/1' }),
  });
  return { status: res.status, body: await res.json() };
}
// -------------------------------------------------------------------------------------------------

const bridge = createBridgeHandlers({ baseUrl: BASE });
const server = setupServer(...bridge.handlers);
let sb: Sandbox;

beforeAll(async () => {
  // anything but the real sandbox on 127.0.0.1 must be handled
  server.listen({ onUnhandledRequest: (req, print) => (new URL(req.url).hostname === '127.0.0.1' ? undefined : print.error()) });
  sb = await startSandbox({ ports: 0, only: ['bridge', 'partner'], partner: { autoComplete: false } });
});
afterEach(() => {
  server.resetHandlers();
  bridge.reset();
});
afterAll(async () => {
  server.close();
  await sb?.close();
});

describe('ats-sandbox/msw', () => {
  it('serves the packages of the sandbox catalogue to the partner\'s client', async () => {
    expect(await listPackages(BASE, 'acct_greenhouse_demo')).toEqual([
      expect.objectContaining({ id: 'pkg_js_senior', name: 'JavaScript – Senior' }),
      expect.objectContaining({ id: 'pkg_logic', name: 'Logical reasoning' }),
    ]);
  });

  it('accepts a valid result for an order it knows, and records it', async () => {
    bridge.addOrder({ id: 'ord_unit_1', category: 'assessment', accountId: 'acct_greenhouse_demo' });
    const r = await reportScore(BASE, 'acct_greenhouse_demo', 'ord_unit_1', 82);
    expect(r).toMatchObject({ status: 200, body: { statusCode: 200, message: 'Record updated successfully.' } });
    expect(bridge.orders.get('ord_unit_1')?.results[0].score?.value).toBe('82');
  });

  it('refuses a number where a string belongs with the bridge\'s ValidationError, pointing at the field', async () => {
    bridge.addOrder({ id: 'ord_unit_2', category: 'assessment' });
    const r = await reportScore(BASE, 'acct_greenhouse_demo', 'ord_unit_2', 82.5);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ statusCode: 400, errorCode: 'ValidationError', details: [expect.objectContaining({ pointer: '/score/value' })] });
  });

  it('refuses a missing x-account-id, a wrong API key and an unknown order like the bridge', async () => {
    const noAccount = await fetch(`${BASE}/unified/ats/assessments/packages`, { headers: { authorization: auth('x').authorization } });
    expect(((await noAccount.json()) as any).errorCode).toBe('MissingAccountIdError');
    const wrongKey = await fetch(`${BASE}/unified/ats/assessments/packages`, { headers: { authorization: 'Basic d3Jvbmc6', 'x-account-id': 'acct_greenhouse_demo' } });
    expect(wrongKey.status).toBe(401);
    expect((await reportScore(BASE, 'acct_greenhouse_demo', 'ord_nope', 50)).body.errorCode).toBe('NotFoundError');
  });

  it('refuses a second Greenhouse update with 409 DuplicateResultUpdateError', async () => {
    bridge.addOrder({ id: 'ord_gh', category: 'assessment', accountId: 'acct_greenhouse_demo' });
    expect((await reportScore(BASE, 'acct_greenhouse_demo', 'ord_gh', 70)).status).toBe(200);
    expect((await reportScore(BASE, 'acct_greenhouse_demo', 'ord_gh', 80)).body).toMatchObject({ statusCode: 409, errorCode: 'DuplicateResultUpdateError' });
  });

  it('can be overridden per test with server.use (e.g. the bridge is down)', async () => {
    server.use(http.get(`${BASE}/unified/ats/assessments/packages`, () => HttpResponse.json({ statusCode: 502, message: 'Bad Gateway', timestamp: new Date().toISOString() }, { status: 502 })));
    await expect(listPackages(BASE, 'acct_greenhouse_demo')).rejects.toThrow(/packages: 502/);
  });

  it('answers exactly what the real bridge answers (packages list, order, invalid result)', async () => {
    const strip = (x: any) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'timestamp' ? '<t>' : v)));
    const both = async (path: string, init: RequestInit) => {
      const [a, b] = await Promise.all([fetch(`${BASE}${path}`, init), fetch(`${sb.urls.bridge}${path}`, init)]);
      return [{ status: a.status, body: strip(await a.json()) }, { status: b.status, body: strip(await b.json()) }];
    };
    const [mswList, realList] = await both('/unified/ats/background_checks/packages', { headers: auth('acct_greenhouse_demo') });
    expect(mswList).toEqual(realList);
    const badResult = { method: 'PATCH', headers: auth('acct_greenhouse_demo'), body: JSON.stringify({ score: { value: 80 }, result: 'passed' }) };
    const [mswBad, realBad] = await both('/unified/ats/assessments/orders/ord_x/result', badResult);
    expect(mswBad).toEqual(realBad);
    expect(mswBad.status).toBe(400);
    const [mswNoKey, realNoKey] = await both('/unified/ats/assessments/packages', { headers: { 'x-account-id': 'acct_greenhouse_demo' } });
    expect(mswNoKey).toEqual(realNoKey);
  });
});
