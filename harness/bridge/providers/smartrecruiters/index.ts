/** PLACEHOLDER: the SmartRecruiters provider adapter (external trigger + result mapper) is being written. */
import { Router } from 'express';
import type { ProviderAdapter } from '../../glossary.ts';

export const smartrecruitersProvider: ProviderAdapter = {
  key: 'smartrecruiters',
  name: 'SmartRecruiters',
  sendsJobId: false,
  resultFields: [],
  externalTrigger: () => Router(),
  deliverResult: async () => ({ ok: true }),
};
