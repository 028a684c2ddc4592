/**
 * The Recruitee provider of the bridge: the partner URLs Recruitee calls (tests, send_candidate)
 * and the result mapper that writes reports back through Recruitee's Partners API.
 */
import type { ProviderAdapter } from '../../glossary.ts';
import { recruiteeTriggerRouter } from './external-trigger.ts';
import { checkRecruiteeResult, RECRUITEE_RESULT_FIELDS } from './result-mapper.ts';
import { deliverRecruiteeResult } from './result-delivery.ts';

export const recruiteeProvider: ProviderAdapter = {
  key: 'recruitee',
  name: 'Recruitee',
  sendsJobId: false,
  resultFields: RECRUITEE_RESULT_FIELDS,
  externalTrigger: (bridge) => recruiteeTriggerRouter(bridge),
  checkResult: (result) => checkRecruiteeResult(result),
  deliverResult: (input) => deliverRecruiteeResult(input),
};
