/**
 * Partner API auth: Recruitee sends no job or hiring team and StackOne may not read the Public API,
 * so the order goes out without them. Production: results go to /api, not the RC prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../harness/demo.ts';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { partnerOrders } from './helpers.ts';

let sb: Sandbox;
const environment = DEMO_ACCOUNTS.recruitee.native.environment;
beforeAll(async () => {
  // this file's own module instance (vitest isolates files): the linked account is on Recruitee production
  DEMO_ACCOUNTS.recruitee.native.environment = 'production';
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 }, providers: { recruitee: { authType: 'partner' } } });
});
afterAll(async () => {
  DEMO_ACCOUNTS.recruitee.native.environment = environment;
  await sb.close();
});

describe('Recruitee under Partner API auth, on Production', () => {
  it('the order has the candidate and the test but no job or hiring team, and no Public API read is made', async () => {
    const report = await sb.admin.sendTest('recruitee', { category: 'assessment' });
    expect(report.ok).toBe(true);
    const order = (await partnerOrders(sb)).find((o) => o.id === report.orderId);
    expect(order.payload.event_data.candidate).toMatchObject({ id: '54321', last_name: 'Lovelace' });
    expect(order.payload.event_data.package).toMatchObject({ id: 'pkg_js_senior' });
    expect(order.payload.event_data.job).toBeUndefined();
    expect(order.payload.event_data.application).toBeUndefined();
    expect(report.hops.some((h) => h.hop === 'public-api')).toBe(false);
  });

  it('results are written to the production Partners API (/api) and shown on the row', async () => {
    const report = await sb.admin.sendTest('recruitee', { category: 'background_check' });
    const card = await sb.admin.waitForCard('recruitee', 'cand_ada', (c) => c.results.some((r) => r.nativeId === report.nativeId && r.status.label === 'Completed'));
    expect(card.results.find((r) => r.nativeId === report.nativeId)!.links[0].text).toBe('Open');
    const out = (await sb.admin.journal({ hop: 'result-mapping' })).find((h) => h.service === 'bridge' && h.orderId === report.orderId)!;
    expect(new URL(out.url).pathname).toBe(`/api/p/stackone-sandbox-background-check/reports/${report.nativeId}`);
    expect(out.status).toBe(200);
  });
});
