/**
 * The SmartRecruiters emulator (Assessment API 2021). SmartRecruiters' side of the integration:
 * its OAuth2 token endpoint and results API (native-api.ts), the recruiter acting in its three
 * order modes toward the partner's URLs (recruiter.ts, sandbox-routes.ts), and the candidate
 * profile's assessment section (cards.ts). Errors in SmartRecruiters' shape (errors.ts).
 */
import { Router } from 'express';
import type { Category, EmulatorAdapter } from '../../harness/emulator/glossary.ts';
import type { SmartRecruitersSandboxSettings } from '../../schemas/generated/smartrecruiters/sandbox-settings.ts';
import { renderSmartRecruitersError } from './errors.ts';
import { candidateUuid } from './ids.ts';
import { nativeRoutes } from './native-api.ts';
import { listPackages, placeOrder } from './recruiter.ts';
import { resultCard, STATUS_VIEW } from './cards.ts';
import { sandboxRoutes } from './sandbox-routes.ts';
import { connectFlowRoutes, seedConnections } from './connect-flow.ts';
import { attachmentRoutes } from './attachments.ts';
import { rateLimitRoutes } from './rate-limit.ts';
import { registerSecret } from '../../harness/secrets.ts';
import { DEFAULT_SETTINGS, stateOf } from './state.ts';
import { behaviours } from './behaviours.ts';
import { troubleshootingRows } from './troubleshooting.ts';

export const smartrecruitersEmulator: EmulatorAdapter = {
  key: 'smartrecruiters',
  name: 'SmartRecruiters',
  behaviours,
  troubleshooting: troubleshootingRows,
  jsonTypes: ['application/merge-patch+json'],
  renderError: (err, req) => renderSmartRecruitersError(err, req),
  routes: (ctx) => Router().use(rateLimitRoutes(ctx)).use(sandboxRoutes(ctx)).use(connectFlowRoutes(ctx)).use(attachmentRoutes(ctx)).use(nativeRoutes(ctx)),
  listPackages: (ctx, input) => listPackages(ctx, input),
  sendTest: (ctx, input) => placeOrder(ctx, input, 'ad-hoc'),
  resultCards: async (ctx, candidate) =>
    (await stateOf(ctx)).orders
      .lookup('candidate', candidate.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(resultCard),
  expiry: async (ctx) => {
    const state = await stateOf(ctx);
    // SmartRecruiters' card shows no date: the order's creation is the time it waits from
    return { afterDays: state.settings().expireAfterDays, status: STATUS_VIEW.EXPIRED, since: (card) => state.orders.get(card.nativeId)?.createdAt };
  },
  candidateNativeId: (c) => candidateUuid(c),
  init: async (ctx) => {
    const state = await stateOf(ctx);
    const { partnerUrls, ...configured } = (ctx.configured ?? {}) as SmartRecruitersSandboxSettings;
    await state.setSettings({ ...DEFAULT_SETTINGS, ...configured, rateLimit: { ...DEFAULT_SETTINGS.rateLimit, ...configured.rateLimit } });
    for (const [cat, urls] of Object.entries(partnerUrls ?? {})) if (urls) await state.setPartnerUrls(cat as Category, urls);
    // the master secret is masked in the journal like every credential
    registerSecret(state.settings().masterCredentials.clientSecret);
    await seedConnections(ctx);
  },
};
