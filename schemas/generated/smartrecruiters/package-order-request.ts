/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * AssessmentPackageOrderRequest: POST <packageOrderUrl> (ad-hoc and auto-triggered orders). No order id field: the order id is the {orderId} of resultCallbackURL. The partner answers 202 {}.
 */
export interface SmartRecruitersPackageOrderRequest {
  resultCallbackURL: string;
  candidate: SmartRecruitersOrderCandidate;
  job: SmartRecruitersOrderJob;
  requester?: SmartRecruitersOrderRequester;
  assessmentPackageId: string;
  /**
   * Deprecated: the same as job.id
   */
  jobId: string;
  companyId: string;
  /**
   * Partner fields bound to job fields, e.g. {"jobId": "..."}
   */
  fields?: {
    [k: string]: string;
  };
}
/**
 * The partner-app Candidate shape is not public; this is the safe subset (reference B.4).
 *
 * This interface was referenced by `SmartRecruitersPackageOrderRequest`'s JSON-Schema
 * via the `definition` "Candidate".
 */
export interface SmartRecruitersOrderCandidate {
  id?: string;
  firstName: string;
  lastName: string;
  email: string;
  applicationLanguage?: string;
  phoneNumber?: string;
  location?: {};
}
/**
 * This interface was referenced by `SmartRecruitersPackageOrderRequest`'s JSON-Schema
 * via the `definition` "Job".
 */
export interface SmartRecruitersOrderJob {
  id: string;
  title?: string;
}
/**
 * The recruiter who ordered.
 *
 * This interface was referenced by `SmartRecruitersPackageOrderRequest`'s JSON-Schema
 * via the `definition` "OrderRequester".
 */
export interface SmartRecruitersOrderRequester {
  userId: string;
  email: string;
  firstName?: string;
  lastName?: string;
}
