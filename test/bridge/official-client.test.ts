/**
 * StackOne's own TypeScript SDK, pointed at the bridge with `serverURL`, works unchanged: the
 * strongest evidence that the bridge is wire-compatible with StackOne's API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StackOne } from '@stackone/stackone-client-ts';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';

let sb: Sandbox;
let client: StackOne;
const account = 'acct_teamtailor_demo';

beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
  client = new StackOne({ serverURL: sb.urls.bridge, security: { username: sb.apiKey, password: '' }, retryConfig: { strategy: 'none' } });
});
afterAll(() => sb.close());

describe('the official @stackone/stackone-client-ts against the bridge', () => {
  it('lists assessment and background-check packages', async () => {
    const page = await client.ats.listAssessmentsPackages({ xAccountId: account });
    expect(page.assessmentPackagePaginated?.data?.map((p) => p.id)).toEqual(['pkg_js_senior', 'pkg_logic']);
    const bg = await client.ats.listBackgroundCheckPackages({ xAccountId: account });
    const standard = bg.backgroundCheckPackagePaginated?.data?.find((p) => p.id === 'bgc_standard');
    expect(standard?.tests?.map((t) => t.name)).toEqual(['Identity verification', 'Criminal record']);
  });

  it('gets one package, and creates, updates and deletes a background-check package', async () => {
    const one = await client.ats.getAssessmentsPackage({ xAccountId: account, id: 'pkg_logic' });
    expect(one.assessmentPackageResult?.data.name).toBe('Logical reasoning');
    const created = await client.ats.createBackgroundCheckPackage({ xAccountId: account, atsCreateBackgroundCheckPackagesRequestDto: { name: 'Driving licence', description: 'DVLA check', tests: [{ name: 'Licence', description: 'valid licence' }] } });
    const id = created.createResult?.data.id as string;
    expect(created.createResult?.statusCode).toBe(201);
    const updated = await client.ats.updateBackgroundCheckPackage({ xAccountId: account, id, atsUpdateBackgroundCheckPackagesRequestDto: { name: 'Driving licence (UK)' } });
    expect(updated.updateResult?.message).toBe('Record updated successfully.');
    const got = await client.ats.getBackgroundCheckPackage({ xAccountId: account, id });
    expect(got.backgroundCheckPackageResult?.data.name).toBe('Driving licence (UK)');
    const deleted = await client.ats.deleteBackgroundCheckPackage({ xAccountId: account, id });
    expect(deleted.deleteResult?.statusCode).toBe(204);
  });

  it('places orders and updates assessment and background-check results', async () => {
    const order = await client.ats.orderAssessmentsRequest({
      xAccountId: account,
      atsCreateCandidatesAssessmentsRequestDto: { package: { id: 'pkg_logic' }, candidate: { id: 'cand_sdk', firstName: 'Sam', lastName: 'Dee', emails: [{ type: 'personal', value: 'sam@example.com' }] } },
    });
    const orderId = order.createAssessmentOrderResult?.id as string;
    expect(orderId).toMatch(/^ord_/);
    const updated = await client.ats.updateAssessmentsResult({
      xAccountId: account,
      id: orderId,
      atsUpdateCandidatesAssessmentsResultsRequestDto: {
        score: { label: 'Percentage', value: '80', min: '0', max: '100' },
        startDate: new Date('2026-03-01T10:20:00.000Z'),
        submissionDate: new Date('2026-03-01T11:45:00.000Z'),
        summary: 'Test is passed',
        resultUrl: 'https://partner.example/reports/abc',
      },
    });
    expect(updated.updateResult?.statusCode).toBe(200);

    const bg = await client.ats.orderBackgroundCheckRequest({ xAccountId: account, atsCreateBackgroundCheckOrderRequestDto: { package: { id: 'bgc_standard' }, candidate: { id: 'cand_sdk' } } });
    const bgId = bg.createBackgroundCheckOrderResult?.id as string;
    const bgUpdated = await client.ats.updateBackgroundCheckResult({ xAccountId: account, id: bgId, atsUpdateBackgroundCheckResultRequestDto: { summary: 'Clear' } });
    expect(bgUpdated.updateResult?.statusCode).toBe(200);

    const state = (await sb.admin.state()) as { bridge: { orders: { id: string; results: { body: { summary?: string } }[] }[] } };
    expect(state.bridge.orders.find((o) => o.id === orderId)?.results[0].body.summary).toBe('Test is passed');
    expect(state.bridge.orders.find((o) => o.id === bgId)?.results[0].body.summary).toBe('Clear');
  });

  it('reads connector meta and linked accounts', async () => {
    const meta = await client.connectors.getConnectorMeta({ provider: 'greenhouse' });
    expect(meta.connectorsMeta?.provider).toBe('greenhouse');
    expect(Object.keys(meta.connectorsMeta?.models ?? {})).toContain('assessments/results');
    const accounts = await client.accounts.listLinkedAccounts({});
    expect(accounts.classes?.map((a) => a.provider).sort()).toEqual(['greenhouse', 'recruitee', 'smartrecruiters', 'teamtailor']);
    const one = await client.accounts.getAccount({ id: account });
    expect(one.linkedAccount?.provider).toBe('teamtailor');
  });

  it('surfaces the bridge\'s errors as the SDK\'s typed errors', async () => {
    const bad = new StackOne({ serverURL: sb.urls.bridge, security: { username: 'not-the-key', password: '' }, retryConfig: { strategy: 'none' } });
    await expect(bad.ats.listAssessmentsPackages({ xAccountId: account })).rejects.toMatchObject({ statusCode: 401 });
    await expect(client.ats.updateAssessmentsResult({ xAccountId: account, id: 'ord_missing', atsUpdateCandidatesAssessmentsResultsRequestDto: { summary: 'x' } })).rejects.toMatchObject({ statusCode: 404 });
  });
});
