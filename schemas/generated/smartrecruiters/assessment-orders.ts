/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { SmartRecruitersAssessmentResult, SmartRecruitersAttachment, SmartRecruitersResultStatus } from './package-result.ts';

/**
 * 200 answer of GET /assessment-api/v202107/assessment-orders?applicationId=: every assessment order of one application with its result (score as a string).
 */
export type SmartRecruitersAssessmentOrderList = SmartRecruitersAssessmentOrder[];

export interface SmartRecruitersAssessmentOrder {
  orderId: string;
  applicationId: string;
  assessmentPackageName?: string;
  status?: SmartRecruitersResultStatus;
  score?: string;
  scoreLabel?: string;
  summary?: string;
  description?: string;
  assessmentPackageDate?: string;
  submissionDate?: string;
  attachments?: SmartRecruitersAttachment[];
  assessments?: SmartRecruitersAssessmentResult[];
}
