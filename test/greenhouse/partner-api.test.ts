/** Auth type `Partner API`: orders carry no hiring team (seed 003 troubleshooting), and no Harvest call is made. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 }, providers: { greenhouse: { authType: 'partner' } } });
});
afterAll(() => sb.close());

it('with Partner API the order has candidate and application but no job hiring team', async () => {
  const report = await sb.admin.sendTest('greenhouse');
  expect(report.ok).toBe(true);
  const orders = (await fetch(`${sb.urls.partner}/_partner/orders`).then((r) => r.json())) as any[];
  const o = orders.find((x) => x.id === report.orderId)!.payload.event_data;
  expect(o.candidate.first_name).toBe('Ada');
  expect(o.application.remote_id).toBe('26234709');
  expect(o.job?.hiring_team).toBeUndefined();
  expect(sb.journal.query({ hop: 'provider-lookup' })).toEqual([]);
});
