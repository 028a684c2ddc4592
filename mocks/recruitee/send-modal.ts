/**
 * Recruitee's settings routes (the settings themselves: settings.ts) and its "Send {Partner} test" modal as the recruiter sees it while it loads.
 *   GET|PUT /_sandbox/settings            resultUrlKey [I], testsLoadMs (schemas/recruitee/sandbox-settings)
 *   GET /_sandbox/recruiter/send-modal    ?category=&candidateId=: title, subtitle, the "Assessments" select,
 *                                         and the Send button: disabled while the tests load, enabled once they
 *                                         have loaded ("wait a few seconds for the Send button to become
 *                                         enabled", StackOne's Recruitee guide [C]), never when they failed.
 * Settings come from `emulators.recruitee` in sandbox.config.json, then PUT; a reset goes back to the config.
 */
import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import { jobOf } from '../../harness/emulator/world.ts';
import { ApiError } from '../../harness/errors.ts';
import { requireJson } from '../../harness/http/service-app.ts';
import { explainIssues, validate } from '../../harness/schemas/registry.ts';
import type { RecruiteeSandboxSettings } from '../../schemas/generated/recruitee/sandbox-settings.ts';
import { recruiteeSettings } from './settings.ts';
import { partnerFor } from './partners.ts';
import { openSendTestModal } from './recruiter.ts';
import { MODAL_TITLE } from './wording.ts';

export function sendModalRoutes(ctx: EmulatorContext): Router {
  const r = Router();
  r.get('/_sandbox/settings', (_req, res) => {
    res.json(recruiteeSettings(ctx));
  });
  r.put('/_sandbox/settings', (req, res) => {
    requireJson(req);
    const v = validate('recruitee/sandbox-settings', req.body ?? {});
    if (!v.valid) throw ApiError.validation(`Invalid Recruitee settings: ${explainIssues(v.issues)}`, v.issues);
    res.json(Object.assign(recruiteeSettings(ctx), req.body as RecruiteeSandboxSettings));
  });
  r.get('/_sandbox/recruiter/send-modal', async (req, res) => {
    const category: Category = req.query.category === 'background_check' ? 'background_check' : 'assessment';
    const id = typeof req.query.candidateId === 'string' ? req.query.candidateId : undefined;
    const candidate = ctx.world.candidates.find((c) => c.id === id) ?? ctx.world.candidates[0];
    if (id && candidate.id !== id) throw new ApiError(404, 'NotFoundError', `No candidate ${JSON.stringify(id)}`);
    const partner = await partnerFor(ctx, category);
    const started = Date.now();
    const view = await openSendTestModal(ctx, { category, candidate, job: jobOf(candidate), recruiter: ctx.world.recruiters[0], traceId: req.traceId ?? randomUUID() });
    const loadedAfterMs = Date.now() - started;
    res.json({
      title: MODAL_TITLE(partner?.name ?? 'partner'),
      subtitle: `${candidate.firstName} ${candidate.lastName}`,
      field: { label: 'Assessments', placeholder: 'Select Assessment', options: view.ok ? [{ id: '', name: 'None' }, ...view.packages] : [] },
      sendButton: { label: 'Send', enabled: view.ok, enabledAfterMs: view.ok ? loadedAfterMs : null },
      ...(view.ok ? {} : { recruiterSees: view.recruiterSees }),
    });
  });
  return r;
}
