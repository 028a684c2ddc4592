/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { SmartRecruitersAssessmentResult, SmartRecruitersAttachment, SmartRecruitersResultStatus, SmartRecruitersScore } from './package-result.ts';

/**
 * Body of PATCH /assessment-api/v202010/orders/{orderId}/results: a JSON Merge Patch (RFC 7396) of PackageResult. Send only what changes; null removes a field. A score that is sent needs raw, min and max.
 */
export interface SmartRecruitersPackageResultPatch {
  status?: SmartRecruitersResultStatus | null;
  score?: SmartRecruitersScore | null;
  scoreLabel?: string | null;
  summary?: string | null;
  description?: string | null;
  name?: string | null;
  assessmentPackageDate?: string | null;
  submissionDate?: string | null;
  /**
   * @maxItems 50
   */
  attachments?: SmartRecruitersAttachment[] | null;
  assessmentResults?: SmartRecruitersAssessmentResult[] | null;
}
