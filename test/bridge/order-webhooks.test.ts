/** Order webhooks: signed, only for enabled events, retried with backoff, dead-lettered, idempotent, and surviving a restart. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { listen, type Listening } from '../../harness/http/service-app.ts';
import { verifySignature } from '../../harness/signing.ts';
import { validate } from '../../harness/schemas/registry.ts';
import { bridgeCall } from '../helpers.ts';

interface Received {
  raw: string;
  signature?: string;
  key?: string;
  attempt?: string;
}
let receiver: Listening;
let received: Received[] = [];
let failFirst = 0;

beforeAll(async () => {
  const app = express();
  app.use(express.raw({ type: '*/*' }));
  app.post('/hook', (req, res) => {
    received.push({ raw: req.body.toString('utf8'), signature: req.header('x-stackone-signature'), key: req.header('idempotency-key'), attempt: req.header('x-stackone-delivery-attempt') });
    if (failFirst-- > 0) return void res.status(503).send('busy');
    res.json({ ok: true });
  });
  receiver = await listen(app, 0, '127.0.0.1');
});
afterAll(() => receiver.close());

const placeOrder = (sb: Sandbox, category: 'assessments' | 'background_checks' = 'assessments') =>
  bridgeCall(sb, 'greenhouse', 'POST', `/unified/ats/${category}/orders`, { package: { id: 'pkg_logic' }, candidate: { id: 'c' } }).then((r) => r.json.id as string);

async function until<T>(what: string, f: () => Promise<T | undefined> | T | undefined, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const deliveries = async (sb: Sandbox) => ((await sb.admin.state()) as any).bridge.deliveries as { orderId: string; state: string; attempts: { status: number }[] }[];

describe('order webhooks', () => {
  it('are signed with the webhook secret over the exact bytes sent, and carry the order', async () => {
    received = [];
    failFirst = 0;
    const sb = await startSandbox({ ports: 0, only: ['bridge', 'controlPlane'], webhooks: [{ url: `${receiver.url}/hook`, secret: 'whsec_test_1234' }] });
    try {
      const id = await placeOrder(sb);
      const r = await until('delivery', () => received[0]);
      expect(verifySignature(r.raw, 'whsec_test_1234', r.signature)).toBe(true);
      expect(verifySignature(r.raw, 'another-secret', r.signature)).toBe(false);
      const body = JSON.parse(r.raw);
      expect(validate('unified/order-webhook', body).issues).toEqual([]);
      expect(body).toMatchObject({ event: 'ats_assessments.created', record_id: id, account_id: 'acct_greenhouse_demo', event_data: { id, package: { id: 'pkg_logic' } } });
      expect(body.event_data.results_update_url).toBe(`${sb.urls.bridge}/unified/ats/assessments/orders/${id}/result`);
      // only what StackOne documents: no inferred `data` copy, no inferred delivery headers
      expect(body).not.toHaveProperty('data');
      expect(r.key).toBeUndefined();
      expect(r.attempt).toBeUndefined();
    } finally {
      await sb.close();
    }
  });

  it('go only to webhooks with the event enabled, with configurable event names', async () => {
    received = [];
    const sb = await startSandbox({
      ports: 0,
      only: ['bridge', 'controlPlane'],
      events: { background_check: 'background_check.created' },
      webhooks: [{ url: `${receiver.url}/hook`, events: ['ats_assessments.created'] }],
    });
    try {
      const bg = await placeOrder(sb, 'background_checks');
      const as = await placeOrder(sb);
      await until('assessment delivery', () => received.find((x) => JSON.parse(x.raw).record_id === as));
      expect(received.some((x) => JSON.parse(x.raw).record_id === bg)).toBe(false);
      const order = sb.bridge!.orders.byId(bg)!;
      expect(sb.bridge!.dispatcher.explainNoTarget(order)).toMatch(/No enabled webhook has the event background_check\.created enabled/);
    } finally {
      await sb.close();
    }
  });

  it('are retried with backoff, then delivered once; the inferred data copy and delivery headers only when configured', async () => {
    received = [];
    failFirst = 2;
    const sb = await startSandbox({ ports: 0, only: ['bridge', 'controlPlane'], delivery: { baseDelayMs: 30, maxAttempts: 5 }, orderWebhook: { dataCopy: true, deliveryHeaders: true }, webhooks: [{ url: `${receiver.url}/hook` }] });
    try {
      const id = await placeOrder(sb);
      const d = await until('delivered', async () => (await deliveries(sb)).find((x) => x.orderId === id && x.state === 'delivered'));
      expect(d.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
      expect(new Set(received.map((x) => x.key)).size).toBe(1);
      expect(received[0].key).toMatch(/^dlv_/);
      expect(received.map((x) => x.attempt)).toEqual(['1', '2', '3']);
      const body = JSON.parse(received[0].raw);
      expect(body.data).toEqual(body.event_data);
    } finally {
      await sb.close();
    }
  });

  it('are dead-lettered after the last attempt, visibly', async () => {
    const gone = await listen(express(), 0, '127.0.0.1');
    const url = `${gone.url}/hook`;
    await gone.close();
    const sb = await startSandbox({ ports: 0, only: ['bridge', 'controlPlane'], delivery: { baseDelayMs: 5, maxAttempts: 3 }, webhooks: [{ url }] });
    try {
      const id = await placeOrder(sb);
      const d = await until('dead', async () => (await deliveries(sb)).find((x) => x.orderId === id && x.state === 'dead'));
      expect(d.attempts).toHaveLength(3);
      expect(d.attempts.every((a) => a.status === 0)).toBe(true);
      const hops = await sb.admin.journal({ orderId: id, hop: 'order-webhook' });
      expect(hops.filter((h) => h.direction === 'out').map((h) => h.error)).toEqual(Array(3).fill(expect.stringMatching(/ECONNREFUSED/)));
    } finally {
      await sb.close();
    }
  });

  it('left pending survive a restart and are sent when the partner is back', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ats-sandbox-'));
    received = [];
    failFirst = 1;
    const cfg = { only: ['bridge' as const, 'controlPlane' as const], dataDir, delivery: { baseDelayMs: 400, maxAttempts: 4 }, webhooks: [{ url: `${receiver.url}/hook` }] };
    try {
      const first = await startSandbox({ ports: 0, ...cfg });
      const id = await placeOrder(first);
      // the attempt is recorded once its answer is in: close only then, or the restart repeats it
      await until('first attempt recorded', async () => (await deliveries(first)).find((x) => x.orderId === id && x.attempts.length === 1));
      await first.close();
      const second = await startSandbox({ ports: 0, ...cfg });
      try {
        const d = await until('delivered after restart', async () => (await deliveries(second)).find((x) => x.orderId === id && x.state === 'delivered'));
        expect(d.attempts.map((a) => a.status)).toEqual([503, 200]);
        expect(second.bridge!.orders.byId(id)).toBeDefined();
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
