/**
 * The reference partner: a small assessment and background-check vendor that does everything right.
 * It serves its package lists and receives order webhooks (both refused with 401 unless correctly
 * signed), then completes each order after a delay by PATCHing a realistic result through the
 * unified API. Its behaviour can be switched to reproduce broken partners.
 */
import type { Express } from 'express';
import { randomUUID } from 'node:crypto';
import { basic, parseBasic, SIGNATURE_HEADER, verifySignature } from '../../harness/signing.ts';
import { createServiceApp, finishServiceApp, requireJson, type ServiceAppOptions } from '../../harness/http/service-app.ts';
import { clockRoutes } from '../../harness/clock-routes.ts';
import { createHttpClient } from '../../harness/http/client.ts';
import { ApiError } from '../../harness/errors.ts';
import { escapeHtml } from '../../harness/http/html.ts';
import type { Journal } from '../../harness/journal.ts';
import type { Store, Collection } from '../../harness/store/store.ts';
import type { OrderWebhook } from '../../schemas/generated/unified/order-webhook.ts';
import type { ResultUpdate } from '../../schemas/generated/unified/result-update.ts';
import { ASSESSMENT_PACKAGES, BACKGROUND_CHECK_PACKAGES, JOB_PACKAGES } from './catalogue.ts';
import { DEFAULT_BEHAVIOUR, type PartnerBehaviour, checkBehaviour } from './behaviour.ts';
import { clock, type ClockTimer } from '../../harness/clock.ts';

export interface ReferencePartnerOptions {
  journal: Journal;
  store: Store;
  apiKey: string;
  /** secrets that sign order webhooks (any of them is accepted, for rotation) */
  webhookSecrets: () => string[];
  /** secret that signs the package-list call */
  signingSecret: () => string;
  bridgeUrl: () => string;
  selfUrl: () => string;
  completeAfterMs: number;
  autoComplete: boolean;
}

export interface ReceivedOrder {
  id: string;
  deliveryIds: string[];
  accountId: string;
  provider: string;
  event: string;
  category: 'assessment' | 'background_check';
  receivedAt: string;
  payload: OrderWebhook;
  completion?: { at: string; status: number; body?: string };
  /** trace of the recruiter action that caused the order; the result update carries it on */
  traceId?: string;
}

const renderPartnerError: ServiceAppOptions['renderError'] = (err) => ({ body: { error: err.message } });

export async function createReferencePartner(opts: ReferencePartnerOptions): Promise<{ app: Express; partner: ReferencePartner }> {
  const orders = await opts.store.collection<ReceivedOrder>('orders', 8);
  // the behaviour a test or scenario switched to survives a restart, like the orders
  const saved = await opts.store.collection<PartnerBehaviour>('behaviour');
  const partner = new ReferencePartner(opts, orders);
  const kept = saved.get('current');
  if (kept) partner.setBehaviour(kept);
  const appOpts: ServiceAppOptions = { service: 'partner', journal: opts.journal, renderError: renderPartnerError };
  const app = createServiceApp(appOpts);

  const packageList = (packages: typeof ASSESSMENT_PACKAGES) => async (req: import('express').Request, res: import('express').Response) => {
    res.locals.hop = 'package-list';
    const b = partner.behaviour.packageList;
    if (b === 'timeout') await new Promise((r) => setTimeout(r, 60_000));
    if (!verifySignature(req.rawBody ?? '', opts.signingSecret(), req.header(SIGNATURE_HEADER))) throw new ApiError(401, 'UnauthorizedError', 'invalid x-stackone-signature');
    const creds = parseBasic(req.header('authorization'));
    if (!creds || creds.user !== opts.apiKey) throw new ApiError(401, 'UnauthorizedError', 'missing or wrong Basic credentials');
    const jobId = typeof req.body?.job_id === 'string' ? req.body.job_id : undefined;
    const data = [...packages, ...(jobId ? (JOB_PACKAGES[jobId] ?? []) : [])];
    switch (b) {
      case 'http-500':
        return void res.status(500).json({ error: 'database unavailable' });
      case 'not-json':
        return void res.type('text/html').send('<html><body>Welcome to our API</body></html>');
      case 'bare-array':
        return void res.json(data);
      case 'missing-fields':
        return void res.json({ data: data.map(({ name: _n, ...rest }) => rest) });
      case 'empty':
        return void res.json({ data: [] });
      default:
        return void res.json({ data });
    }
  };
  app.post('/packages/assessments', packageList(ASSESSMENT_PACKAGES));
  app.post('/packages/background-checks', packageList(BACKGROUND_CHECK_PACKAGES));

  app.post('/webhooks/orders', async (req, res) => {
    res.locals.hop = 'order-webhook';
    const b = partner.behaviour.webhook;
    if (b === 'http-500' || (b === 'fail-then-recover' && partner.failuresLeft-- > 0)) return void res.status(500).json({ error: 'temporarily unavailable' });
    const signed = opts.webhookSecrets().some((s) => verifySignature(req.rawBody ?? '', s, req.header(SIGNATURE_HEADER)));
    if (b === 'reject-all-signatures' || (!signed && b !== 'accept-any-signature')) throw new ApiError(401, 'UnauthorizedError', 'invalid x-stackone-signature');
    const payload = req.body as OrderWebhook;
    if (!payload?.record_id || !payload.event_data) throw new ApiError(400, 'ValidationError', 'not an order event');
    res.locals.orderId = payload.record_id;
    await partner.receive(payload, req.header('idempotency-key') ?? randomUUID(), req.traceId);
    res.json({ received: true });
  });

  app.get('/reports/:file', (req, res) => {
    const [id, ext] = req.params.file.split('.');
    const o = orders.get(id);
    if (!o) return void res.status(404).type('text/plain').send('No such report');
    if (ext === 'pdf') return void res.type('application/pdf').send(Buffer.from(minimalPdf(`Report ${id.replace(/[^\w-]/g, '')}`)));
    const c = o.payload.event_data.candidate;
    // everything shown came from the order webhook: escaped, and no script may run on this page at all
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('x-content-type-options', 'nosniff');
    res.type('text/html').send(`<!doctype html><title>Report ${escapeHtml(id)}</title><h1>${escapeHtml(o.payload.event_data.package?.name ?? 'Test')} report</h1><p>${escapeHtml(c?.first_name)} ${escapeHtml(c?.last_name)}</p>`);
  });

  app.get('/_partner/orders', (_req, res) => {
    res.json(orders.all().sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)));
  });
  app.post('/_partner/reset', async (_req, res) => {
    partner.close();
    await orders.clear();
    await saved.delete('current');
    partner.setBehaviour(DEFAULT_BEHAVIOUR);
    res.json({ ok: true });
  });
  app.get('/_partner/behaviour', (_req, res) => {
    res.json(partner.behaviour);
  });
  app.put('/_partner/behaviour', async (req, res) => {
    requireJson(req);
    const next = { ...partner.behaviour, ...checkBehaviour(req.body) };
    await saved.put('current', next); // saved first: a refused write leaves the behaviour as it was
    partner.setBehaviour(next);
    res.json(partner.behaviour);
  });
  app.use(clockRoutes());
  finishServiceApp(app, appOpts);
  partner.resume();
  return { app, partner };
}

export class ReferencePartner {
  behaviour: PartnerBehaviour = { ...DEFAULT_BEHAVIOUR };
  failuresLeft = 0;
  private readonly timers = new Set<ClockTimer>();
  private readonly http;

  constructor(
    private readonly opts: ReferencePartnerOptions,
    readonly orders: Collection<ReceivedOrder>,
  ) {
    this.http = createHttpClient('partner', opts.journal);
  }

  setBehaviour(b: Partial<PartnerBehaviour>): void {
    this.behaviour = { ...this.behaviour, ...b };
    this.failuresLeft = this.behaviour.failuresBeforeRecovery;
  }

  /** Stores the order once (a repeated delivery is acknowledged and dropped) and schedules its completion. */
  async receive(payload: OrderWebhook, deliveryId: string, traceId?: string): Promise<void> {
    const isNew = await this.orders.mutate(payload.record_id, (cur) => {
      if (cur) return { value: cur.deliveryIds.includes(deliveryId) ? undefined : { ...cur, deliveryIds: [...cur.deliveryIds, deliveryId] }, result: false };
      const category = payload.record_type === 'background_check_order' ? 'background_check' : 'assessment';
      const value: ReceivedOrder = { id: payload.record_id, deliveryIds: [deliveryId], accountId: payload.account_id, provider: payload.provider ?? '', event: payload.event, category, receivedAt: clock.iso(), payload: withoutCopy(payload), traceId };
      return { value, result: true };
    });
    if (isNew && this.opts.autoComplete && this.behaviour.complete) this.scheduleCompletion(payload.record_id, this.opts.completeAfterMs);
  }

  resume(): void {
    if (!this.opts.autoComplete) return;
    for (const o of this.orders.all()) if (!o.completion) this.scheduleCompletion(o.id, this.opts.completeAfterMs);
  }

  private scheduleCompletion(id: string, delay: number): void {
    const t = clock.setTimeout(() => {
      this.timers.delete(t);
      return this.complete(id).catch((e: unknown) => console.error(`[partner] order ${id} could not be completed: ${(e as Error).message}`));
    }, delay, `reference partner completes order ${id}`);
    this.timers.add(t);
  }

  /** The result this vendor writes for an order. */
  resultFor(o: ReceivedOrder): ResultUpdate {
    const self = this.opts.selfUrl();
    const started = new Date(Date.parse(o.receivedAt) + 60_000).toISOString();
    const submitted = new Date(Date.parse(o.receivedAt) + 32 * 60_000).toISOString();
    const common: ResultUpdate = {
      start_date: started,
      submission_date: submitted,
      result_url: `${self}/reports/${o.id}`,
      attachments: [{ url: `${self}/reports/${o.id}.pdf`, content_type: { value: 'pdf', source_value: 'application/pdf' } }],
      candidate: { id: o.payload.event_data.candidate?.id ?? null, profile_url: `${self}/candidates/${o.payload.event_data.candidate?.id ?? 'unknown'}` },
    };
    if (o.category === 'background_check') {
      return { ...common, result: { value: 'completed', source_value: 'clear' }, summary: 'Clear: identity verified, no criminal records found' };
    }
    return { ...common, score: { label: 'Percentage', value: '82', min: '0', max: '100' }, result: { value: 'passed', source_value: 'Passed' }, summary: 'Strong on algorithms, weaker on CSS' };
  }

  async complete(id: string): Promise<void> {
    const o = this.orders.get(id);
    if (!o) return;
    const seg = o.category === 'assessment' ? 'assessments' : 'background_checks';
    const res = await this.http({
      method: 'PATCH',
      url: `${this.opts.bridgeUrl()}/unified/ats/${seg}/orders/${id}/result`,
      headers: { authorization: basic(this.opts.apiKey, ''), 'x-account-id': o.accountId },
      body: this.resultFor(o),
      hop: 'result-update',
      peer: 'bridge',
      orderId: id,
      provider: o.provider,
      accountId: o.accountId,
      requestSchema: 'unified/result-update',
      traceId: o.traceId,
    });
    await this.orders.mutate(id, (cur) => (cur ? { value: { ...cur, completion: { at: clock.iso(), status: res.status, body: res.text.slice(0, 2000) } }, result: undefined } : { result: undefined }));
  }

  close(): void {
    for (const t of this.timers) clock.clearTimeout(t);
    this.timers.clear();
  }
}

function minimalPdf(title: string): string {
  return `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
}

/** The event repeats the order under `data`; one copy is kept. */
function withoutCopy(payload: OrderWebhook): OrderWebhook {
  const { data: _copy, ...event } = payload;
  return event;
}
