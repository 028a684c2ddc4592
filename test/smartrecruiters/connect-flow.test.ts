/**
 * SmartRecruiters' connect flow, attachment upload and rate limits, against real servers: the partner's
 * configuration and company integration with the master token, the admin's consent / connect / disable,
 * the missing Order Assessments button, and the multipart results attachment.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { validate } from '../../harness/schemas/registry.ts';
import { BUTTON_MISSING_NOT_CONNECTED, BUTTON_MISSING_NO_PERMISSION, CONNECTED } from '../../mocks/smartrecruiters/connect-flow.ts';
import { call, emulatorToken, form, json, setBehaviour } from './sr-helpers.ts';

let sb: Sandbox;
let sr: string;
let partner: Server;
const disableCalls: string[] = [];

const srError = (r: { status: number; json: any }, status: number, code: string): void => {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(validate('smartrecruiters/error', r.json).valid).toBe(true);
  expect(r.json.errors[0].code).toBe(code);
};
const masterToken = async (): Promise<string> => {
  const r = await call(`${sr}/identity/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'sr_partner_master', client_secret: 'sr_partner_master_secret_demo' }));
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  expect(r.json.scope).toBe('partner_configuration_manage');
  return r.json.access_token;
};
const admin = (path: string, body: unknown = {}) => call(`${sr}/_sandbox/admin/${path}`, json('POST', body));

beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
  sr = sb.urls.smartrecruiters;
  await setBehaviour(sb, { complete: false });
  partner = createServer((req, res) => {
    disableCalls.push(`${req.method} ${req.url}`);
    res.statusCode = 204;
    res.end();
  });
  await new Promise<void>((r) => partner.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  await sb.close();
  await new Promise((r) => partner.close(r));
});

describe('SmartRecruiters partner configuration and company integration [C]', () => {
  it('master token: GET 404 before any PUT; PUT validates (400 naming the field) and GET returns what was saved; a customer token is 403', async () => {
    const master = await masterToken();
    const auth = { authorization: `Bearer ${master}` };
    srError(await call(`${sr}/assessment-api/v202010/partner/configuration`, { headers: auth }), 404, 'PARTNER_CONFIGURATION_NOT_FOUND');
    srError(await call(`${sr}/assessment-api/v202010/partner/configuration`, { headers: { authorization: `Bearer ${await emulatorToken(sb)}` } }), 403, 'MISSING_SCOPE');
    const bad = await call(`${sr}/assessment-api/v202010/partner/configuration`, json('PUT', { consentUrl: 'https://x.example/integration' }, auth));
    srError(bad, 400, 'INVALID_REQUEST');
    expect(JSON.stringify(bad.json)).toContain('consentDisplayMode');
    const base = `${sb.urls.bridge}/external-trigger/smartrecruiters`;
    const cfg = {
      consentUrl: `${base}/integration`,
      consentDisplayMode: 'POPUP',
      assessmentPackageListUrl: `${base}/assessments/packages`,
      singleAssessmentPackageUrl: `${base}/assessments/packages/{assessmentPackageId}`,
      packageOrderUrl: `${base}/assessments/packages/orders`,
      oauthTokenUrl: `${base}/oauth/token`,
      integrationDisableUrl: `http://127.0.0.1:${(partner.address() as AddressInfo).port}/integrations/companies/{companyId}`,
      supportedAssessmentTypes: ['SKILL_TEST'],
    };
    const put = await call(`${sr}/assessment-api/v202010/partner/configuration`, json('PUT', cfg, auth));
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const got = await call(`${sr}/assessment-api/v202010/partner/configuration`, { headers: auth });
    expect(got.json).toEqual(cfg);
  });

  it('POST /integration/company/{id}: 403 without consent, 200 customer credentials after consent, 409 on repeat, 400 bad body; the credentials get a token', async () => {
    const auth = { authorization: `Bearer ${await masterToken()}` };
    const url = `${sr}/assessment-api/v202010/integration/company/OtherCo`;
    srError(await call(url, json('POST', { clientId: 'for-sr', clientSecret: 's3cret' }, auth)), 403, 'CONSENT_REQUIRED');
    const consent = await admin('consent', { companyId: 'OtherCo' });
    expect(consent.json.consentUrl).toContain('companyId=OtherCo');
    srError(await call(url, json('POST', { clientId: 'for-sr' }, auth)), 400, 'INVALID_REQUEST');
    const ok = await call(url, json('POST', { clientId: 'for-sr', clientSecret: 's3cret' }, auth));
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect(validate('smartrecruiters/client-credentials', ok.json).valid).toBe(true);
    srError(await call(url, json('POST', { clientId: 'for-sr', clientSecret: 's3cret' }, auth)), 409, 'ALREADY_INTEGRATED');
    const token = await call(`${sr}/identity/oauth/token`, form({ grant_type: 'client_credentials', client_id: ok.json.clientId, client_secret: ok.json.clientSecret }));
    expect(token.status).toBe(200);
    expect(token.json.scope).toContain('assessment_result_manage');
  });

  it('disable calls the partner\'s integrationDisableUrl; then the Order Assessments button is missing; a wrong token on the consent form is refused; connecting again shows "StackOne Assessments is connected"', async () => {
    const off = await admin('disable', {});
    expect(off.status, JSON.stringify(off.json)).toBe(200);
    expect(off.json.partnerAnswered).toBe(204);
    expect(disableCalls).toContain('DELETE /integrations/companies/AcmeCorp1');
    const missing = await sb.admin.sendTest('smartrecruiters', { category: 'assessment' });
    expect(missing.ok).toBe(false);
    expect(missing.recruiterSees).toBe(BUTTON_MISSING_NOT_CONNECTED);
    const wrong = await admin('connect', { externalTriggerToken: 'ett_wrong_0000' });
    expect(wrong.json.connected).toBe(false);
    expect(wrong.json.adminSees).toContain('External Trigger Token');
    const right = await admin('connect', {});
    expect(right.json).toMatchObject({ connected: true, adminSees: CONNECTED });
    const apps = await call(`${sr}/_sandbox/admin/apps`);
    expect(apps.json.find((a: any) => a.companyId === 'AcmeCorp1').status).toBe(CONNECTED);
    const again = await sb.admin.sendTest('smartrecruiters', { category: 'assessment' });
    expect(again.ok, again.recruiterSees).toBe(true);
  });

  it('a saved integrationDisableUrl without {companyId} gets it appended (path, or ?companyId= with disableUrlCompanyId: query)', async () => {
    const auth = { authorization: `Bearer ${await masterToken()}` };
    const cfg = (await call(`${sr}/assessment-api/v202010/partner/configuration`, { headers: auth })).json;
    const port = (partner.address() as AddressInfo).port;
    await call(`${sr}/assessment-api/v202010/partner/configuration`, json('PUT', { ...cfg, integrationDisableUrl: `http://127.0.0.1:${port}/integrations/companies` }, auth));
    await call(`${sr}/_sandbox/settings`, json('PUT', { disableUrlCompanyId: 'query' }));
    try {
      expect((await admin('disable', {})).json.partnerAnswered).toBe(204);
      expect(disableCalls.at(-1)).toBe('DELETE /integrations/companies?companyId=AcmeCorp1');
      expect((await admin('connect', {})).json.connected).toBe(true);
    } finally {
      await call(`${sr}/_sandbox/settings`, json('PUT', { disableUrlCompanyId: 'path' }));
    }
  });

  it('a user without recruiter permissions has no Order Assessments button; another user has it', async () => {
    const set = await call(`${sr}/_sandbox/settings`, json('PUT', { usersWithoutRecruiterPermission: ['edison.kuhn@acme.example'] }));
    expect(set.status).toBe(200);
    try {
      const denied = await sb.admin.sendTest('smartrecruiters', { category: 'assessment', recruiterId: 'rec_edison' });
      expect(denied.ok).toBe(false);
      expect(denied.recruiterSees).toBe(BUTTON_MISSING_NO_PERMISSION);
      const allowed = await sb.admin.sendTest('smartrecruiters', { category: 'assessment', recruiterId: 'rec_mira' });
      expect(allowed.ok, allowed.recruiterSees).toBe(true);
    } finally {
      await call(`${sr}/_sandbox/settings`, json('PUT', { usersWithoutRecruiterPermission: [] }));
    }
  });
});

describe('SmartRecruiters results attachment upload [C]', () => {
  it('multipart upload → 201 {url}; the file is served and joins the result; wrong part, JSON, unknown order and no token refused', async () => {
    const report = await sb.admin.sendTest('smartrecruiters', { category: 'assessment' });
    expect(report.ok, report.recruiterSees).toBe(true);
    const url = `${sr}/assessment-api/v202010/orders/${report.nativeId}/results/attachment`;
    const auth = { authorization: `Bearer ${await emulatorToken(sb)}` };
    const upload = (name: string) => {
      const fd = new FormData();
      fd.append(name, new Blob(['%PDF-1.4 report'], { type: 'application/pdf' }), 'report.pdf');
      return call(url, { method: 'POST', headers: auth, body: fd });
    };
    const ok = await upload('attachment');
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(Object.keys(ok.json)).toEqual(['url']);
    const file = await fetch(ok.json.url);
    expect(await file.text()).toBe('%PDF-1.4 report');
    const card = await sb.admin.candidate('smartrecruiters', report.candidateId);
    const shown = card.results.find((r) => r.orderId === report.orderId || r.nativeId === report.nativeId);
    expect(JSON.stringify(shown)).toContain(ok.json.url);
    const wrong = await upload('file');
    srError(wrong, 400, 'MISSING_ATTACHMENT');
    expect(wrong.json.message).toContain('file');
    srError(await call(url, json('POST', { url: 'x' }, auth)), 415, 'UNSUPPORTED_MEDIA_TYPE');
    srError(await call(`${sr}/assessment-api/v202010/orders/00000000-0000-4000-8000-000000000000/results/attachment`, { method: 'POST', headers: auth, body: new FormData() }), 404, 'ORDER_NOT_FOUND');
    srError(await call(url, { method: 'POST', body: new FormData() }), 401, 'NOT_AUTHORIZED_TO_ACCESS_RESOURCE');
  });
});

describe('SmartRecruiters rate limits (off by default)', () => {
  it('headers on every answer; enabled, the request beyond the limit gets 429 with Retry-After in SmartRecruiters\' shape', async () => {
    const first = await call(`${sr}/identity/oauth/token`, form({ grant_type: 'client_credentials' }));
    expect(first.headers.get('x-ratelimit-limit')).toBe('10');
    expect(first.headers.get('x-ratelimit-concurrent-limit')).toBe('8');
    await call(`${sr}/_sandbox/settings`, json('PUT', { rateLimit: { enabled: true, requestsPerSecond: 3 } }));
    try {
      const auth = { authorization: 'Bearer sr_rate_probe' };
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await call(`${sr}/assessment-api/v202107/assessment-orders?applicationId=x`, { headers: auth }));
      expect(answers.slice(0, 3).map((a) => a.status)).toEqual([401, 401, 401]);
      srError(answers[3], 429, 'TOO_MANY_REQUESTS');
      expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(answers[3].headers.get('x-ratelimit-remaining')).toBe('0');
    } finally {
      await call(`${sr}/_sandbox/settings`, json('PUT', { rateLimit: { enabled: false } }));
    }
  });
});
