/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * PartnerConfigurationRequest / PartnerConfiguration of SmartRecruiters' Assessment API 2021 [C]: PUT and GET /assessment-api/v202010/partner/configuration (master token, scope partner_configuration_manage). The URLs are the partner's full URLs SmartRecruiters calls.
 */
export interface SmartRecruitersPartnerConfiguration {
  /**
   * Partner's GET /integration; SmartRecruiters adds companyId (and redirect in REDIRECT mode)
   */
  consentUrl: string;
  consentDisplayMode: 'REDIRECT' | 'POPUP';
  assessmentPackageListUrl: string;
  /**
   * may hold {assessmentPackageId}
   */
  singleAssessmentPackageUrl: string;
  packageOrderUrl?: string;
  inlineAssessmentPackageOrderUrl?: string;
  oauthTokenUrl: string;
  /**
   * Partner's DELETE /integrations/companies/{companyId}
   */
  integrationDisableUrl?: string;
  /**
   * @maxItems 5
   */
  fields?: {
    id: string;
    name: string;
    description: string;
  }[];
  /**
   * @minItems 1
   * @maxItems 6
   */
  supportedAssessmentTypes: [
    (
      | 'VIDEO_INTERVIEW'
      | 'BEHAVIORAL_ASSESSMENT'
      | 'BACKGROUND_CHECK'
      | 'REFERENCE_CHECK'
      | 'SKILL_TEST'
      | 'INLINE_ASSESSMENT'
    ),
    ...(
      | 'VIDEO_INTERVIEW'
      | 'BEHAVIORAL_ASSESSMENT'
      | 'BACKGROUND_CHECK'
      | 'REFERENCE_CHECK'
      | 'SKILL_TEST'
      | 'INLINE_ASSESSMENT'
    )[]
  ];
}
