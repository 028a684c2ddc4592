/** PLACEHOLDER: the Greenhouse provider adapter (external trigger + result mapper) is being written. */
import { Router } from 'express';
import type { ProviderAdapter } from '../../glossary.ts';

export const greenhouseProvider: ProviderAdapter = {
  key: 'greenhouse',
  name: 'Greenhouse',
  sendsJobId: false,
  resultFields: [],
  externalTrigger: () => Router(),
  deliverResult: async () => ({ ok: true }),
};
