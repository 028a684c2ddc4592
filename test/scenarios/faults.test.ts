/**
 * Fault injection through the control plane: per target service and route, a status with a body, a
 * delay, a malformed body, a dropped connection; once, N times or always; listed and cleared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { routeMatcher } from '../../harness/faults/definitions.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { completeAfterMs: 10 } });
});
afterAll(() => sb.close());

const cp = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${sb.urls.controlPlane}${path}`, { method, headers: body === undefined ? { 'x-ats-sandbox': '1' } : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
};
const get = (url: string) => fetch(url).then(async (r) => ({ status: r.status, text: await r.text(), type: r.headers.get('content-type') }));

describe('route patterns', () => {
  it('literal segments, :param and * for one segment, ** for the rest, any method by default', () => {
    const m = routeMatcher({ method: 'PATCH', path: '/unified/ats/*/orders/:id/result' });
    expect(m('PATCH', '/unified/ats/assessments/orders/ord_1/result')).toBe(true);
    expect(m('patch', '/unified/ats/assessments/orders/ord_1/result/')).toBe(true);
    expect(m('GET', '/unified/ats/assessments/orders/ord_1/result')).toBe(false);
    expect(m('PATCH', '/unified/ats/assessments/orders/ord_1')).toBe(false);
    const rest = routeMatcher({ path: '/reports/**' });
    expect(rest('GET', '/reports')).toBe(true);
    expect(rest('DELETE', '/reports/a/b.pdf')).toBe(true);
    expect(rest('GET', '/reportsx')).toBe(false);
  });
});

describe.sequential('POST /_sandbox/faults', () => {
  it('a status with a body, N times, then the service answers as usual; listed with its hits and explanation', async () => {
    const made = await cp('POST', '/_sandbox/faults', { id: 'flt_openapi', target: 'bridge', route: { method: 'GET', path: '/openapi.json' }, action: { type: 'status', status: 503, body: { message: 'maintenance' } }, times: 2 });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ id: 'flt_openapi', target: 'bridge', hits: 0, exhausted: false, explanation: 'bridge: GET /openapi.json → answer HTTP 503 with {"message":"maintenance"}, 2 times (fired 0 of 2)' });
    const a = await get(`${sb.urls.bridge}/openapi.json`);
    const b = await get(`${sb.urls.bridge}/openapi.json`);
    const c = await get(`${sb.urls.bridge}/openapi.json`);
    expect([a.status, b.status, c.status]).toEqual([503, 503, 200]);
    expect(JSON.parse(a.text)).toEqual({ message: 'maintenance' });
    const list = await cp('GET', '/_sandbox/faults');
    expect(list.json).toEqual([expect.objectContaining({ id: 'flt_openapi', target: 'bridge', hits: 2, exhausted: true, explanation: expect.stringContaining('2 times (used up)') })]);
    // the faulted hop says so in the journal
    const hop = sb.journal.query({ service: 'bridge' }).find((h) => h.url === '/openapi.json' && h.status === 503);
    expect(hop?.error).toBe('injected fault flt_openapi: answer HTTP 503 with {"message":"maintenance"}');
    expect((await cp('DELETE', '/_sandbox/faults/flt_openapi')).json).toEqual({ removed: 1 });
    expect((await cp('GET', '/_sandbox/faults')).json).toEqual([]);
  });

  it('once: a malformed body, then the real answer', async () => {
    await cp('POST', '/_sandbox/faults', { target: 'partner', route: { method: 'POST', path: '/packages/assessments' }, action: { type: 'malformed-body' }, times: 'once' });
    const call = () => fetch(`${sb.urls.partner}/packages/assessments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(async (r) => ({ status: r.status, text: await r.text() }));
    const first = await call();
    expect(first.status).toBe(200);
    expect(() => JSON.parse(first.text)).toThrow();
    expect((await call()).status).toBe(401); // the reference partner checks the signature again
  });

  it('a delay, then the answer as usual', async () => {
    await cp('POST', '/_sandbox/faults', { target: 'greenhouse', route: { path: '/_sandbox/recruiter/candidates/:id' }, action: { type: 'delay', ms: 300 }, times: 'once' });
    const t0 = performance.now();
    const card = await cp('GET', '/_sandbox/ats/greenhouse/candidates/cand_ada');
    expect(card.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('a dropped connection: the caller gets no answer, and the journal records it', async () => {
    await cp('POST', '/_sandbox/faults', { id: 'flt_reset', target: 'recruitee', route: { method: 'GET', path: '/_sandbox/recruiter/candidates/*' }, action: { type: 'reset' } });
    await expect(fetch(`${sb.urls.recruitee}/_sandbox/recruiter/candidates/cand_ada`)).rejects.toThrow();
    expect(sb.journal.query({ service: 'recruitee' }).some((h) => h.status === 0 && h.error === 'injected fault flt_reset: drop the connection without an answer')).toBe(true);
  });

  it('DELETE /_sandbox/faults clears every service; an unknown id is a 404; a bad rule names its field', async () => {
    expect((await cp('DELETE', '/_sandbox/faults')).json.removed).toBeGreaterThanOrEqual(1);
    expect((await cp('GET', '/_sandbox/faults')).json).toEqual([]);
    expect((await get(`${sb.urls.recruitee}/_sandbox/recruiter/candidates/cand_ada`)).status).toBe(200);
    const missing = await cp('DELETE', '/_sandbox/faults/flt_nope');
    expect(missing.status).toBe(404);
    const bad = await cp('POST', '/_sandbox/faults', { target: 'bridge', route: { path: 'no-slash' }, action: { type: 'status' } });
    expect(bad.status).toBe(400);
    expect(bad.json.details.map((d: { pointer: string }) => d.pointer)).toEqual(expect.arrayContaining(['/route/path']));
    const unknownTarget = await cp('POST', '/_sandbox/faults', { target: 'workday', route: { path: '/' }, action: { type: 'reset' } });
    expect(unknownTarget.status).toBe(400);
    expect(unknownTarget.json.message).toContain('/target');
  });
});
