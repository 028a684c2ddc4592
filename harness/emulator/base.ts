/**
 * createEmulator(): the one engine behind every ATS emulator. It owns the app (journal, errors in
 * the ATS's own shape), the state, and the recruiter's side: open the send-test form, pick a
 * package, send, and look at the candidate card. The adapter supplies only what differs per ATS.
 */
import { Router, type Express } from 'express';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../errors.ts';
import { createServiceApp, finishServiceApp, requireJson, type ServiceAppOptions } from '../http/service-app.ts';
import { clockRoutes } from '../clock-routes.ts';
import { withExpiry } from './expiry.ts';
import { createHttpClient } from '../http/client.ts';
import type { Journal, JournalEntry } from '../journal.ts';
import type { Store } from '../store/store.ts';
import { explainIssues, validate } from '../schemas/registry.ts';
import { registerSecret } from '../secrets.ts';
import type { DemoAccount } from '../demo.ts';
import { WORLD, jobOf } from './world.ts';
import type { CandidateCard, EmulatorAdapter, EmulatorContext } from './glossary.ts';
import type { SendTestRequest } from '../../schemas/generated/sandbox/send-test.ts';
import type { SendTestReport } from '../../schemas/generated/sandbox/send-test-report.ts';

export interface EmulatorOptions {
  journal: Journal;
  store: Store;
  account: DemoAccount;
  /** base URL of the bridge */
  bridgeUrl: () => string;
  selfUrl: () => string;
  /** how long a send-test report waits for the first order-webhook attempt to show up */
  hopWaitMs?: number;
  /** settings over HTTP may point beyond loopback */
  allowRemoteTargets?: boolean;
  /** the emulator's settings from sandbox.config.json (`emulators.<ats>`) */
  configured?: Record<string, unknown>;
}

export interface Emulator {
  app: Express;
  ctx: EmulatorContext;
  sendTest(req: SendTestRequest): Promise<SendTestReport>;
  card(candidateId: string): Promise<CandidateCard>;
  reset(): Promise<void>;
}

export async function createEmulator(adapter: EmulatorAdapter, opts: EmulatorOptions): Promise<Emulator> {
  let token = opts.account.externalTriggerToken;
  registerSecret(token);
  const ctx: EmulatorContext = {
    key: adapter.key,
    store: opts.store,
    journal: opts.journal,
    http: createHttpClient(adapter.key, opts.journal),
    world: WORLD,
    account: opts.account,
    triggerUrl: () => `${opts.bridgeUrl()}/external-trigger/${adapter.key}`,
    selfUrl: opts.selfUrl,
    triggerToken: () => token,
    allowRemoteTargets: opts.allowRemoteTargets ?? false,
    configured: opts.configured,
  };
  await adapter.init?.(ctx);

  const candidate = (id: string | undefined) => {
    const c = id ? WORLD.candidates.find((x) => x.id === id || adapter.candidateNativeId?.(x) === id) : WORLD.candidates[0];
    if (!c) throw new ApiError(404, 'NotFoundError', `No candidate ${JSON.stringify(id)} in ${adapter.name}; known: ${WORLD.candidates.map((x) => x.id).join(', ')}`);
    return c;
  };

  async function sendTest(body: SendTestRequest): Promise<SendTestReport> {
    const traceId = randomUUID();
    const category = body.category ?? 'assessment';
    const cand = candidate(body.candidateId);
    const recruiter = WORLD.recruiters.find((r) => r.id === body.recruiterId) ?? WORLD.recruiters[0];
    const input = { category, candidate: cand, job: jobOf(cand), recruiter, traceId };
    const report: SendTestReport = { ats: adapter.key, ok: false, category, candidateId: cand.id, traceId, steps: [], hops: [] };
    const list = await adapter.listPackages(ctx, input);
    if (!list.ok) {
      report.steps.push({ step: 'open-form', ok: false, recruiterSees: list.recruiterSees });
      report.recruiterSees = list.recruiterSees;
    } else {
      report.packages = list.packages;
      report.steps.push({ step: 'open-form', ok: true, recruiterSees: `${list.packages.length} package(s) offered: ${list.packages.map((p) => p.name).join(', ')}` });
      const pkg = body.packageId ? list.packages.find((p) => p.id === body.packageId) : list.packages[0];
      if (!pkg) {
        throw new ApiError(400, 'ValidationError', `Package ${JSON.stringify(body.packageId)} is not offered in ${adapter.name}; offered: ${list.packages.map((p) => p.id).join(', ')}`, [
          { pointer: '/packageId', message: 'is not offered', expected: list.packages.map((p) => p.id), actual: body.packageId },
        ]);
      }
      report.packageId = pkg.id;
      const sent = await adapter.sendTest(ctx, { ...input, pkg });
      report.steps.push({ step: 'send', ok: sent.ok, recruiterSees: sent.recruiterSees });
      report.recruiterSees = sent.recruiterSees;
      report.ok = sent.ok;
      if (sent.nativeId) report.nativeId = sent.nativeId;
      if (sent.ok && sent.orderId) report.orderId = sent.orderId;
    }
    report.hops = await hopsOf(opts.journal, traceId, report.orderId ? opts.hopWaitMs ?? 3_000 : 0);
    return report;
  }

  async function card(candidateId: string): Promise<CandidateCard> {
    const c = candidate(candidateId);
    return {
      ats: adapter.key,
      atsName: adapter.name,
      candidate: { id: c.id, nativeId: adapter.candidateNativeId?.(c) ?? c.id, name: `${c.firstName} ${c.lastName}`, email: c.email, job: jobOf(c).title },
      results: withExpiry(await adapter.resultCards(ctx, c), await adapter.expiry?.(ctx)),
    };
  }

  const appOpts: ServiceAppOptions = { service: adapter.key, journal: opts.journal, renderError: (e, r) => adapter.renderError(e, r), jsonTypes: adapter.jsonTypes };
  const app = createServiceApp(appOpts);
  const sandbox = Router();
  sandbox.post('/_sandbox/recruiter/send-test', async (req, res) => {
    requireJson(req);
    const v = validate('sandbox/send-test', req.body ?? {});
    if (!v.valid) throw ApiError.validation(`Invalid send-test request: ${explainIssues(v.issues)}`, v.issues);
    res.json(await sendTest((req.body ?? {}) as SendTestRequest));
  });
  sandbox.get('/_sandbox/recruiter/packages', async (req, res) => {
    const category = req.query.category === 'background_check' ? 'background_check' : 'assessment';
    const cand = candidate(typeof req.query.candidateId === 'string' ? req.query.candidateId : undefined);
    const recruiter = WORLD.recruiters[0];
    res.json(await adapter.listPackages(ctx, { category, candidate: cand, job: jobOf(cand), recruiter, traceId: req.traceId }));
  });
  sandbox.get('/_sandbox/recruiter/candidates', (_req, res) => {
    res.json(WORLD.candidates.map((c) => ({ id: c.id, nativeId: adapter.candidateNativeId?.(c) ?? c.id, name: `${c.firstName} ${c.lastName}`, job: jobOf(c).title })));
  });
  sandbox.get('/_sandbox/recruiter/candidates/:id', async (req, res) => {
    res.json(await card(req.params.id));
  });
  sandbox.put('/_sandbox/trigger-token', (req, res) => {
    requireJson(req);
    const t = req.body?.token;
    if (typeof t !== 'string' || !t) throw ApiError.validation('token must be a non-empty string', [{ pointer: '/token', message: 'is required', expected: 'string', actual: t }]);
    token = t;
    res.json({ ok: true });
  });
  sandbox.post('/_sandbox/reset', async (_req, res) => {
    await reset();
    res.json({ ok: true });
  });
  async function reset(): Promise<void> {
    token = opts.account.externalTriggerToken;
    await opts.store.clear();
    await adapter.init?.(ctx);
  }
  app.use(sandbox);
  app.use(clockRoutes());
  app.use(adapter.routes(ctx));
  finishServiceApp(app, appOpts);
  return { app, ctx, sendTest, card, reset };
}

/** The hops of one recruiter action; waits a little for the first order-webhook attempt, which runs in the background. */
async function hopsOf(journal: Journal, traceId: string, waitMs: number): Promise<JournalEntry[]> {
  const isWebhook = (h: JournalEntry) => h.traceId === traceId && h.hop === 'order-webhook' && h.direction === 'out';
  // woken by the journal itself, not a poll: a poll interval would be added to every send-test
  if (waitMs > 0 && !journal.query({ traceId, limit: 200 }).some(isWebhook)) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), waitMs);
      const stop = journal.subscribe((h) => isWebhook(h) && done());
      function done(): void {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  }
  return journal.query({ traceId, limit: 200 });
}
