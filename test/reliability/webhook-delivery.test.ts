/**
 * Order webhook delivery, beyond test/bridge/order-webhooks.test.ts: the backoff's jitter stays in
 * its bounds (in the formula and in the gaps between real attempts), a partner that comes back gets
 * the order exactly once and nothing more is sent, the reference partner drops a repeated delivery
 * by its order id (one order, one result), and a dead letter is visible and can be redelivered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { basic } from '../../harness/signing.ts';
import { partnerHeaders } from '../helpers.ts';
import { send, until } from './support.ts';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const behaviour = (s: Sandbox, b: Record<string, unknown>) => send(`${s.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
const placeOrder = async (s: Sandbox): Promise<string> => {
  const a = await send(`${s.urls.bridge}/unified/ats/assessments/orders`, { method: 'POST', headers: partnerHeaders(s, 'teamtailor'), body: JSON.stringify({ package: { id: 'pkg_logic' }, candidate: { id: 'c1' } }) });
  expect(a.status).toBe(200);
  return (a.json as { id: string }).id;
};
const deliveryOf = (s: Sandbox, orderId: string) => s.bridge!.dispatcher.list().find((d) => d.orderId === orderId);

describe('webhook delivery', () => {
  it('backs off exponentially with jitter between half and all of each step, capped', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, only: ['bridge'], delivery: { baseDelayMs: 100, maxDelayMs: 1_000 } });
    const d = sb.bridge!.dispatcher;
    for (let attempt = 1; attempt <= 8; attempt++) {
      const step = Math.min(1_000, 100 * 2 ** (attempt - 1));
      const samples = Array.from({ length: 400 }, () => d.backoff(attempt));
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(step / 2);
      expect(Math.max(...samples)).toBeLessThanOrEqual(step);
      // jitter: the samples spread over the range instead of repeating one value
      expect(new Set(samples).size).toBeGreaterThan(Math.min(40, step / 4));
      expect(Math.max(...samples) - Math.min(...samples)).toBeGreaterThan(step / 4);
    }
  });

  it('keeps the real gaps between attempts within the backoff bounds, then delivers once when the partner is back', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { completeAfterMs: 0 }, delivery: { baseDelayMs: 40, maxDelayMs: 400, maxAttempts: 10 } });
    await behaviour(sb, { webhook: 'fail-then-recover', failuresBeforeRecovery: 4 });
    const id = await placeOrder(sb);
    const s = sb;
    const d = await until('delivered', () => (deliveryOf(s, id)?.state === 'delivered' ? deliveryOf(s, id) : undefined), 8_000);
    expect(d.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500, 200]);
    const at = d.attempts.map((a) => Date.parse(a.at));
    for (let i = 1; i < at.length; i++) {
      const step = Math.min(400, 40 * 2 ** (i - 1));
      // an attempt's time is taken when its answer came: allow the answer time plus scheduling slack
      expect(at[i] - at[i - 1], `gap before attempt ${i + 1}`).toBeGreaterThanOrEqual(step / 2 - 5);
      expect(at[i] - at[i - 1], `gap before attempt ${i + 1}`).toBeLessThanOrEqual(step + 250);
    }
    // delivered once: nothing more is sent, the partner holds one order and wrote one result
    await until('the partner result', () => s.bridge!.orders.byId(id)!.results.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(deliveryOf(s, id)!.attempts).toHaveLength(5);
    const hops = sb.journal.query({ orderId: id, hop: 'order-webhook', limit: 100 }).filter((h) => h.direction === 'out');
    expect(hops.map((h) => h.status)).toEqual([500, 500, 500, 500, 200]);
    expect(sb.bridge!.orders.byId(id)!.results).toHaveLength(1);
  });

  it('lets the partner drop a repeated delivery by its order id: one order, one result', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { completeAfterMs: 0 } });
    const id = await placeOrder(sb);
    const s = sb;
    await until('the first result', () => s.bridge!.orders.byId(id)!.results.length === 1);
    const dlv = deliveryOf(sb, id)!;
    // the bridge sends the same delivery twice more (no Idempotency-Key by default: StackOne documents none)
    for (let i = 0; i < 2; i++) {
      const r = await send(`${sb.urls.bridge}/_sandbox/deliveries/${dlv.id}/redeliver`, { method: 'POST', headers: { authorization: basic(sb.apiKey, ''), 'x-ats-sandbox': '1' } });
      expect(r.status).toBe(200);
      await until('redelivered', () => (deliveryOf(s, id)!.attempts.length === i + 2 && deliveryOf(s, id)!.state === 'delivered') || undefined);
    }
    expect(deliveryOf(sb, id)!.attempts.map((a) => a.status)).toEqual([200, 200, 200]);
    await new Promise((r) => setTimeout(r, 200));
    const orders = (await send(`${sb.urls.partner}/_partner/orders`)).json as { id: string; deliveryIds: string[] }[];
    expect(orders.filter((o) => o.id === id)).toHaveLength(1);
    expect(sb.bridge!.orders.byId(id)!.results).toHaveLength(1);
  });

  it('dead-letters after the limit, shows it on the control plane, and delivers it once when redelivered by hand', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { completeAfterMs: 0 }, delivery: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 } });
    await behaviour(sb, { webhook: 'http-500' });
    const id = await placeOrder(sb);
    const s = sb;
    await until('dead', () => deliveryOf(s, id)?.state === 'dead');
    const state = (await sb.admin.state()) as { bridge: { deliveries: { orderId: string; state: string; attempts: unknown[] }[] } };
    const shown = state.bridge.deliveries.find((d) => d.orderId === id)!;
    expect(shown.state).toBe('dead');
    expect(shown.attempts).toHaveLength(3);
    await behaviour(sb, { webhook: 'ok' });
    await send(`${sb.urls.bridge}/_sandbox/deliveries/${deliveryOf(sb, id)!.id}/redeliver`, { method: 'POST', headers: { authorization: basic(sb.apiKey, ''), 'x-ats-sandbox': '1' } });
    await until('delivered', () => deliveryOf(s, id)?.state === 'delivered');
    await until('the result', () => s.bridge!.orders.byId(id)!.results.length === 1);
    expect(deliveryOf(sb, id)!.attempts.map((a) => a.status)).toEqual([500, 500, 500, 200]);
  });
});
