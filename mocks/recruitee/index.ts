/**
 * The Recruitee emulator: Recruitee's Partners API (reports, per environment), the one Core API
 * read StackOne needs, the recruiter's "Send {Partner} test" modal, and the candidate's partner rows.
 */
import { Router } from 'express';
import type { EmulatorAdapter } from '../../harness/emulator/glossary.ts';
import { recruiteeCards } from './cards.ts';
import { recruiteeCoreApi } from './public-api.ts';
import { renderRecruiteeError } from './errors.ts';
import { recruiteePartnersApi } from './native-api.ts';
import { seedPartners } from './partners.ts';
import { openSendTestModal, sendCandidate } from './recruiter.ts';
import { sendModalRoutes } from './send-modal.ts';
import { resetRecruiteeSettings } from './settings.ts';
import { behaviours } from './behaviours.ts';
import { troubleshootingRows } from './troubleshooting.ts';
import { recruiteeSettings } from './settings.ts';
import { STATUS_LABEL } from './wording.ts';

export const recruiteeEmulator: EmulatorAdapter = {
  key: 'recruitee',
  name: 'Recruitee',
  behaviours,
  troubleshooting: troubleshootingRows,
  renderError: (err) => renderRecruiteeError(err),
  routes: (ctx) => Router().use(sendModalRoutes(ctx)).use(recruiteePartnersApi(ctx)).use(recruiteeCoreApi(ctx)),
  listPackages: (ctx, input) => openSendTestModal(ctx, input),
  sendTest: (ctx, input) => sendCandidate(ctx, input),
  resultCards: (ctx, candidate) => recruiteeCards(ctx, candidate),
  // Recruitee's report statuses are sent, completed, failed and canceled [C]: an expired test is shown canceled [I]
  expiry: (ctx) => ({ afterDays: recruiteeSettings(ctx).expireAfterDays, status: { label: STATUS_LABEL.canceled, tone: 'warning', icon: 'warning' } }),
  candidateNativeId: (c) => String(c.number),
  init: async (ctx) => {
    resetRecruiteeSettings(ctx);
    await seedPartners(ctx);
  },
};
