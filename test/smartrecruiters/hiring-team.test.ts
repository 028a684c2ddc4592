/** The hiring team on SmartRecruiters orders depends on the auth type; the requester always travels. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { call } from './sr-helpers.ts';

let full: Sandbox;
let partnerOnly: Sandbox;
beforeAll(async () => {
  [full, partnerOnly] = await Promise.all([
    startSandbox({ ports: 0, partner: { completeAfterMs: 20, autoComplete: false } }),
    startSandbox({ ports: 0, partner: { completeAfterMs: 20, autoComplete: false }, providers: { smartrecruiters: { authType: 'partner' } } }),
  ]);
});
afterAll(async () => {
  await Promise.all([full?.close(), partnerOnly?.close()]);
});

async function orderSeenByPartner(sb: Sandbox) {
  const report = await sb.admin.sendTest('smartrecruiters', { category: 'assessment', recruiterId: 'rec_mira' });
  expect(report.ok).toBe(true);
  const orders = (await call(`${sb.urls.partner}/_partner/orders`)).json;
  return orders.find((o: { id: string }) => o.id === report.orderId).payload.event_data;
}

describe('SmartRecruiters hiring team by auth type', () => {
  it('Public + Partner API: the job carries the requester as its hiring team', async () => {
    const order = await orderSeenByPartner(full);
    expect(order.job.hiring_team).toEqual([{ user_id: '0e500000-0000-4000-8000-000000003312', remote_user_id: '0e500000-0000-4000-8000-000000003312', first_name: null, last_name: null, email: 'mira.santos@acme.example', role: 'recruiter' }]);
    expect(order.requester.email).toBe('mira.santos@acme.example');
    expect(order.candidate).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', emails: [{ type: 'personal', value: 'ada@example.com' }] });
    expect(order.job.title).toBe('Backend Engineer');
  });

  it('Partner API: no hiring team, the requester still there', async () => {
    const order = await orderSeenByPartner(partnerOnly);
    expect(order.job.hiring_team).toBeUndefined();
    expect(order.requester.email).toBe('mira.santos@acme.example');
  });
});
