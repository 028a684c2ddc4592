/**
 * The control plane on :4000: the same operations as the CLI, over HTTP, so CI can drive
 * everything. It knows the other services only by URL.
 */
import express, { type Express, type Request, type Response as ExpressResponse } from 'express';
import path from 'node:path';
import { assets, PACKAGE_ROOT } from '../assets.ts';
import { atsManifests, manifestOf } from '../ats/registry.ts';
import { ApiError, envelope, type ErrorCode } from '../errors.ts';
import { createServiceApp, finishServiceApp, requireJson, type ServiceAppOptions } from '../http/service-app.ts';
import { explainIssues, validate } from '../schemas/registry.ts';
import type { Journal, JournalEntry } from '../journal.ts';
import { PROVIDERS, type ProviderKey, type ResolvedConfig, type ServiceName } from '../config.ts';
import { basic } from '../signing.ts';
import { storageNotices } from '../store/state-log-file.ts';
import { serviceCaller } from './forward.ts';
import { troubleshootingRoutes, type TroubleshootingOptions } from './troubleshooting.ts';
import { currentClock } from '../clock.ts';
import { applyClockCommand, clockCommand } from '../clock-routes.ts';
import { warningSentence } from '../bridge/result-rules.ts';
import type { CandidateCard } from '../../schemas/generated/sandbox/candidate-card.ts';
import type { FieldIssue } from '../../schemas/generated/unified/common.ts';

export interface ControlPlaneOptions extends TroubleshootingOptions {
  /** split mode: the other services run in processes of their own, each with its own clock */
  forwardClock?: boolean;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = { 400: 'ValidationError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 415: 'UnsupportedMediaTypeError' };

/**
 * Answers with what a service answered; an error in that service's own shape (an emulator words it as
 * its ATS would) is put in this API's envelope, with the original kept under provider_errors.
 */
function relay(res: ExpressResponse, out: { status: number; json: unknown; url?: string }): void {
  if (out.status < 400 || (out.json && typeof out.json === 'object' && 'errorCode' in out.json)) return void res.status(out.status).json(out.json);
  const body = out.json as Record<string, unknown> | string | undefined;
  const first = (x: unknown): unknown => (Array.isArray(x) ? x[0] : x);
  const nested = body && typeof body === 'object' ? (first(body.errors) as Record<string, unknown> | undefined) : undefined;
  const text = typeof body === 'string' ? body : (body?.message ?? body?.error ?? nested?.detail ?? nested?.message ?? body?.error_description ?? JSON.stringify(body));
  const code = CODE_BY_STATUS[out.status] ?? (out.status >= 500 ? 'ProviderUnavailableError' : 'ProviderRefusedError');
  const err = new ApiError(out.status, code, String(text), undefined, [{ status: out.status, url: out.url ?? null, raw: body ?? null, headers: null }]);
  res.status(out.status).json(envelope(err));
}

export function createControlPlane(opts: ControlPlaneOptions): Express {
  const appOpts: ServiceAppOptions = { service: 'control-plane', journal: opts.journal, renderError: (e) => ({ body: envelope(e) }) };
  const app = createServiceApp(appOpts);
  const auth = { authorization: basic(opts.apiKey, '') };

  const forward = serviceCaller(opts.urls);

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

  /**
   * The sandbox's clock (issue 16). In one process every service runs on this clock; in split mode the
   * command goes to every service in turn (bridge first, then the partner, then the ATSs), and a final
   * pass runs what their answers made due, so each process's clock stands at the same time.
   */
  const clockTargets = (): ServiceName[] => (['bridge', ...(opts.config.referencePartner ? ['partner' as const] : []), ...PROVIDERS] as ServiceName[]).filter((s) => opts.urls()[s]);
  app.get('/_sandbox/clock', async (_req, res) => {
    const own = currentClock().state();
    if (!opts.forwardClock) return void res.json(own);
    const services: Record<string, unknown> = {};
    for (const s of clockTargets()) services[s] = await forward(s, 'GET', '/_sandbox/clock').then((a) => a.json, (e: Error) => ({ error: e.message }));
    res.json({ ...own, services });
  });
  app.post('/_sandbox/clock', async (req, res) => {
    const cmd = clockCommand(req);
    const own = await applyClockCommand(currentClock(), cmd.freeze === true ? { freeze: currentClock().iso() } : cmd);
    if (!opts.forwardClock) return void res.json(own);
    // the same instant everywhere: a freeze is sent as the control plane's time
    const sent = cmd.freeze !== undefined ? { freeze: own.now } : cmd;
    const services: Record<string, unknown> = {};
    for (const s of clockTargets()) services[s] = (await forward(s, 'POST', '/_sandbox/clock', sent)).json;
    if (cmd.advance !== undefined) for (const s of clockTargets()) await forward(s, 'POST', '/_sandbox/clock', { advance: 0 });
    res.json({ ...own, services });
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
    const notices = storageNotices();
    res.json({
      urls: opts.urls(),
      bridge: bridge.json,
      partner: partner && { orders: partner.json },
      journal: { lastSeq: opts.journal.lastSeq, ...(opts.journal.degraded ? { degraded: opts.journal.degraded } : {}) },
      ...(notices.length ? { storage: { notices } } : {}),
    });
  });

  app.post('/_sandbox/actions/:ats/send-test', async (req, res) => {
    const target = ats(req);
    // checked here, so a bad request gets this API's envelope and a wrong content type is not read as {}
    requireJson(req);
    const v = validate('sandbox/send-test', req.body ?? {});
    if (!v.valid) throw ApiError.validation(`Invalid send-test request: ${explainIssues(v.issues)}`, v.issues);
    const out = await forward(target, 'POST', '/_sandbox/recruiter/send-test', req.body ?? {});
    relay(res, out);
  });

  app.get('/_sandbox/ats/:ats/packages', async (req, res) => {
    const category = req.query.category === 'background_check' ? 'background_check' : 'assessment';
    const out = await forward(ats(req), 'GET', `/_sandbox/recruiter/packages?category=${category}`);
    relay(res, out);
  });

  app.get('/_sandbox/ats/:ats/candidates', async (req, res) => {
    const out = await forward(ats(req), 'GET', '/_sandbox/recruiter/candidates');
    relay(res, out);
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
    // a subscriber that stops reading is dropped once limits.sseBufferBytes wait for it: a stalled
    // tab or client never makes the sandbox hold every hop in memory (it reconnects with Last-Event-ID
    // and reads what it missed from GET /_sandbox/journal)
    const max = opts.config.limits.sseBufferBytes;
    let dropped = false;
    const drop = (): void => {
      if (dropped) return;
      dropped = true;
      clearInterval(ping);
      unsubscribe();
      res.destroy();
    };
    const send = (e: JournalEntry) => {
      if (dropped) return;
      if (res.writableLength > max) return drop();
      const { requestBody: _q, responseBody: _r, requestHeaders: _h, ...summary } = e;
      res.write(`id: ${e.seq}\nevent: hop\ndata: ${JSON.stringify(summary)}\n\n`);
    };
    // a reconnecting EventSource says where it stopped: it gets what it missed (from the window)
    const last = Number(req.header('last-event-id'));
    if (Number.isInteger(last) && last >= 0) for (const e of opts.journal.query({ after: last, limit: 500 })) send(e);
    const unsubscribe = opts.journal.subscribe(send);
    const ping = setInterval(() => (res.writableLength > max ? drop() : res.write(': ping\n\n')), 15_000);
    req.on('close', drop);
  });

  app.get('/_sandbox/ats/:ats/candidates/:id', async (req, res) => {
    const out = await forward(ats(req), 'GET', `/_sandbox/recruiter/candidates/${encodeURIComponent(req.params.id)}`);
    if (out.status === 200) await withResultWarnings(out.json as CandidateCard);
    relay(res, out);
  });

  /** The bridge's warnings about the result updates behind a card, on the card's results (plain sentences). */
  async function withResultWarnings(card: CandidateCard): Promise<void> {
    if (!card?.results?.some((r) => r.orderId)) return;
    const w = await forward('bridge', 'GET', '/_sandbox/result-warnings', undefined, auth);
    const byOrder = (w.status === 200 ? w.json : {}) as Record<string, FieldIssue[]>;
    for (const r of card.results) {
      const found = r.orderId && Object.hasOwn(byOrder, r.orderId) ? byOrder[r.orderId] : undefined;
      if (found?.length) r.warnings = found.map(warningSentence);
    }
  }

  /** The recruiter hires the candidate (Greenhouse: its legacy test_status polling stops). */
  app.post('/_sandbox/actions/:ats/candidates/:id/hire', async (req, res) => {
    const out = await forward(ats(req), 'POST', `/_sandbox/recruiter/candidates/${encodeURIComponent(req.params.id)}/hire`);
    relay(res, out);
  });

  app.get('/openapi.json', async (_req, res) => {
    const out = await forward('bridge', 'GET', '/openapi.json');
    relay(res, out);
  });

  const dashboard = assets.dashboardDir;
  app.get('/', (_req, res) => res.sendFile(path.join(dashboard, 'index.html')));
  app.get('/favicon.ico', (_req, res) => res.status(204).end());
  // every ATS of the registry, for the dashboard: its panels and each ATS's card renderer (manifest.cardScript)
  app.get('/_sandbox/ats', (_req, res) => {
    res.json(atsManifests().map((m) => ({ key: m.key, name: m.name, cardScript: m.cardScript ? `/dashboard/ats/${m.key}/card.js` : null })));
  });
  app.get('/dashboard/ats/:ats/card.js', (req, res) => {
    const script = manifestOf(ats(req))?.cardScript;
    if (!script) throw new ApiError(404, 'NotFoundError', `ATS ${req.params.ats} has no card renderer`);
    res.type('text/javascript').sendFile(path.resolve(PACKAGE_ROOT, script));
  });
  app.use('/dashboard', express.static(dashboard, { fallthrough: true, index: false }));
  app.use(troubleshootingRoutes(opts));
  finishServiceApp(app, appOpts);
  return app;
}
