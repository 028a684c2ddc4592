/**
 * The way to your own partner's webhook, as a service the sandbox can fault: in a scenario run against
 * your partner that injects faults into "the partner" (your webhook down for a while, then back), the
 * bridge delivers order webhooks to this relay, which applies the fault rules (the same rules, the
 * same middleware as every service) and forwards everything else unchanged to your webhook URL:
 * the raw bytes, the signature and the other headers, and your answer back. Your service is never
 * touched; only the way to it breaks.
 */
import type { Journal } from '../journal.ts';
import { createServiceApp, finishServiceApp, listen } from '../http/service-app.ts';
import { createHttpClient } from '../http/client.ts';

export const RELAY_WEBHOOK_PATH = '/_relay/webhook';

/** Request headers a webhook delivery carries that your service may read (hop-by-hop ones are not forwarded). */
const FORWARDED = /^(content-type|x-stackone-.*|idempotency-key|user-agent|x-.*)$/i;

export interface Relay {
  url: string;
  close(): Promise<void>;
}

export async function startWebhookRelay(journal: Journal, target: string, timeoutMs = 10_000): Promise<Relay> {
  const http = createHttpClient('partner', journal);
  const opts = { service: 'partner', journal, renderError: (err: { message: string }) => ({ body: { error: err.message } }) };
  const app = createServiceApp(opts);
  app.post(RELAY_WEBHOOK_PATH, async (req, res) => {
    res.locals.hop = 'order-webhook';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (FORWARDED.test(k) && typeof v === 'string') headers[k] = v;
    const out = await http({ method: 'POST', url: target, headers, body: req.rawBody?.toString('utf8') ?? '', timeoutMs, hop: 'order-webhook', peer: 'your partner', traceId: req.traceId });
    // your service did not answer: so the bridge gets no answer either
    if (out.status === 0) return void res.socket?.destroy();
    if (out.headers['content-type']) res.setHeader('content-type', out.headers['content-type']);
    res.status(out.status).send(out.text);
  });
  finishServiceApp(app, opts);
  const l = await listen(app, 0, '127.0.0.1');
  return { url: l.url, close: () => l.close() };
}
