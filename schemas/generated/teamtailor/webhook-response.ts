/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { TeamtailorAttachment, TeamtailorDetails, TeamtailorPartnerResultStatus } from './common.ts';

/**
 * Optional 2xx body of POST /webhook. partner_result_attributes (snake_case) is applied to the partner-result only when it is valid; of assessment only score is processed.
 */
export interface TeamtailorWebhookResponse {
  partner_result_attributes?: {
    status?: TeamtailorPartnerResultStatus;
    assessment?: {
      score?: number | null;
    };
    details?: TeamtailorDetails;
    attachments?: TeamtailorAttachment[];
  };
}
