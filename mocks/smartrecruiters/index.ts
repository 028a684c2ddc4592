/**
 * The SmartRecruiters emulator (Assessment API 2021). SmartRecruiters' side of the integration:
 * its OAuth2 token endpoint and results API (native-api.ts), the recruiter acting in its three
 * order modes toward the partner's URLs (recruiter.ts, sandbox-routes.ts), and the candidate
 * profile's assessment section (cards.ts). Errors in SmartRecruiters' shape (errors.ts).
 */
import { Router } from 'express';
import type { EmulatorAdapter } from '../../harness/emulator/glossary.ts';
import { renderSmartRecruitersError } from './errors.ts';
import { candidateUuid } from './ids.ts';
import { nativeRoutes } from './native-api.ts';
import { listPackages, placeOrder } from './recruiter.ts';
import { resultCard } from './cards.ts';
import { sandboxRoutes } from './sandbox-routes.ts';
import { DEFAULT_SETTINGS, stateOf } from './state.ts';

export const smartrecruitersEmulator: EmulatorAdapter = {
  key: 'smartrecruiters',
  name: 'SmartRecruiters',
  jsonTypes: ['application/merge-patch+json'],
  renderError: (err) => renderSmartRecruitersError(err),
  routes: (ctx) => Router().use(sandboxRoutes(ctx)).use(nativeRoutes(ctx)),
  listPackages: (ctx, input) => listPackages(ctx, input),
  sendTest: (ctx, input) => placeOrder(ctx, input, 'ad-hoc'),
  resultCards: async (ctx, candidate) =>
    (await stateOf(ctx)).orders
      .lookup('candidate', candidate.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(resultCard),
  candidateNativeId: (c) => candidateUuid(c),
  init: async (ctx) => {
    const state = await stateOf(ctx);
    await state.setSettings(DEFAULT_SETTINGS);
  },
};
