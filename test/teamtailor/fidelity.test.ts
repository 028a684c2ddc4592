/**
 * Teamtailor details from its docs: a webhook for a package the partner does not list places no order
 * (422 text/plain in Teamtailor's example words, shown on the card); assessment-criteria ids must be in
 * the config; scores are whole numbers (setting integerScores [I]).
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
});
afterAll(() => sb.close());

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const providerKey = () => {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ externalTriggerToken: sb.accounts.teamtailor.externalTriggerToken })}`;
  return `${input}.${createHmac('sha256', sb.accounts.teamtailor.native.partnerApiKey).update(input).digest('base64url')}`;
};
const event = (packageId: string, prId: string) => ({
  'partner-event': {
    id: `evt-${prId}`,
    'webhook-data': { 'package-id': packageId },
    'partner-result': { id: prId, status: 'sending', 'update-url': `${sb.urls.teamtailor}/partner/v1/partner-results/${prId}` },
    candidate: { id: 54321, 'first-name': 'Ada', 'last-name': 'Lovelace', email: 'ada@example.com', job: { id: 12345, title: 'Backend Engineer' }, recruiter: { name: 'Edison Kuhn', email: 'edison.kuhn@acme.example' } },
  },
  company: { uuid: 'tt-acme-7f3a', name: 'Acme Robotics' },
});
const orders = async () => ((await sb.admin.state()) as { bridge: { orders: unknown[] } }).bridge.orders.length;
const putResult = (id: string, attributes: Record<string, unknown>) =>
  fetch(`${sb.urls.teamtailor}/partner/v1/partner-results/${id}`, {
    method: 'PUT',
    headers: { authorization: `Token ${sb.accounts.teamtailor.native.partnerApiKey}`, 'x-api-version': '20180828', 'content-type': 'application/vnd.api+json' },
    body: JSON.stringify({ data: { type: 'partner-results', id, attributes } }),
  });

describe('Teamtailor fidelity', () => {
  it('a webhook for a package the partner does not list: 422 text/plain "Package … is not enabled for this account", no order', async () => {
    const before = await orders();
    const res = await fetch(`${sb.urls.bridge}/external-trigger/teamtailor/webhook`, { method: 'POST', headers: { authorization: `Bearer ${providerKey()}`, 'content-type': 'application/json' }, body: JSON.stringify(event('pkg_unknown', 'pr-unknown-1')) });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('Package pkg_unknown is not enabled for this account');
    expect(await orders()).toBe(before);
    const ok = await fetch(`${sb.urls.bridge}/external-trigger/teamtailor/webhook`, { method: 'POST', headers: { authorization: `Bearer ${providerKey()}`, 'content-type': 'application/json' }, body: JSON.stringify(event('pkg_logic', 'pr-known-1')) });
    expect(ok.status).toBe(200);
    expect(await orders()).toBe(before + 1);
  });

  it('a decimal score is 422 naming the field (integerScores), accepted when the setting is off; unknown criteria ids are 422', async () => {
    const report = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
    expect(report.ok, report.recruiterSees).toBe(true);
    const id = report.nativeId!;
    const dec = await putResult(id, { status: 'completed', assessment: { score: 82.5 } });
    expect(dec.status).toBe(422);
    expect(JSON.stringify(await dec.json())).toContain('/data/attributes/assessment/score');
    expect((await putResult(id, { status: 'completed', assessment: { score: 82 } })).status).toBe(200);
    const crit = await putResult(id, { 'assessment-criteria': [{ id: 'teamwork', score: 70 }] });
    expect(crit.status).toBe(422);
    expect(JSON.stringify(await crit.json())).toContain('assessment-criteria/0/id');
    await fetch(`${sb.urls.teamtailor}/_sandbox/teamtailor/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ integerScores: false }) });
    expect((await putResult(id, { assessment: { score: 82.5 } })).status).toBe(200);
  });
});
