/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * This interface was referenced by `SmartRecruitersPackageResult`'s JSON-Schema
 * via the `definition` "Status".
 */
export type SmartRecruitersResultStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'REJECTED' | 'EXPIRED';

/**
 * PackageResult of an assessment order, as SmartRecruiters stores it and answers PATCH /assessment-api/v202010/orders/{orderId}/results with.
 */
export interface SmartRecruitersPackageResult {
  status?: SmartRecruitersResultStatus;
  score?: SmartRecruitersScore;
  scoreLabel?: string;
  /**
   * Shown next to score and label; rich text allowed
   */
  summary?: string;
  /**
   * Deprecated, not used: use summary
   */
  description?: string;
  name?: string;
  assessmentPackageDate?: string;
  submissionDate?: string;
  /**
   * @maxItems 50
   */
  attachments?: SmartRecruitersAttachment[];
  assessmentResults?: SmartRecruitersAssessmentResult[];
}
/**
 * Normalised score: raw, min and max are all required integers; the UI shows raw/max.
 *
 * This interface was referenced by `SmartRecruitersPackageResult`'s JSON-Schema
 * via the `definition` "Score".
 */
export interface SmartRecruitersScore {
  raw: number;
  min: number;
  max: number;
}
/**
 * This interface was referenced by `SmartRecruitersPackageResult`'s JSON-Schema
 * via the `definition` "Attachment".
 */
export interface SmartRecruitersAttachment {
  type: 'PDF_URL' | 'VIDEO_URL' | 'OTHER_URL';
  /**
   * http(s) only
   */
  url: string;
  name?: string;
  contentType?: string;
}
/**
 * This interface was referenced by `SmartRecruitersPackageResult`'s JSON-Schema
 * via the `definition` "AssessmentResult".
 */
export interface SmartRecruitersAssessmentResult {
  assessmentId: string;
  assessmentName?: string;
  name?: string;
  summary?: string;
  assessmentDate?: string;
  submissionDate?: string;
  score?: SmartRecruitersScore;
  scoreLabel?: string;
  attachments?: SmartRecruitersAttachment[];
  status?: SmartRecruitersResultStatus;
}
