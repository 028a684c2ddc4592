/** PLACEHOLDER: the Greenhouse emulator adapter is being written. */
import { Router } from 'express';
import type { EmulatorAdapter } from '../../harness/emulator/glossary.ts';

export const greenhouseEmulator: EmulatorAdapter = {
  key: 'greenhouse',
  name: 'Greenhouse',
  renderError: (err) => ({ body: { error: err.message } }),
  routes: () => Router(),
  listPackages: async () => ({ ok: false, recruiterSees: 'not implemented' }),
  sendTest: async () => ({ ok: false, recruiterSees: 'not implemented' }),
  resultCards: () => [],
};
