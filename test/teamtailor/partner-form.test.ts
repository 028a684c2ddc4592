/**
 * Teamtailor's calls to the partner base URL: activation, the partner form (package list through
 * GET /config) and the hiring team in the webhook, with the troubleshooting rows of StackOne's guide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';

const CONFIG_FAILED = 'Failed to fetch config from partner: Unable to fetch the partner config';
const put = (url: string, body: unknown) => fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface ReceivedOrder { id: string; payload: { event_data: { job?: { id?: string; remote_id?: string; hiring_team?: { email?: string; role?: string }[] }; candidate?: { id?: string }; package?: { id?: string } } } }
const orders = async (sb: Sandbox): Promise<ReceivedOrder[]> => (await (await fetch(`${sb.urls.partner}/_partner/orders`)).json()) as ReceivedOrder[];

describe('Teamtailor partner form and activation (default sandbox)', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
  });
  afterAll(() => sb.close());

  it('a package list that fails shows exactly the text of StackOne troubleshooting table', async () => {
    for (const mode of ['http-500', 'bare-array']) {
      await put(`${sb.urls.partner}/_partner/behaviour`, { packageList: mode });
      const report = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
      expect(report.ok).toBe(false);
      expect(report.recruiterSees).toBe(CONFIG_FAILED);
      const config = report.hops.find((h) => h.service === 'bridge' && h.direction === 'in' && h.url.includes('/config'));
      expect(config?.status).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(config!.responseBody!).errors[0]).toMatch(/Package's List Endpoint/);
    }
    await put(`${sb.urls.partner}/_partner/behaviour`, { packageList: 'ok' });
    expect((await sb.admin.sendTest('teamtailor', { category: 'assessment' })).ok).toBe(true);
  });

  it("the job's id reaches the package list: Frontend Engineer gets its extra package", async () => {
    const report = await sb.admin.sendTest('teamtailor', { category: 'assessment', candidateId: 'cand_juston', packageId: 'pkg_react_pairing' });
    expect(report.packages?.map((p) => p.id)).toEqual(['pkg_js_senior', 'pkg_logic', 'pkg_react_pairing']);
    expect(report.hops.some((h) => h.service === 'teamtailor' && h.url.includes('/config?job_id=12346&user_id='))).toBe(true);
    const list = report.hops.find((h) => h.service === 'bridge' && h.hop === 'package-list' && h.direction === 'out');
    expect(JSON.parse(list!.requestBody!)).toMatchObject({ job_id: '12346', provider: 'teamtailor' });
    const ada = await sb.admin.sendTest('teamtailor', { category: 'assessment', candidateId: 'cand_ada' });
    expect(ada.packages?.map((p) => p.id)).not.toContain('pkg_react_pairing');
    const order = (await orders(sb)).find((o) => o.id === report.orderId)!;
    expect(order.payload.event_data.package?.id).toBe('pkg_react_pairing');
    expect(order.payload.event_data.job).toMatchObject({ id: '12346', remote_id: '12346' });
    expect(order.payload.event_data.candidate?.id).toBe('54322');
  });

  it('the form is a required select labelled per category', async () => {
    const key = (await (await fetch(`${sb.urls.teamtailor}/_sandbox/teamtailor/partners`)).json()) as { category: string; baseUrl: string }[];
    expect(key.map((p) => p.baseUrl)).toEqual([`${sb.urls.bridge}/external-trigger/teamtailor`, `${sb.urls.bridge}/external-trigger/teamtailor/background_check`]);
    const report = await sb.admin.sendTest('teamtailor', { category: 'background_check' });
    const config = report.hops.find((h) => h.service === 'teamtailor' && h.url.includes('/config'));
    const field = JSON.parse(config!.responseBody!).config.fields[0];
    expect(field).toMatchObject({ id: 'package_id', label: 'Background checks', type: 'select', required: true });
    expect(field.options[0]).toEqual({ id: 'bgc_standard', label: 'Standard background check' });
    const webhook = report.hops.find((h) => h.service === 'teamtailor' && h.url.endsWith('/webhook'));
    expect(JSON.parse(webhook!.requestBody!)['partner-event']['webhook-data']).toEqual({ 'package-id': 'bgc_standard' });
  });

  it('includes the hiring team by default (Public + Partner API)', async () => {
    const report = await sb.admin.sendTest('teamtailor', { category: 'assessment', recruiterId: 'rec_mira' });
    const order = (await orders(sb)).find((o) => o.id === report.orderId)!;
    expect(order.payload.event_data.job?.hiring_team).toEqual([expect.objectContaining({ email: 'mira.santos@acme.example', role: 'recruiter' })]);
  });

  it('activation succeeds with the right External Trigger Token', async () => {
    const res = await post(`${sb.urls.teamtailor}/_sandbox/teamtailor/activate`, { category: 'background_check' });
    expect(await res.json()).toMatchObject({ active: true, status: 200 });
  });

  it('a wrong External Trigger Token: activation refused with the reason, and no form', async () => {
    await put(`${sb.urls.teamtailor}/_sandbox/trigger-token`, { token: 'wrong' });
    try {
      const act = (await (await post(`${sb.urls.teamtailor}/_sandbox/teamtailor/activate`, { category: 'assessment' })).json()) as { active: boolean; status: number; recruiterSees: string };
      expect(act).toMatchObject({ active: false, status: 401 });
      expect(act.recruiterSees).toMatch(/^Invalid External Trigger Token/);
      const partners = (await (await fetch(`${sb.urls.teamtailor}/_sandbox/teamtailor/partners`)).json()) as { activation: { active: boolean } }[];
      expect(partners[0].activation.active).toBe(false);
      const before = (await orders(sb)).length;
      const report = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
      expect(report.ok).toBe(false);
      expect(report.recruiterSees).toBe(CONFIG_FAILED);
      const config = report.hops.find((h) => h.service === 'bridge' && h.url.includes('/config'));
      expect(config?.status).toBe(401);
      expect((await orders(sb)).length).toBe(before);
    } finally {
      await put(`${sb.urls.teamtailor}/_sandbox/trigger-token`, { token: sb.accounts.teamtailor.externalTriggerToken });
    }
  });
});

describe('Teamtailor with a Static Package ID and Partner API auth', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ ports: 0, referencePartner: true, partner: { autoComplete: false }, packages: { assessment: { listUrl: null, staticPackageId: 'PROD_PACKAGE_12345' } }, providers: { teamtailor: { authType: 'partner' } } });
  });
  afterAll(() => sb.close());

  it('offers the static package as one pre-filled text field, and the order carries it', async () => {
    const report = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
    expect(report.ok).toBe(true);
    expect(report.packages).toEqual([{ id: 'PROD_PACKAGE_12345', name: 'PROD_PACKAGE_12345' }]);
    const config = report.hops.find((h) => h.service === 'teamtailor' && h.url.includes('/config'));
    expect(JSON.parse(config!.responseBody!).config.fields).toEqual([{ id: 'package_id', label: 'Assessments', type: 'text', required: true, value: 'PROD_PACKAGE_12345' }]);
    expect(report.hops.some((h) => h.hop === 'package-list')).toBe(false);
    const order = (await orders(sb)).find((o) => o.id === report.orderId)!;
    expect(order.payload.event_data.package?.id).toBe('PROD_PACKAGE_12345');
  });

  it('leaves the hiring team out with Partner API auth', async () => {
    const report = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
    const order = (await orders(sb)).find((o) => o.id === report.orderId)!;
    expect(order.payload.event_data.job).toBeDefined();
    expect(order.payload.event_data.job?.hiring_team).toBeUndefined();
  });
});
