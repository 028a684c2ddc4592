/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { TeamtailorAction, TeamtailorAssessment, TeamtailorAssessmentCriterion, TeamtailorAttachment, TeamtailorDetails, TeamtailorHttpUrl, TeamtailorPartnerResultStatus } from './common.ts';

/**
 * Body of POST /partner/v1/partner-results: a result with no webhook behind it. status and candidate-id are required.
 */
export interface TeamtailorPartnerResultCreate {
  data: {
    type: 'partner-results';
    attributes: {
      'candidate-id': number;
      status: TeamtailorPartnerResultStatus;
      summary?: string | null;
      url?: TeamtailorHttpUrl | null;
      assessment?: TeamtailorAssessment;
      details?: TeamtailorDetails | null;
      /**
       * @maxItems 50
       */
      attachments?: TeamtailorAttachment[];
      actions?: TeamtailorAction[];
      'assessment-criteria'?: TeamtailorAssessmentCriterion[];
      'job-id'?: number | null;
    };
  };
}
