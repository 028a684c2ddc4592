/**
 * A minimal partner service for verify's tests of what the fixtures (test/fixtures/partners/) do not
 * cover: an order webhook answered 204, and one that refuses the webhook's inferred parts. Written from StackOne's public docs (stackone.md §1.4, §2.4,
 * §3): a package list, an order webhook that checks x-stackone-signature over the raw body, and one
 * result update PATCHed to `${stackoneBaseUrl}/unified/ats/.../orders/{id}/result`.
 */
import express from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

export interface InlinePartner {
  url: string;
  packageListUrl: string;
  webhookUrl: string;
  /** orders received (correctly signed) */
  orders: string[];
  close(): Promise<void>;
}

export async function startInlinePartner(o: { stackoneBaseUrl: string; apiKey: string; webhookSecret: string; fault?: 'webhook-204' | 'refuses-inferred-parts' }): Promise<InlinePartner> {
  const app = express();
  const orders: string[] = [];
  app.use(express.raw({ type: '*/*' }));
  const signed = (raw: Buffer, given: string | undefined) => {
    const want = Buffer.from(createHmac('sha256', o.webhookSecret).update(raw).digest('base64url'));
    const got = Buffer.from(given ?? '');
    return want.length === got.length && timingSafeEqual(want, got);
  };
  app.post('/packages', (req, res) => {
    if (!signed(req.body, req.header('x-stackone-signature'))) return void res.status(401).json({ error: 'bad signature' });
    res.json({ data: [{ id: 'pkg_a', remote_id: 'pkg_a', name: 'Aptitude', description: null }] });
  });
  app.post('/webhook', (req, res) => {
    if (!signed(req.body, req.header('x-stackone-signature'))) return void res.status(401).json({ error: 'bad signature' });
    const event = JSON.parse(req.body.toString('utf8'));
    const order = event.event_data;
    // a partner that trips over what StackOne is not documented to send
    if (o.fault === 'refuses-inferred-parts' && ('data' in event || req.header('idempotency-key'))) return void res.status(400).json({ error: 'unexpected field data' });
    if (o.fault === 'webhook-204') res.status(204).end();
    else res.status(200).send('ok');
    if (orders.includes(order.id)) return;
    orders.push(order.id);
    const assessment = event.record_type !== 'background_check_order';
    const body: Record<string, unknown> = {
      result_url: `${self()}/reports/${order.id}`,
      result: assessment ? { value: 'passed', source_value: 'Passed' } : { value: 'completed', source_value: 'clear' },
      ...(assessment ? { score: { label: 'Score', value: '80', min: '0', max: '100' } } : {}),
    };
    void fetch(`${o.stackoneBaseUrl}/unified/ats/${assessment ? 'assessments' : 'background_checks'}/orders/${order.id}/result`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${o.apiKey}:`).toString('base64')}`, 'x-account-id': event.account_id },
      body: JSON.stringify(body),
    }).catch(() => undefined);
  });
  app.get('/reports/:id', (req, res) => void res.type('text/html').send(`<h1>Report ${req.params.id}</h1>`));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const self = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self(),
    packageListUrl: `${self()}/packages`,
    webhookUrl: `${self()}/webhook`,
    orders,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on right now (for the bridge: never 4010 in tests). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
