/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "PartnerResultStatus".
 */
export type TeamtailorPartnerResultStatus = 'sending' | 'sent' | 'pending' | 'completed' | 'failed';
/**
 * Since 2025-12; null clears it
 *
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "Grade".
 */
export type TeamtailorGrade = 'top_fit' | 'might_be_fit' | 'might_not_be_fit' | 'unknown' | null;
/**
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "DetailLeaf".
 */
export type TeamtailorDetailLeaf = string | number | boolean | null;
/**
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "HttpUrl".
 */
export type TeamtailorHttpUrl = string;

/**
 * Building blocks of Teamtailor's Partner API (the shared Teamtailor reference, PART A): partner-result attributes and JSON:API errors.
 */
export interface TeamtailorCommon {
  [k: string]: unknown;
}
/**
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "Assessment".
 */
export interface TeamtailorAssessment {
  /**
   * 0-100
   */
  score?: number | null;
  grade?: TeamtailorGrade;
  /**
   * Seconds; HH:MM:SS is also accepted on write
   */
  duration?: number | string | null;
}
/**
 * Any JSON object of depth at most 2, shown to the customer under 'view details'
 *
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "Details".
 */
export interface TeamtailorDetails {
  [k: string]:
    | TeamtailorDetailLeaf
    | {
        [k: string]: TeamtailorDetailLeaf;
      }
    | TeamtailorDetailLeaf[];
}
/**
 * Exactly url and description
 *
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "Attachment".
 */
export interface TeamtailorAttachment {
  url: TeamtailorHttpUrl;
  description: string;
}
/**
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "Action".
 */
export interface TeamtailorAction {
  buttonText: string;
  endpoint: string;
}
/**
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "AssessmentCriterion".
 */
export interface TeamtailorAssessmentCriterion {
  id: string | number;
  score?: number | null;
}
/**
 * What a partner may write on a partner-result (update: all optional; candidate-id must not be sent)
 *
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "PartnerResultAttributes".
 */
export interface TeamtailorPartnerResultAttributes {
  status?: TeamtailorPartnerResultStatus;
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
}
/**
 * A partner-result as the API returns it
 *
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "PartnerResultData".
 */
export interface TeamtailorPartnerResultData {
  id: string;
  type: 'partner-results';
  links: {
    self: string;
  };
  attributes: {
    status: TeamtailorPartnerResultStatus;
    summary?: string | null;
    url?: string | null;
    assessment?: {
      score?: number | null;
      grade?: TeamtailorGrade;
      /**
       * seconds
       */
      duration?: number | null;
    };
    details?: TeamtailorDetails | null;
    attachments?: TeamtailorAttachment[];
    actions?: TeamtailorAction[];
    'assessment-criteria'?: TeamtailorAssessmentCriterion[];
    'candidate-id': number;
    'job-id'?: number | null;
    'created-at'?: string;
    'updated-at'?: string;
  };
}
/**
 * This interface was referenced by `TeamtailorCommon`'s JSON-Schema
 * via the `definition` "JsonApiError".
 */
export interface TeamtailorJsonApiError {
  title: string;
  detail: string;
  status: string;
  code?: string;
  source?: {
    pointer?: string;
    parameter?: string;
    header?: string;
  };
}
