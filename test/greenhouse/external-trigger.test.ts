/** The bridge's /external-trigger/greenhouse/* endpoints called as Greenhouse would, including the wrong ways. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { basic } from '../../harness/signing.ts';
import { call, openOrder } from './support.ts';

let sb: Sandbox;
let auth: string;
const base = () => `${sb.urls.bridge}/external-trigger/greenhouse`;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
  auth = basic(sb.accounts.greenhouse.externalTriggerToken, '');
});
afterAll(() => sb.close());

const sendBody = (url: string) => ({
  partner_test_id: 'pkg_logic',
  candidate: { first_name: 'Grace', last_name: 'Hopper', preferred_name: null, email: 'grace@example.com', phone_number: null, resume_url: null, greenhouse_profile_url: 'https://app.greenhouse.io/people/54323?application_id=26234711' },
  sent_by: null,
  url,
});

describe('Greenhouse → bridge: who may call', () => {
  it.each([
    ['no Authorization', {}, 401, 'UnauthorizedError'],
    ['a token of no Greenhouse account', { authorization: basic('wrong', '') }, 401, 'UnauthorizedError'],
    ["another ATS's External Trigger Token", { authorization: basic('ett_teamtailor_demo_7c41a9', '') }, 401, 'UnauthorizedError'],
  ])('%s → %i', async (_what, headers, status, code) => {
    const res = await call(`${base()}/list_tests?tenant-id=acme-corp`, { headers });
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ statusCode: status, errorCode: code });
    expect(res.json.message).toContain('External Trigger Token');
  });

  it.each([
    ['a missing tenant-id', '/list_tests', 400, '/query/tenant-id'],
    ["another tenant's id", '/list_tests?tenant-id=other-corp', 404, '/query/tenant-id'],
    ['an unknown category', '/list_tests?tenant-id=acme-corp&category=reference_check', 400, '/query/category'],
  ])('%s → %i naming the parameter', async (_what, path, status, pointer) => {
    const res = await call(`${base()}${path}`, { headers: { authorization: auth } });
    expect(res.status).toBe(status);
    expect(res.json.details[0].pointer).toBe(pointer);
  });
});

describe('Greenhouse → bridge: the four endpoints', () => {
  it('list_tests answers the bare array, per category', async () => {
    const a = await call(`${base()}/list_tests?tenant-id=acme-corp`, { headers: { authorization: auth } });
    expect(a.json).toEqual([
      { partner_test_id: 'pkg_js_senior', partner_test_name: 'JavaScript – Senior' },
      { partner_test_id: 'pkg_logic', partner_test_name: 'Logical reasoning' },
    ]);
    const b = await call(`${base()}/list_tests?tenant-id=acme-corp&category=background_check`, { headers: { authorization: auth } });
    expect(b.json.map((t: { partner_test_id: string }) => t.partner_test_id)).toEqual(['bgc_standard', 'bgc_employment']);
  });

  it('send_test validates the body, naming the field', async () => {
    const { candidate: _c, ...noCandidate } = sendBody('https://gh.example/integrations/testing_partners/take_home_tests/1');
    const res = await call(`${base()}/send_test?tenant-id=acme-corp`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(noCandidate) });
    expect(res.status).toBe(400);
    expect(res.json.details).toContainEqual(expect.objectContaining({ pointer: '/candidate', message: 'is required' }));
  });

  it('a repeated send_test for the same take_home_test url gets the same partner_interview_id', async () => {
    const headers = { authorization: auth, 'content-type': 'application/json' };
    const body = JSON.stringify(sendBody(`${sb.urls.greenhouse}/integrations/testing_partners/take_home_tests/424242`));
    const first = await call(`${base()}/send_test?tenant-id=acme-corp`, { method: 'POST', headers, body });
    const again = await call(`${base()}/send_test?tenant-id=acme-corp`, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ partner_interview_id: expect.stringMatching(/^ord_/) });
    expect(again.json.partner_interview_id).toBe(first.json.partner_interview_id);
  });

  it('test_status: not complete before any result; 404 for an unknown id or the other category', async () => {
    const { orderId } = await openOrder(sb);
    const status = (q: string) => call(`${base()}/test_status?tenant-id=acme-corp${q}`, { headers: { authorization: auth } });
    const before = await status(`&partner_interview_id=${orderId}`);
    expect(before.status).toBe(200);
    expect(before.json.partner_status).not.toBe('complete');
    expect((await status('&partner_interview_id=ord_nope')).status).toBe(404);
    expect((await status(`&partner_interview_id=${orderId}&category=background_check`)).status).toBe(404);
    expect((await status('')).json.details[0].pointer).toBe('/query/partner_interview_id');
  });

  it('response_error is acknowledged, kept on the order and refused when malformed', async () => {
    const { orderId } = await openOrder(sb);
    const post = (body: unknown) => call(`${base()}/response_error?tenant-id=acme-corp`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post({ api_call: 'test_status', errors: ['partner_score must be a number'], partner_interview_id: orderId });
    expect(ok.status).toBe(200);
    const order = sb.bridge!.api.findOrder((o) => o.id === orderId)!;
    expect(order.native.responseErrors).toEqual([expect.objectContaining({ api_call: 'test_status', errors: ['partner_score must be a number'] })]);
    expect((await post({ errors: 'x' })).status).toBe(400);
  });
});
