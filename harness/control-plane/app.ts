/**
 * The control plane on :4000: the same operations as the CLI, over HTTP, so CI can drive
 * everything. It knows the other services only by URL.
 */
import express, { type Express, type Request } from 'express';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError, envelope } from '../errors.ts';
import { createServiceApp, finishServiceApp, type ServiceAppOptions } from '../http/service-app.ts';
import type { Journal, JournalEntry } from '../journal.ts';
import { PROVIDERS, type ProviderKey, type ResolvedConfig, type ServiceName } from '../config.ts';
import { basic } from '../signing.ts';

export interface ControlPlaneOptions {
  journal: Journal;
  config: ResolvedConfig;
  urls: () => Record<ServiceName, string>;
  apiKey: string;
}

export function createControlPlane(opts: ControlPlaneOptions): Express {
  const appOpts: ServiceAppOptions = { service: 'control-plane', journal: opts.journal, renderError: (e) => ({ body: envelope(e) }) };
  const app = createServiceApp(appOpts);
  const auth = { authorization: basic(opts.apiKey, '') };

  async function forward(service: ServiceName, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
    const base = opts.urls()[service];
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e) {
      throw new ApiError(502, 'ProviderUnavailableError', `The ${service} service at ${base} did not answer: ${(e as Error).message}`);
    }
    const text = await res.text();
    let json: unknown = text;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: pass the text on */
    }
    return { status: res.status, json };
  }

  const ats = (req: Request): ProviderKey => {
    const a = req.params.ats as ProviderKey;
    if (!PROVIDERS.includes(a)) throw new ApiError(404, 'NotFoundError', `No ATS ${JSON.stringify(a)}; known: ${PROVIDERS.join(', ')}`);
    return a;
  };

  app.post('/_sandbox/reset', async (_req, res) => {
    const results = await Promise.allSettled([
      forward('bridge', 'POST', '/_sandbox/reset', undefined, auth),
      ...PROVIDERS.map((p) => forward(p, 'POST', '/_sandbox/reset')),
      ...(opts.config.referencePartner ? [forward('partner', 'POST', '/_partner/reset')] : []),
    ]);
    const failed = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message);
    opts.journal.clear();
    res.status(failed.length ? 502 : 200).json({ ok: failed.length === 0, ...(failed.length ? { failed } : {}) });
  });

  app.get('/_sandbox/journal', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const num = (k: string): number | undefined => {
      if (q[k] === undefined) return undefined;
      const n = Number(q[k]);
      if (!Number.isInteger(n) || n < 0) throw ApiError.validation(`${k} must be a whole number`, [{ pointer: `/query/${k}`, message: 'must be a whole number', expected: 'integer >= 0', actual: q[k] }]);
      return n;
    };
    res.json(opts.journal.query({ after: num('after'), limit: num('limit'), service: q.service, provider: q.provider, orderId: q.orderId, traceId: q.traceId, hop: q.hop }));
  });

  app.get('/_sandbox/state', async (_req, res) => {
    const bridge = await forward('bridge', 'GET', '/_sandbox/state', undefined, auth);
    const partner = opts.config.referencePartner ? await forward('partner', 'GET', '/_partner/orders') : undefined;
    res.json({ urls: opts.urls(), bridge: bridge.json, partner: partner && { orders: partner.json }, journal: { lastSeq: opts.journal.lastSeq } });
  });

  app.post('/_sandbox/actions/:ats/send-test', async (req, res) => {
    const out = await forward(ats(req), 'POST', '/_sandbox/recruiter/send-test', req.body ?? {});
    res.status(out.status).json(out.json);
  });

  app.get('/_sandbox/ats/:ats/packages', async (req, res) => {
    const category = req.query.category === 'background_check' ? 'background_check' : 'assessment';
    const out = await forward(ats(req), 'GET', `/_sandbox/recruiter/packages?category=${category}`);
    res.status(out.status).json(out.json);
  });

  app.get('/_sandbox/ats/:ats/candidates', async (req, res) => {
    const out = await forward(ats(req), 'GET', '/_sandbox/recruiter/candidates');
    res.status(out.status).json(out.json);
  });

  app.get('/_sandbox/journal/:seq', (req, res) => {
    const seq = Number(req.params.seq);
    const e = Number.isInteger(seq) ? opts.journal.query({ after: seq - 1, limit: 1 })[0] : undefined;
    if (!e || e.seq !== seq) throw new ApiError(404, 'NotFoundError', `No journal entry ${req.params.seq} (the journal keeps the latest entries in memory)`);
    res.json(e);
  });

  /** Server-sent events: every new hop, without its bodies (GET /_sandbox/journal/<seq> has them). */
  app.get('/_sandbox/events', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const send = (e: JournalEntry) => {
      const { requestBody: _q, responseBody: _r, requestHeaders: _h, ...summary } = e;
      res.write(`id: ${e.seq}\nevent: hop\ndata: ${JSON.stringify(summary)}\n\n`);
    };
    const unsubscribe = opts.journal.subscribe(send);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  });

  app.get('/_sandbox/ats/:ats/candidates/:id', async (req, res) => {
    const out = await forward(ats(req), 'GET', `/_sandbox/recruiter/candidates/${encodeURIComponent(req.params.id)}`);
    res.status(out.status).json(out.json);
  });

  app.get('/openapi.json', async (_req, res) => {
    const out = await forward('bridge', 'GET', '/openapi.json');
    res.status(out.status).json(out.json);
  });

  const dashboard = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dashboard');
  app.get('/', (_req, res) => res.sendFile(path.join(dashboard, 'index.html')));
  app.get('/favicon.ico', (_req, res) => res.status(204).end());
  app.use('/dashboard', express.static(dashboard, { fallthrough: true, index: false }));
  finishServiceApp(app, appOpts);
  return app;
}
