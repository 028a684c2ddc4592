/**
 * The bridge's Teamtailor provider: the external-trigger routes Teamtailor calls (activation,
 * config, webhook) and the result mapper that writes unified results to Teamtailor's Partner
 * Results resource.
 */
import type { ProviderAdapter } from '../../glossary.ts';
import { teamtailorExternalTrigger } from './external-trigger.ts';
import { checkTeamtailorResult, TEAMTAILOR_RESULT_FIELDS } from './result-mapper.ts';
import { deliverTeamtailorResult } from './result-delivery.ts';

export const teamtailorProvider: ProviderAdapter = {
  key: 'teamtailor',
  name: 'Teamtailor',
  sendsJobId: true,
  resultFields: TEAMTAILOR_RESULT_FIELDS,
  externalTrigger: (bridge) => teamtailorExternalTrigger(bridge),
  checkResult: (result) => checkTeamtailorResult(result),
  deliverResult: (input) => deliverTeamtailorResult(input),
};
