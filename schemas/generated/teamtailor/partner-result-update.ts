/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { TeamtailorPartnerResultAttributes } from './common.ts';

/**
 * Body of PUT /partner/v1/partner-results/{id} (the webhook's update-url), JSON:API, Content-Type application/vnd.api+json. Every attribute is optional; candidate-id must not be sent.
 */
export interface TeamtailorPartnerResultUpdate {
  data: {
    type: 'partner-results';
    id?: string;
    attributes: TeamtailorPartnerResultAttributes;
  };
}
