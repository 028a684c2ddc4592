/**
 * A small partner service for verify's tests, written from StackOne's public docs (stackone.md §1.4,
 * §2.4, §3): a package list, an order webhook that checks x-stackone-signature over the raw body, and
 * a result update PATCHed to `${stackoneBaseUrl}/unified/ats/.../orders/{id}/result`. `fault` breaks it
 * in one of the ways partners break.
 */
import express from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

export type Fault =
  | 'slow-list'
  | 'list-500'
  | 'list-not-json'
  | 'list-bare-array'
  | 'list-missing-name'
  | 'webhook-500'
  | 'webhook-202'
  | 'webhook-204'
  | 'no-signature-check'
  | 'numeric-score'
  | 'sr-score-without-min-max'
  | 'greenhouse-twice'
  | 'ignores-order'
  | 'wrong-api-key';

export interface InlinePartner {
  url: string;
  packageListUrl: string;
  webhookUrl: string;
  /** orders received (correctly signed) */
  orders: string[];
  close(): Promise<void>;
}

export async function startInlinePartner(o: { stackoneBaseUrl: string; apiKey: string; webhookSecret: string; fault?: Fault; slowMs?: number }): Promise<InlinePartner> {
  const app = express();
  const orders: string[] = [];
  app.use(express.raw({ type: '*/*' }));
  const sig = (raw: Buffer, given: string | undefined) => {
    const want = Buffer.from(createHmac('sha256', o.webhookSecret).update(raw).digest('base64url'));
    const got = Buffer.from(given ?? '');
    return want.length === got.length && timingSafeEqual(want, got);
  };
  app.post('/packages', async (req, res) => {
    if (!sig(req.body, req.header('x-stackone-signature'))) return void res.status(401).json({ error: 'bad signature' });
    const data = [{ id: 'pkg_a', remote_id: 'pkg_a', name: 'Aptitude', description: null }];
    switch (o.fault) {
      case 'slow-list':
        await new Promise((r) => setTimeout(r, o.slowMs ?? 1_000));
        return void res.json({ data });
      case 'list-500':
        return void res.status(500).json({ error: 'boom' });
      case 'list-not-json':
        return void res.type('text/html').send('<html>hello</html>');
      case 'list-bare-array':
        return void res.json(data);
      case 'list-missing-name':
        return void res.json({ data: [{ id: 'pkg_a' }] });
      default:
        return void res.json({ data });
    }
  });
  const seen = new Set<string>();
  app.post('/webhook', (req, res) => {
    if (o.fault === 'webhook-500') return void res.status(500).json({ error: 'down' });
    if (o.fault !== 'no-signature-check' && !sig(req.body, req.header('x-stackone-signature'))) return void res.status(401).json({ error: 'bad signature' });
    const event = JSON.parse(req.body.toString('utf8'));
    const order = event.event_data;
    res.status(o.fault === 'webhook-202' ? 202 : o.fault === 'webhook-204' ? 204 : 200).send(o.fault === 'webhook-204' ? undefined : 'ok');
    if (o.fault === 'ignores-order' || seen.has(order.id)) return;
    seen.add(order.id);
    orders.push(order.id);
    const category = event.record_type === 'background_check_order' ? 'background_check' : 'assessment';
    const seg = category === 'assessment' ? 'assessments' : 'background_checks';
    const body: Record<string, unknown> = { result_url: `${self()}/reports/${order.id}`, summary: 'Done', submission_date: new Date().toISOString() };
    if (category === 'assessment') {
      body.result = { value: 'passed', source_value: 'Passed' };
      body.score = o.fault === 'numeric-score' ? { label: 'Score', value: 80, min: 0, max: 100 } : o.fault === 'sr-score-without-min-max' && event.provider === 'smartrecruiters' ? { label: 'Score', value: '80' } : { label: 'Score', value: '80', min: '0', max: '100' };
    } else body.result = { value: 'completed', source_value: 'clear' };
    const send = () =>
      fetch(`${o.stackoneBaseUrl}/unified/ats/${seg}/orders/${order.id}/result`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${o.fault === 'wrong-api-key' ? 'nope' : o.apiKey}:`).toString('base64')}`, 'x-account-id': event.account_id },
        body: JSON.stringify(body),
      }).catch(() => undefined);
    void (async () => {
      await send();
      if (o.fault === 'greenhouse-twice') await send();
    })();
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
