/**
 * The SmartRecruiters emulator's extra sandbox routes: the two order modes the engine's send-test
 * does not cover, and the settings for what SmartRecruiters' docs leave open.
 *   POST /_sandbox/recruiter/move-to-step   auto-trigger: candidate moved to an AUTO-TRIGGERED step
 *   POST /_sandbox/recruiter/inline-apply   inline: candidate applies, is sent to the partner's URL
 *   GET|PUT /_sandbox/settings              strictTerminalStatus, tokenTtlSeconds, partnerUrls
 *   POST /_sandbox/oauth/expire-tokens      every issued access token expires now
 * Both actions answer the engine's send-test report shape (plus mode and inlineUrl).
 */
import { checkTargets } from '../../harness/http/remote-targets.ts';
import { Router, type Request } from 'express';
import { randomUUID } from 'node:crypto';
import type { Category, EmulatorContext, PackageChoice, RecruiterInput, SendTestView } from '../../harness/emulator/glossary.ts';
import { jobOf } from '../../harness/emulator/world.ts';
import { requireJson } from '../../harness/http/service-app.ts';
import { explainIssues, validate } from '../../harness/schemas/registry.ts';
import type { SendTestReport } from '../../schemas/generated/sandbox/send-test-report.ts';
import type { SmartRecruitersSandboxAction } from '../../schemas/generated/smartrecruiters/sandbox-action.ts';
import type { SmartRecruitersSandboxSettings } from '../../schemas/generated/smartrecruiters/sandbox-settings.ts';
import { SmartRecruitersError } from './errors.ts';
import { candidateUuid } from './ids.ts';
import { inlineOrder, listPackages, placeOrder } from './recruiter.ts';
import { stateOf, type OrderMode } from './state.ts';
import { clock } from '../../harness/clock.ts';

type SmartRecruitersActionReport = SendTestReport & { mode: OrderMode; inlineUrl?: string; step?: string };

function body<T>(req: Request, schema: string): T {
  requireJson(req);
  const v = validate(schema, req.body ?? {});
  if (!v.valid) throw new SmartRecruitersError(400, 'INVALID_REQUEST', `Invalid request: ${explainIssues(v.issues)}`, v.issues);
  return (req.body ?? {}) as T;
}

function inputOf(ctx: EmulatorContext, b: SmartRecruitersSandboxAction, category: Category, traceId: string): RecruiterInput {
  const candidate = b.candidateId ? ctx.world.candidates.find((c) => c.id === b.candidateId || candidateUuid(c) === b.candidateId) : ctx.world.candidates[0];
  if (!candidate) throw new SmartRecruitersError(404, 'CANDIDATE_NOT_FOUND', `No candidate ${JSON.stringify(b.candidateId)}; known: ${ctx.world.candidates.map((c) => c.id).join(', ')}`);
  const recruiter = ctx.world.recruiters.find((r) => r.id === b.recruiterId) ?? ctx.world.recruiters[0];
  return { category, candidate, job: jobOf(candidate), recruiter, traceId };
}

async function hops(ctx: EmulatorContext, traceId: string, wait: boolean): Promise<SendTestReport['hops']> {
  const deadline = Date.now() + (wait ? 3_000 : 0);
  for (;;) {
    const found = ctx.journal.query({ traceId, limit: 200 });
    if (Date.now() >= deadline || found.some((h) => h.hop === 'order-webhook' && h.direction === 'out')) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Opens the package list (the step or job configuration), picks the package, runs `send`. */
async function act(
  ctx: EmulatorContext,
  input: RecruiterInput,
  mode: OrderMode,
  wanted: string | undefined,
  send: (pkg: PackageChoice) => Promise<SendTestView & { inlineUrl?: string }>,
): Promise<SmartRecruitersActionReport> {
  const report: SmartRecruitersActionReport = { ats: 'smartrecruiters', ok: false, category: input.category, candidateId: input.candidate.id, traceId: input.traceId, steps: [], hops: [], mode };
  const list = await listPackages(ctx, input);
  let pkg: PackageChoice | undefined;
  if (list.ok) {
    report.packages = list.packages;
    report.steps.push({ step: 'open-form', ok: true, recruiterSees: `${list.packages.length} package(s) offered: ${list.packages.map((p) => p.name).join(', ')}` });
    pkg = wanted ? list.packages.find((p) => p.id === wanted) : list.packages[0];
    if (!pkg) {
      throw new SmartRecruitersError(400, 'INVALID_REQUEST', `Package ${JSON.stringify(wanted)} is not offered; offered: ${list.packages.map((p) => p.id).join(', ')}`, [
        { pointer: '/packageId', message: 'is not offered', expected: list.packages.map((p) => p.id), actual: wanted },
      ]);
    }
  } else {
    report.steps.push({ step: 'open-form', ok: false, recruiterSees: list.recruiterSees });
    report.recruiterSees = list.recruiterSees;
    // a package chosen when the step was configured is still ordered (SmartRecruiters does not list again)
    if (wanted && mode === 'auto-trigger') pkg = { id: wanted, name: wanted };
  }
  if (pkg) {
    report.packageId = pkg.id;
    const sent = await send(pkg);
    report.steps.push({ step: 'send', ok: sent.ok, recruiterSees: sent.recruiterSees });
    report.recruiterSees = sent.recruiterSees;
    report.ok = sent.ok;
    if (sent.nativeId) report.nativeId = sent.nativeId;
    if (sent.ok && sent.orderId) report.orderId = sent.orderId;
    if (sent.inlineUrl) report.inlineUrl = sent.inlineUrl;
  }
  report.hops = await hops(ctx, input.traceId, Boolean(report.orderId));
  return report;
}

export function sandboxRoutes(ctx: EmulatorContext): Router {
  const r = Router();

  r.post('/_sandbox/recruiter/move-to-step', async (req, res) => {
    const b = body<SmartRecruitersSandboxAction>(req, 'smartrecruiters/sandbox-action');
    const state = await stateOf(ctx);
    const steps = state.steps();
    const step = steps.find((s) => s.id === (b.step ?? 'skills-test') || s.name === b.step);
    if (!step) throw new SmartRecruitersError(404, 'STEP_NOT_FOUND', `No hiring step ${JSON.stringify(b.step)}; steps: ${steps.map((s) => `${s.id} (${s.name})`).join(', ')}`);
    const input = inputOf(ctx, b, step.category, randomUUID());
    if (!step.autoTrigger) {
      const report: SmartRecruitersActionReport = { ats: 'smartrecruiters', ok: false, category: step.category, candidateId: input.candidate.id, traceId: input.traceId, steps: [], hops: [], mode: 'auto-trigger', step: step.name, recruiterSees: `${step.name} has no auto-triggered assessment: nothing was ordered` };
      return void res.json(report);
    }
    const report = await act(ctx, input, 'auto-trigger', b.packageId ?? step.packageId ?? undefined, (pkg) => placeOrder(ctx, { ...input, pkg }, 'auto-trigger'));
    res.json({ ...report, step: step.name });
  });

  r.post('/_sandbox/recruiter/inline-apply', async (req, res) => {
    const b = body<SmartRecruitersSandboxAction>(req, 'smartrecruiters/sandbox-action');
    const input = inputOf(ctx, b, b.category ?? 'assessment', randomUUID());
    res.json(await act(ctx, input, 'inline', b.packageId, (pkg) => inlineOrder(ctx, { ...input, pkg })));
  });

  /** Where the partner sends the candidate back after an inline assessment. */
  r.get('/_sandbox/inline/:orderId/completed', (req, res) => {
    res.type('text/html').send(`<!doctype html><title>Application</title><p>Thank you: your application and assessment (order ${req.params.orderId.replace(/[^\w-]/g, '')}) are complete.</p>`);
  });

  r.get('/_sandbox/settings', async (_req, res) => {
    const state = await stateOf(ctx);
    res.json({ ...state.settings(), partnerUrls: { assessment: state.partnerUrls('assessment'), background_check: state.partnerUrls('background_check') }, hiringProcess: state.steps() });
  });

  r.put('/_sandbox/settings', async (req, res) => {
    const b = body<SmartRecruitersSandboxSettings>(req, 'smartrecruiters/sandbox-settings');
    const state = await stateOf(ctx);
    const { partnerUrls, ...settings } = b;
    checkTargets(partnerUrls, '/partnerUrls', ctx.allowRemoteTargets ?? false);
    await state.setSettings(settings);
    for (const [cat, urls] of Object.entries(partnerUrls ?? {})) if (urls) await state.setPartnerUrls(cat as Category, urls);
    res.json({ ...state.settings(), partnerUrls: { assessment: state.partnerUrls('assessment'), background_check: state.partnerUrls('background_check') } });
  });

  r.post('/_sandbox/oauth/expire-tokens', async (_req, res) => {
    const state = await stateOf(ctx);
    const all = state.tokens.all();
    for (const t of all) await state.tokens.put(t.token, { ...t, expiresAt: clock.now() - 1 });
    res.json({ expired: all.length });
  });

  return r;
}
