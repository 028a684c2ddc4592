/** What goes wrong, and how each side words it: results Recruitee cannot take, pop-up errors, and the bridge's external-trigger refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import { POPUP } from '../../mocks/recruitee/wording.ts';
import { CODENAME, partnerBehaviour, partnerOrders, reportsOf } from './helpers.ts';

let sb: Sandbox;
let orderId: string;
let reportId: string;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
  await partnerBehaviour(sb, { complete: false });
  const sent = await sb.admin.sendTest('recruitee', { category: 'assessment' });
  orderId = sent.orderId!;
  reportId = sent.nativeId!;
});
afterAll(() => sb.close());

const pendingRow = async () => (await sb.admin.candidate('recruitee', 'cand_ada')).results.find((r) => r.nativeId === reportId)!;

describe('results Recruitee cannot take', () => {
  it('a result value StackOne does not list is accepted with a warning, and the report keeps its status', async () => {
    const res = await bridgeCall(sb, 'recruitee', 'PATCH', resultPath('assessment', orderId), { result: { value: 'unmapped_value', source_value: 'weird' } });
    expect(res.status).toBe(200);
    expect(res.warnings[0]).toMatch(/^result\.value is "unmapped_value"; not one of StackOne's values: the status is left as it was \(inferred\)/);
    expect((await pendingRow()).status.label).toBe('Sent');
    // a source value that names a StackOne value is read as that value
    const named = await bridgeCall(sb, 'recruitee', 'PATCH', resultPath('assessment', orderId), { result: { value: 'unmapped_value', source_value: 'In Progress' }, score: { label: 'Notes', value: 'halfway' } });
    expect(named.status).toBe(200);
    expect(named.warnings[0]).toMatch(/read as in_progress from result\.source_value \(inferred\)/);
  });

  it('a result with nothing Recruitee shows, or a score without a value, is accepted with a warning that names it', async () => {
    const empty = await bridgeCall(sb, 'recruitee', 'PATCH', resultPath('assessment', orderId), { summary: 'only a summary' });
    expect(empty.status).toBe(200);
    expect(empty.warnings).toEqual([expect.stringContaining('carries none of the fields Recruitee shows')]);
    const noValue = await bridgeCall(sb, 'recruitee', 'PATCH', resultPath('assessment', orderId), { score: { label: 'Percentage', max: '100' } });
    expect(noValue.status).toBe(200);
    expect(noValue.warnings).toEqual([expect.stringMatching(/^score\.value is missing/)]);
  });

  it('when Recruitee itself refuses (score text too long) the partner gets ProviderRefusedError naming its own field', async () => {
    const res = await bridgeCall(sb, 'recruitee', 'PATCH', resultPath('assessment', orderId), { score: { label: 'Notes', value: 'x'.repeat(300) } });
    expect(res.status).toBe(422);
    expect(res.json.errorCode).toBe('ProviderRefusedError');
    expect(res.json.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/score/value']);
    expect(res.json.provider_errors[0]).toMatchObject({ status: 422, url: expect.stringContaining(`/rc/api/p/${CODENAME(sb)}/reports/${reportId}`) });
    expect(res.json.provider_errors[0].raw.errors[0].field).toBe('/score');
    const row = await pendingRow();
    expect(row.score?.text).not.toBe('x'.repeat(300));
    const state = (await bridgeCall(sb, 'recruitee', 'GET', '/_sandbox/state')).json;
    expect(state.orders.find((o: { id: string }) => o.id === orderId).results.at(-1).outcome).toBe('refused');
  });
});

describe('the "Send test" pop-up', () => {
  it('shows the partner\'s explanation when the Package\'s List Endpoint fails', async () => {
    await partnerBehaviour(sb, { packageList: 'http-500' });
    try {
      const r = await sb.admin.sendTest('recruitee', { category: 'assessment' });
      expect(r.ok).toBe(false);
      expect(r.recruiterSees).toBe(POPUP.partnerError('Sandbox Assessments', 'Could not load the packages: Package\'s List Endpoint answered HTTP 500: {"error":"database unavailable"}'));
      expect(r.steps).toHaveLength(1);
    } finally {
      await partnerBehaviour(sb, { packageList: 'ok' });
    }
  });

  it('names the {data} wrapper when the partner answers a bare array', async () => {
    await partnerBehaviour(sb, { packageList: 'bare-array' });
    try {
      const r = await sb.admin.sendTest('recruitee', { category: 'background_check' });
      expect(r.ok).toBe(false);
      expect(r.recruiterSees).toMatch(/^Couldn't load Sandbox Background Checks tests: .*wrap it as \{"data": \[\.\.\.\]\}/);
    } finally {
      await partnerBehaviour(sb, { packageList: 'ok' });
    }
  });

  it('says the token is invalid when Recruitee holds a wrong External Trigger Token, and sends nothing', async () => {
    const before = (await partnerOrders(sb)).length;
    const put = (token: string) => fetch(`${sb.urls.recruitee}/_sandbox/trigger-token`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    expect((await put('wrong')).status).toBe(200);
    try {
      const r = await sb.admin.sendTest('recruitee', { category: 'assessment' });
      expect(r.ok).toBe(false);
      expect(r.recruiterSees).toBe(POPUP.invalidToken('Sandbox Assessments'));
      expect(r.hops.some((h) => h.service === 'bridge' && h.direction === 'in' && h.status === 401)).toBe(true);
    } finally {
      await put(sb.accounts.recruitee.externalTriggerToken);
    }
    expect((await partnerOrders(sb)).length).toBe(before);
  });
});

describe('the bridge\'s Recruitee partner URLs', () => {
  const base = () => `${sb.urls.bridge}/external-trigger/recruitee`;
  const call = async (path: string, init: RequestInit = {}, token: string | null = sb.accounts.recruitee.externalTriggerToken) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const res = await fetch(`${base()}${path}`, { ...init, headers });
    return { status: res.status, json: (await res.json()) as any, headers: res.headers };
  };
  const body = () => ({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', candidate_id: 54321, company_id: 90112, report_id: reportId, test_id: 'pkg_logic', test_name: 'Logical reasoning' });

  it('tests answers a bare array of {name, id}', async () => {
    const r = await call('/assessment/tests');
    expect(r.status).toBe(200);
    expect(r.json).toEqual([{ name: 'JavaScript – Senior', id: 'pkg_js_senior' }, { name: 'Logical reasoning', id: 'pkg_logic' }]);
  });

  it('refuses a missing or foreign token with 401 {error}, another ATS\'s token included', async () => {
    expect((await call('/assessment/tests', {}, null)).json).toEqual({ error: expect.stringContaining('Missing API token') });
    const foreign = await call('/assessment/tests', {}, sb.accounts.teamtailor.externalTriggerToken);
    expect(foreign.status).toBe(401);
    expect(foreign.json.error).toContain('Invalid API token');
  });

  it('refuses reference_check, a bad body and another company, each in {error}', async () => {
    const ref = await call('/reference_check/tests');
    expect(ref.status).toBe(404);
    expect(ref.json.error).toContain('reference_check');
    const bad = await call('/assessment/send_candidate', { method: 'POST', body: JSON.stringify({ ...body(), test_id: 2 }) });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('/test_id');
    const other = await call('/assessment/send_candidate', { method: 'POST', body: JSON.stringify({ ...body(), company_id: 1 }) });
    expect(other.status).toBe(403);
    expect(other.json.error).toContain('90112');
  });

  it('send_candidate answers 201 with x-sandbox-order-id', async () => {
    const r = await call('/assessment/send_candidate', { method: 'POST', body: JSON.stringify(body()) });
    expect(r.status).toBe(201);
    expect(r.headers.get('x-sandbox-order-id')).toBe(r.json.id);
    const order = (await bridgeCall(sb, 'recruitee', 'GET', '/_sandbox/state')).json.orders.find((o: { id: string }) => o.id === r.json.id);
    expect(order.native).toMatchObject({ reportId, codename: CODENAME(sb), companyId: 90112 });
    expect(order.order.package).toMatchObject({ id: 'pkg_logic', name: 'Logical reasoning' });
    expect(await reportsOf(sb, CODENAME(sb))).toHaveLength(1);
  });
});
