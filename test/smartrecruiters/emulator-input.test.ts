/** The SmartRecruiters emulator refuses bad input in SmartRecruiters' own error shape, and keeps its data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { validate } from '../../harness/schemas/registry.ts';
import { call, emulatorToken, form, json, setBehaviour } from './sr-helpers.ts';

let sb: Sandbox;
let resultsUrl: string;
let token: string;
const GOOD = { status: 'COMPLETED', score: { raw: 81, min: 0, max: 100 }, scoreLabel: '81/100', summary: 'Good' };

beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
  await setBehaviour(sb, { complete: false });
  const report = await sb.admin.sendTest('smartrecruiters', { category: 'assessment' });
  resultsUrl = `${sb.urls.smartrecruiters}/assessment-api/v202010/orders/${report.nativeId}/results`;
  token = await emulatorToken(sb);
  const ok = await call(resultsUrl, json('PATCH', GOOD, { authorization: `Bearer ${token}` }));
  expect(ok.status).toBe(200);
  expect(ok.json).toEqual(GOOD);
});
afterAll(() => sb.close());

const expectSrError = (r: { status: number; json: any }, status: number, code: string): void => {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(validate('smartrecruiters/error', r.json).valid).toBe(true);
  expect(r.json.errors[0].code).toBe(code);
  expect(typeof r.json.message).toBe('string');
};

describe('SmartRecruiters emulator input checks', () => {
  it('token endpoint answers in RFC 6749 §5.2 form: wrong and other-ATS credentials invalid_client 401; missing fields, JSON, wrong grant 400', async () => {
    const a = sb.accounts;
    const url = `${sb.urls.smartrecruiters}/identity/oauth/token`;
    const expectOAuth = (r: { status: number; json: any }, status: number, error: string): void => {
      expect(r.status, JSON.stringify(r.json)).toBe(status);
      expect(validate('smartrecruiters/oauth-error', r.json).valid, JSON.stringify(r.json)).toBe(true);
      expect(Object.keys(r.json).sort()).toEqual(['error', 'error_description']);
      expect(r.json.error).toBe(error);
    };
    expectOAuth(await call(url, form({ grant_type: 'client_credentials', client_id: a.smartrecruiters.native.clientId, client_secret: 'nope' })), 401, 'invalid_client');
    expectOAuth(await call(url, form({ grant_type: 'client_credentials', client_id: a.greenhouse.native.partnerUsername, client_secret: a.greenhouse.native.partnerPassword })), 401, 'invalid_client');
    expectOAuth(await call(url, form({ grant_type: 'client_credentials', client_id: a.smartrecruiters.id, client_secret: a.smartrecruiters.externalTriggerToken })), 401, 'invalid_client');
    expectOAuth(await call(url, form({ grant_type: 'client_credentials' })), 400, 'invalid_request');
    expectOAuth(await call(url, json('POST', { grant_type: 'client_credentials' })), 400, 'invalid_request');
    expectOAuth(await call(url, form({ grant_type: 'authorization_code' })), 400, 'unsupported_grant_type');
    expectOAuth(await call(url, form({ grant_type: 'client_credentials', client_id: a.smartrecruiters.native.clientId, client_secret: a.smartrecruiters.native.clientSecret, scope: 'partner_configuration_manage' })), 400, 'invalid_scope');
  });

  it('results: no, unknown, other-ATS and expired tokens are 401', async () => {
    expectSrError(await call(resultsUrl, json('PATCH', { summary: 'x' })), 401, 'NOT_AUTHORIZED_TO_ACCESS_RESOURCE');
    expectSrError(await call(resultsUrl, json('PATCH', { summary: 'x' }, { authorization: 'Bearer sr_made_up' })), 401, 'NOT_AUTHORIZED_TO_ACCESS_RESOURCE');
    expectSrError(await call(resultsUrl, json('PATCH', { summary: 'x' }, { authorization: `Bearer ${sb.accounts.teamtailor.native.partnerApiKey}` })), 401, 'NOT_AUTHORIZED_TO_ACCESS_RESOURCE');
    expectSrError(await call(resultsUrl, json('PATCH', { summary: 'x' }, { authorization: `Basic ${Buffer.from(`${sb.apiKey}:`).toString('base64')}` })), 401, 'NOT_AUTHORIZED_TO_ACCESS_RESOURCE');
    const old = await emulatorToken(sb);
    await call(`${sb.urls.smartrecruiters}/_sandbox/oauth/expire-tokens`, { method: 'POST', headers: { 'x-ats-sandbox': '1' } });
    const expired = await call(resultsUrl, json('PATCH', { summary: 'x' }, { authorization: `Bearer ${old}` }));
    expectSrError(expired, 401, 'NOT_AUTHORIZED_TO_ACCESS_RESOURCE');
    expect(expired.json.errors[0].message).toContain('expired');
    token = await emulatorToken(sb);
  });

  it('results: malformed JSON 400, non-JSON 415, bad status and string score 400 naming the field, missing min 400, unknown order 404', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expectSrError(await call(resultsUrl, json('PATCH', '{"status": "COMPLETED",', auth)), 400, 'INVALID_JSON');
    expectSrError(await call(resultsUrl, { method: 'PATCH', headers: { ...auth, 'content-type': 'text/plain' }, body: 'status=COMPLETED' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const status = await call(resultsUrl, json('PATCH', { status: 'DONE' }, auth));
    expectSrError(status, 400, 'INVALID_PARTIAL_UPDATE');
    expect(status.json.errors.map((e: { message: string }) => e.message).join(' ')).toContain('/status');
    const raw = await call(resultsUrl, json('PATCH', { score: { raw: '90', min: 0, max: 100 } }, auth));
    expectSrError(raw, 400, 'INVALID_PARTIAL_UPDATE');
    expect(raw.json.message).toContain('/score/raw must be integer');
    const noMin = await call(resultsUrl, json('PATCH', { score: { raw: 90, max: 100 } }, auth));
    expectSrError(noMin, 400, 'INVALID_PARTIAL_UPDATE');
    expect(noMin.json.message).toContain('/score/min is required');
    const att = await call(resultsUrl, json('PATCH', { attachments: [{ type: 'DOC', url: 'https://x.example/r' }] }, auth));
    expectSrError(att, 400, 'INVALID_PARTIAL_UPDATE');
    expectSrError(await call(resultsUrl.replace(/orders\/[^/]+/, 'orders/00000000-0000-4000-8000-000000000000'), json('PATCH', GOOD, auth)), 404, 'ORDER_NOT_FOUND');
    expectSrError(await call(resultsUrl, { method: 'PATCH', headers: auth }), 400, 'INVALID_PARTIAL_UPDATE');
  });

  it('kept its data through every refusal; merge-patch+json is accepted', async () => {
    const card = (await sb.admin.candidate('smartrecruiters', 'cand_ada')).results[0];
    expect(card.status.label).toBe('Completed');
    expect(card.score).toEqual({ text: '81/100', value: 81, min: 0, max: 100 });
    expect(card.summary).toBe('Good');
    const ok = await call(resultsUrl, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ scoreLabel: null }) });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ status: 'COMPLETED', score: { raw: 81, min: 0, max: 100 }, summary: 'Good' });
  });

  it('read-back: missing and unknown application ids in the SmartRecruiters shape', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expectSrError(await call(`${sb.urls.smartrecruiters}/assessment-api/v202107/assessment-orders`, { headers: auth }), 400, 'INVALID_REQUEST');
    expectSrError(await call(`${sb.urls.smartrecruiters}/assessment-api/v202107/assessment-orders?applicationId=nope`, { headers: auth }), 404, 'APPLICATION_NOT_FOUND');
    const list = await call(`${sb.urls.smartrecruiters}/assessment-api/v202107/assessment-orders?applicationId=a9900000-0000-4000-8000-000026234709`, { headers: auth });
    expect(list.status).toBe(200);
    expect(validate('smartrecruiters/assessment-orders', list.json).valid).toBe(true);
    expect(list.json[0]).toMatchObject({ status: 'COMPLETED', score: '81', assessmentPackageName: 'JavaScript – Senior' });
    expect(list.headers.get('x-ratelimit-limit')).toBe('10');
  });
});
