/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * PUT /_sandbox/settings on the SmartRecruiters emulator: behaviour SmartRecruiters' public docs leave open, and the partner URLs per category.
 */
export interface SmartRecruitersSandboxSettings {
  /**
   * Refuse result changes after COMPLETED/REJECTED/EXPIRED (default false)
   */
  strictTerminalStatus?: boolean;
  tokenTtlSeconds?: number;
  partnerUrls?: {
    assessment?: SmartRecruitersPartnerUrls;
    background_check?: SmartRecruitersPartnerUrls;
  };
}
/**
 * This interface was referenced by `SmartRecruitersSandboxSettings`'s JSON-Schema
 * via the `definition` "PartnerUrls".
 */
export interface SmartRecruitersPartnerUrls {
  oauthTokenUrl?: string;
  assessmentPackageListUrl?: string;
  singleAssessmentPackageUrl?: string;
  packageOrderUrl?: string;
  inlineAssessmentPackageOrderUrl?: string;
}
