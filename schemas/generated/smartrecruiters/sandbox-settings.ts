/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * PUT /_sandbox/settings on the SmartRecruiters emulator: behaviour SmartRecruiters' public docs leave open, and the partner URLs per category.
 */
export interface SmartRecruitersSandboxSettings {
  /**
   * [I] Refuse result changes after COMPLETED/REJECTED/EXPIRED (default false: allowed)
   */
  strictTerminalStatus?: boolean;
  /**
   * lifetime of issued access tokens (default 1800)
   */
  tokenTtlSeconds?: number;
  partnerUrls?: {
    assessment?: SmartRecruitersPartnerUrls;
    background_check?: SmartRecruitersPartnerUrls;
  };
  /**
   * The partner-level (master) credentials SmartRecruiters Partner Operations issued the partner; their token has scope partner_configuration_manage (default sr_partner_master / sr_partner_master_secret_demo)
   */
  masterCredentials?: {
    clientId: string;
    clientSecret: string;
  };
  /**
   * [I] multipart part name of POST /orders/{id}/results/attachment (not stated by SmartRecruiters; the old API used 'attachment'); '*' takes the first file part of any name (default 'attachment')
   */
  attachmentFieldName?: string;
  /**
   * [I] an uploaded attachment is added to the order's result attachments (default true); false: only the stored URL is returned
   */
  attachmentUploadAddsToResult?: boolean;
  /**
   * recruiter ids or e-mails that lack recruiter permissions: the Order Assessments button is missing for them
   *
   * @maxItems 100
   */
  usersWithoutRecruiterPermission?: string[];
  rateLimit?: SmartRecruitersRateLimit;
  /**
   * the demo company starts with StackOne Assessments connected (default true); false: the admin must connect it first (POST /_sandbox/admin/connect or the control plane's activate action), and until then the Order Assessments button is missing
   */
  startConnected?: boolean;
  /**
   * [I] how the company id joins a saved integrationDisableUrl that has no {companyId}: appended as a path segment (default) or as ?companyId=
   */
  disableUrlCompanyId?: 'path' | 'query';
  /**
   * [I] days after which a test or order still waiting for its result shows as expired on the card, in this ATS's words (on the sandbox clock: POST /_sandbox/clock {"advance": "14d"}); null or absent: never (no deadline is documented). Read from sandbox.config.json.
   */
  expireAfterDays?: number | null;
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
/**
 * SmartRecruiters' documented API limits [C for the public APIs, I for assessment-api]: 10 requests/s per credential, 8 concurrent; 429 beyond them. Off by default.
 *
 * This interface was referenced by `SmartRecruitersSandboxSettings`'s JSON-Schema
 * via the `definition` "RateLimit".
 */
export interface SmartRecruitersRateLimit {
  /**
   * default false
   */
  enabled?: boolean;
  /**
   * default 10
   */
  requestsPerSecond?: number;
  /**
   * default 8
   */
  concurrent?: number;
}
