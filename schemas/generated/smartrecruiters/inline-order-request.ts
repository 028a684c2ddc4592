/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { SmartRecruitersOrderJob } from './package-order-request.ts';

/**
 * InlineAssessmentPackageOrderRequest: POST <inlineAssessmentPackageOrderUrl> when a candidate applies to a job with an inline assessment. The partner answers 200 {url}.
 */
export interface SmartRecruitersInlineOrderRequest {
  resultCallbackURL: string;
  candidate: SmartRecruitersInlineCandidate;
  job: SmartRecruitersOrderJob;
  assessmentPackageId: string;
  jobId: string;
  companyId: string;
  completedAssessmentCallbackUrl: string;
  fields?: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `SmartRecruitersInlineOrderRequest`'s JSON-Schema
 * via the `definition` "InlineCandidate".
 */
export interface SmartRecruitersInlineCandidate {
  email: string;
  firstName: string;
  lastName: string;
  applicationLanguage: string;
}
