/**
 * The Teamtailor emulator: the company's side of Teamtailor's Partner API.
 *   native API   /partner/v1/partner-results (native-api.ts), errors as JSON:API (errors.ts)
 *   recruiter    activate the marketplace partner, open the partner form, send the webhook (recruiter.ts)
 *   card         the partner-result cards of a candidate (cards.ts)
 *   sandbox      GET /_sandbox/teamtailor/partners, POST /_sandbox/teamtailor/activate {category?},
 *                GET|PUT /_sandbox/teamtailor/settings (behaviour where Teamtailor's docs are silent)
 */
import { Router } from 'express';
import { ApiError } from '../../harness/errors.ts';
import { requireJson } from '../../harness/http/service-app.ts';
import { explainIssues, validate } from '../../harness/schemas/registry.ts';
import type { Category, EmulatorAdapter, EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { TeamtailorSandboxSettings } from '../../schemas/generated/teamtailor/sandbox-settings.ts';
import { renderTeamtailorError } from './errors.ts';
import { JSON_API, partnerResultsApi } from './native-api.ts';
import { activate, openForm, sendWebhook } from './recruiter.ts';
import { resultCard } from './cards.ts';
import { ACTIVATION_FORM, PARTNERS } from './partners.ts';
import { instance, partnerResults, resetInstance } from './state.ts';
import { behaviours } from './behaviours.ts';
import { troubleshootingRows } from './troubleshooting.ts';

function sandboxRoutes(ctx: EmulatorContext): Router {
  const r = Router();
  r.get('/_sandbox/teamtailor/partners', (_req, res) => {
    const st = instance(ctx);
    res.json(
      Object.values(PARTNERS).map((p) => ({
        id: p.id,
        name: p.name,
        category: p.category,
        marketplaceCategory: p.marketplaceCategory,
        baseUrl: p.baseUrl(ctx),
        activationForm: ACTIVATION_FORM,
        activation: st.activations[p.category] ?? null,
      })),
    );
  });
  r.post('/_sandbox/teamtailor/activate', async (req, res) => {
    requireJson(req);
    const category = (req.body?.category ?? 'assessment') as Category;
    if (!PARTNERS[category]) {
      throw ApiError.validation('category must be assessment or background_check', [{ pointer: '/category', message: 'is not a category', expected: Object.keys(PARTNERS), actual: category }]);
    }
    res.json(await activate(ctx, category, req.traceId));
  });
  r.get('/_sandbox/teamtailor/settings', (_req, res) => {
    res.json(instance(ctx).settings);
  });
  r.put('/_sandbox/teamtailor/settings', (req, res) => {
    requireJson(req);
    const v = validate('teamtailor/sandbox-settings', req.body ?? {});
    if (!v.valid) throw ApiError.validation(`Invalid Teamtailor settings: ${explainIssues(v.issues)}`, v.issues);
    const st = instance(ctx);
    st.settings = { ...st.settings, ...(req.body as TeamtailorSandboxSettings) };
    res.json(st.settings);
  });
  return r;
}

export const teamtailorEmulator: EmulatorAdapter = {
  key: 'teamtailor',
  name: 'Teamtailor',
  behaviours,
  troubleshooting: troubleshootingRows,
  jsonTypes: [JSON_API],
  renderError: (err) => renderTeamtailorError(err),
  routes(ctx) {
    const r = Router();
    r.use(sandboxRoutes(ctx));
    r.use(partnerResultsApi(ctx));
    return r;
  },
  listPackages: (ctx, input) => openForm(ctx, input),
  sendTest: (ctx, input) => sendWebhook(ctx, input),
  async resultCards(ctx, candidate) {
    return (await partnerResults(ctx))
      .lookup('candidate', candidate.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(resultCard);
  },
  expiry: (ctx) => ({ afterDays: instance(ctx).settings.expireAfterDays, status: { label: 'Expired', tone: 'warning', icon: 'warning' } }),
  candidateNativeId: (c) => String(c.number),
  async init(ctx) {
    const st = resetInstance(ctx);
    st.settings = { ...st.settings, ...(ctx.configured as TeamtailorSandboxSettings | undefined) };
    await partnerResults(ctx);
  },
};
