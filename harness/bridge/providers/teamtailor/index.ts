/** PLACEHOLDER: the Teamtailor provider adapter (external trigger + result mapper) is being written. */
import { Router } from 'express';
import type { ProviderAdapter } from '../../glossary.ts';

export const teamtailorProvider: ProviderAdapter = {
  key: 'teamtailor',
  name: 'Teamtailor',
  sendsJobId: false,
  resultFields: [],
  externalTrigger: () => Router(),
  deliverResult: async () => ({ ok: true }),
};
