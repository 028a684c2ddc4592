/**
 * The bridge's SmartRecruiters provider (Assessment API 2021): the partner endpoints SmartRecruiters
 * calls (external-trigger.ts) and the result mapper that PATCHes results back (result-delivery.ts).
 * docs in each file; decisions: token auth = company id + External Trigger Token (token-issuer.ts),
 * one URL set per category (categories.ts), hiring team = the requester (order-mapper.ts).
 */
import type { ProviderAdapter } from '../../glossary.ts';
import { smartRecruitersExternalTrigger } from './external-trigger.ts';
import { checkResult, RESULT_FIELDS } from './result-mapper.ts';
import { deliverSmartRecruitersResult } from './result-delivery.ts';

export const smartrecruitersProvider: ProviderAdapter = {
  key: 'smartrecruiters',
  name: 'SmartRecruiters',
  sendsJobId: true,
  resultFields: RESULT_FIELDS,
  externalTrigger: (bridge) => smartRecruitersExternalTrigger(bridge),
  checkResult: (result) => checkResult(result),
  deliverResult: (input) => deliverSmartRecruitersResult(input),
};
