/**
 * The Greenhouse emulator: Greenhouse's side of the Assessment Partner API ("Take Home Test" API).
 * It calls the partner's list_tests / send_test / test_status / response_error (registered as the
 * bridge's /external-trigger/greenhouse/* URLs with ?tenant-id=), serves "Mark Test as Completed"
 * (PATCH /integrations/testing_partners/take_home_tests/:id) and a sliver of Harvest, and renders
 * the candidate's tests as Greenhouse shows them. Errors are Greenhouse-shaped: {message, errors?}.
 */
import { Router } from 'express';
import type { EmulatorAdapter } from '../../harness/emulator/glossary.ts';
import { DEFAULT_GREENHOUSE_OPTIONS, type GreenhouseEmulatorOptions } from './options.ts';
import { renderGreenhouseError } from './errors.ts';
import { takeHomeTestRoutes } from './native-api.ts';
import { harvestRoutes } from './public-api.ts';
import { openTestPicker, sendTakeHomeTest } from './recruiter.ts';
import { takeHomeTests } from './state.ts';
import { greenhouseCard } from './cards.ts';
import { liveOptions, resetOptions, settingsRoutes } from './settings.ts';
import { behaviours } from './behaviours.ts';
import { troubleshootingRows } from './troubleshooting.ts';
import { legacyPollingRoutes } from './legacy-polling.ts';

export type { GreenhouseEmulatorOptions };

export function createGreenhouseEmulator(options: Partial<GreenhouseEmulatorOptions> = {}): EmulatorAdapter {
  const opts: GreenhouseEmulatorOptions = { ...DEFAULT_GREENHOUSE_OPTIONS, ...options };
  return {
    key: 'greenhouse',
    name: 'Greenhouse',
    behaviours,
    troubleshooting: troubleshootingRows,
    renderError: (err) => renderGreenhouseError(err),
    routes: (ctx) => {
      const r = Router();
      const live = liveOptions(ctx, opts);
      r.use(settingsRoutes(ctx, opts));
      r.use(takeHomeTestRoutes(ctx, live));
      r.use(harvestRoutes(ctx, live));
      r.use(legacyPollingRoutes(ctx));
      return r;
    },
    listPackages: (ctx, input) => openTestPicker(ctx, input),
    sendTest: (ctx, input) => sendTakeHomeTest(ctx, liveOptions(ctx, opts), input),
    resultCards: async (ctx, candidate) => {
      const book = await takeHomeTests(ctx);
      return book
        .lookup('candidate', candidate.id)
        .sort((a, b) => a.sentAt.localeCompare(b.sentAt))
        .map(greenhouseCard);
    },
    expiry: (ctx) => ({ afterDays: liveOptions(ctx, opts).expireAfterDays, status: { label: 'Expired', tone: 'warning', icon: 'warning' } }),
    candidateNativeId: (c) => String(c.number),
    init: async (ctx) => {
      resetOptions(ctx, opts);
      await takeHomeTests(ctx);
    },
  };
}

export const greenhouseEmulator: EmulatorAdapter = createGreenhouseEmulator();
