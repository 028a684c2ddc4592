/**
 * The Greenhouse provider of the bridge: the four partner endpoints Greenhouse calls
 * (/external-trigger/greenhouse/{list_tests,send_test,test_status,response_error}?tenant-id=…)
 * and the result mapper (PATCH the take_home_test, Greenhouse reads test_status).
 */
import type { ProviderAdapter } from '../../glossary.ts';
import { greenhouseExternalTrigger } from './external-trigger.ts';
import { duplicateMessage, GREENHOUSE_RESULT_FIELDS, checkGreenhouseResult, deliverGreenhouseResult } from './result-mapper.ts';

export const greenhouseProvider: ProviderAdapter = {
  key: 'greenhouse',
  name: 'Greenhouse',
  sendsJobId: false,
  resultFields: GREENHOUSE_RESULT_FIELDS,
  externalTrigger: (bridge) => greenhouseExternalTrigger(bridge),
  checkResult: (result) => checkGreenhouseResult(result),
  singleResult: duplicateMessage,
  deliverResult: (input) => deliverGreenhouseResult(input),
};
