/** PLACEHOLDER: the Recruitee provider adapter (external trigger + result mapper) is being written. */
import { Router } from 'express';
import type { ProviderAdapter } from '../../glossary.ts';

export const recruiteeProvider: ProviderAdapter = {
  key: 'recruitee',
  name: 'Recruitee',
  sendsJobId: false,
  resultFields: [],
  externalTrigger: () => Router(),
  deliverResult: async () => ({ ok: true }),
};
