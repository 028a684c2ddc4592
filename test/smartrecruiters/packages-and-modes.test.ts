/** SmartRecruiters package list, the three order modes, and how SmartRecruiters authenticates to the bridge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeToken, call, form, json, setBehaviour } from './sr-helpers.ts';

const INCOMPLETE = "List displays incomplete data. An error occurred while fetching one or more packages from partner. Click 'Reload' button to try to fetch packages again";

let sb: Sandbox;
let trigger: string;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
  trigger = `${sb.urls.bridge}/external-trigger/smartrecruiters`;
});
afterAll(() => sb.close());

describe('SmartRecruiters "Order assessments" pop-up', () => {
  it.each(['http-500', 'empty', 'not-json', 'bare-array'])('partner package list %s → the SmartRecruiters text, nothing ordered', async (mode) => {
    await setBehaviour(sb, { packageList: mode });
    try {
      const report = await sb.admin.sendTest('smartrecruiters', { category: 'assessment' });
      expect(report.ok).toBe(false);
      expect(report.recruiterSees).toBe(INCOMPLETE);
      expect(report.orderId).toBeUndefined();
      expect(report.steps).toEqual([{ step: 'open-form', ok: false, recruiterSees: INCOMPLETE }]);
      const list = report.hops.find((h) => h.service === 'smartrecruiters' && h.direction === 'out' && h.method === 'GET')!;
      expect(list.status).toBe(mode === 'empty' ? 204 : 502);
    } finally {
      await setBehaviour(sb, { packageList: 'ok' });
    }
  });

  it('a wrong External Trigger Token on the consent form is refused at the token URL', async () => {
    const put = await call(`${sb.urls.smartrecruiters}/_sandbox/trigger-token`, json('PUT', { token: 'wrong' }));
    expect(put.status).toBe(200);
    try {
      const report = await sb.admin.sendTest('smartrecruiters', { category: 'assessment' });
      expect(report.ok).toBe(false);
      expect(report.recruiterSees).toBe(INCOMPLETE);
      const tokenHop = report.hops.find((h) => h.service === 'bridge' && h.direction === 'in' && h.url.endsWith('/oauth/token'))!;
      expect(tokenHop.status).toBe(400);
      expect(JSON.parse(tokenHop.responseBody!)).toMatchObject({ error: 'invalid_client' });
      expect(report.hops.some((h) => h.hop === 'package-list')).toBe(false); // never reached the partner
    } finally {
      await call(`${sb.urls.smartrecruiters}/_sandbox/trigger-token`, json('PUT', { token: sb.accounts.smartrecruiters.externalTriggerToken }));
    }
  });
});

describe('the bridge as SmartRecruiters sees it (partner endpoints)', () => {
  it('token URL: company id + External Trigger Token, form-encoded; anything else refused with the reason', async () => {
    const a = sb.accounts;
    const other = await call(`${trigger}/oauth/token`, form({ grant_type: 'client_credentials', client_id: a.smartrecruiters.native.companyId, client_secret: a.teamtailor.externalTriggerToken }));
    expect(other.status).toBe(400);
    expect(other.json.error).toBe('invalid_client');
    expect(other.json.error_description).toContain('teamtailor');
    const wrongId = await call(`${trigger}/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'SomeoneElse', client_secret: a.smartrecruiters.externalTriggerToken }));
    expect(wrongId.json.error_description).toContain('AcmeCorp1');
    const asJson = await call(`${trigger}/oauth/token`, json('POST', { grant_type: 'client_credentials' }));
    expect(asJson.json.error).toBe('invalid_request');
    const grant = await call(`${trigger}/oauth/token`, form({ grant_type: 'password', client_id: 'x', client_secret: 'y' }));
    expect(grant.json.error).toBe('unsupported_grant_type');
    const basic = await call(`${trigger}/oauth/token`, {
      ...form({ grant_type: 'client_credentials' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`AcmeCorp1:${a.smartrecruiters.externalTriggerToken}`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
    expect(basic.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const noBearer = await call(`${trigger}/assessments/packages`);
    expect(noBearer.status).toBe(401);
    expect(noBearer.json.errorCode).toBe('UnauthorizedError');
  });

  it('lists AssessmentPackages per category, with the job from the bound jobId field', async () => {
    const auth = { authorization: `Bearer ${await bridgeToken(sb)}` };
    const a = await call(`${trigger}/assessments/packages?jobId=job_frontend`, { headers: { ...auth, requester: '{"email":"edison.kuhn@acme.example"}' } });
    expect(a.status).toBe(200);
    expect(a.json.map((p: { id: string }) => p.id)).toEqual(['pkg_js_senior', 'pkg_logic', 'pkg_react_pairing']);
    expect(a.json[0]).toEqual({
      id: 'pkg_js_senior',
      name: 'JavaScript – Senior',
      description: '90-minute coding test',
      type: 'SKILL_TEST',
      assessments: [{ id: 'pkg_js_senior', name: 'JavaScript – Senior', description: '90-minute coding test', type: 'SKILL_TEST' }],
    });
    const b = await call(`${trigger}/background_checks/packages`, { headers: auth });
    expect(b.json[0].type).toBe('BACKGROUND_CHECK');
    expect(b.json[0].assessments.map((x: { id: string }) => x.id)).toEqual(['bgc_identity', 'bgc_criminal']);
    const one = await call(`${trigger}/background_checks/packages/bgc_employment`, { headers: auth });
    expect(one.json.name).toBe('Employment history');
    const none = await call(`${trigger}/assessments/packages/bgc_employment`, { headers: auth });
    expect(none.status).toBe(404);
    expect(none.json.message).toBe('No assessment package with given id');
    const badRequester = await call(`${trigger}/assessments/packages`, { headers: { ...auth, requester: '{not json' } });
    expect(badRequester.status).toBe(400);
    const badSegment = await call(`${trigger}/tests/packages`, { headers: auth });
    expect(badSegment.status).toBe(404);
  });

  it('orders: 202 {}, idempotent per SmartRecruiters order id; wrong company, unknown package and foreign callback URLs refused', async () => {
    const auth = { authorization: `Bearer ${await bridgeToken(sb)}` };
    const orderId = '5b7d0c8e-2f1a-4c1e-9d1e-7c6b2a9f0e11';
    const body = {
      resultCallbackURL: `${sb.urls.smartrecruiters}/assessment-api/v202010/orders/${orderId}/results`,
      candidate: { id: 'c-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      job: { id: 'j-1', title: 'Backend Engineer' },
      requester: { userId: 'u-1', email: 'edison.kuhn@acme.example' },
      assessmentPackageId: 'pkg_logic',
      jobId: 'j-1',
      companyId: 'AcmeCorp1',
    };
    const first = await call(`${trigger}/assessments/packages/orders`, json('POST', body, auth));
    expect(first.status).toBe(202);
    expect(first.json).toEqual({});
    const id = first.headers.get('x-sandbox-order-id');
    expect(id).toMatch(/^ord_/);
    const again = await call(`${trigger}/assessments/packages/orders`, json('POST', body, auth));
    expect(again.headers.get('x-sandbox-order-id')).toBe(id);

    const company = await call(`${trigger}/assessments/packages/orders`, json('POST', { ...body, companyId: 'Other' }, auth));
    expect(company.status).toBe(403);
    const pkg = await call(`${trigger}/assessments/packages/orders`, json('POST', { ...body, resultCallbackURL: body.resultCallbackURL.replace('0e11', '0e12'), assessmentPackageId: 'nope' }, auth));
    expect(pkg.status).toBe(404);
    const foreign = await call(`${trigger}/assessments/packages/orders`, json('POST', { ...body, resultCallbackURL: `http://198.51.100.7/orders/${orderId}/results` }, auth));
    expect(foreign.status).toBe(400);
    expect(foreign.json.details[0].pointer).toBe('/resultCallbackURL');
    const missing = await call(`${trigger}/assessments/packages/orders`, json('POST', { ...body, candidate: undefined, jobId: undefined }, auth));
    expect(missing.status).toBe(400);
    expect(missing.json.details.map((d: { pointer: string }) => d.pointer).sort()).toEqual(['/candidate', '/jobId']);
    const inbound = sb.journal.query({ service: 'bridge', hop: 'external-trigger' }).filter((h) => h.method === 'POST' && h.url.endsWith('/packages/orders'));
    expect(inbound.at(-1)?.verdicts?.[0]).toMatchObject({ schema: 'smartrecruiters/package-order-request', valid: false });
  });
});

describe('SmartRecruiters order modes', () => {
  it('inline: the candidate gets the URL the bridge answers, and the partner gets the order', async () => {
    const r = await call(`${sb.urls.smartrecruiters}/_sandbox/recruiter/inline-apply`, json('POST', { candidateId: 'cand_juston' }));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, mode: 'inline', packageId: 'pkg_js_senior' });
    expect(r.json.inlineUrl).toBe(`${trigger}/inline/${r.json.orderId}`);
    expect(r.json.recruiterSees).toContain(r.json.inlineUrl);
    const page = await fetch(r.json.inlineUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Juston');
    const orders = (await call(`${sb.urls.partner}/_partner/orders`)).json;
    const o = orders.find((x: { id: string }) => x.id === r.json.orderId);
    expect(o.payload.event_data.passthrough.smartrecruiters.mode).toBe('inline');
    expect(o.payload.event_data.remote_id).toBe(r.json.nativeId);
    const card = await sb.admin.waitForCard('smartrecruiters', 'cand_juston', (c) => c.results.some((x) => x.orderId === r.json.orderId && x.status.label === 'Completed'));
    expect(card.results.find((x) => x.orderId === r.json.orderId)!.fields).toEqual([{ label: 'Ordered', value: 'Inline assessment (job application)' }]);
  });

  it('auto-trigger: moving the candidate to an AUTO-TRIGGERED step orders without a recruiter click', async () => {
    const r = await call(`${sb.urls.smartrecruiters}/_sandbox/recruiter/move-to-step`, json('POST', { candidateId: 'cand_grace', step: 'Background Check' }));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, mode: 'auto-trigger', step: 'Background Check', category: 'background_check', packageId: 'bgc_standard' });
    expect(r.json.recruiterSees).toMatch(/checkmark/);
    expect(r.json.hops.some((h: { hop?: string }) => h.hop === 'order-webhook')).toBe(true);
    const bad = await call(`${sb.urls.smartrecruiters}/_sandbox/recruiter/move-to-step`, json('POST', { step: 'Offer' }));
    expect(bad.status).toBe(404);
    expect(bad.json.errors[0].code).toBe('STEP_NOT_FOUND');
  });
});
