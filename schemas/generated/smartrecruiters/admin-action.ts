/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * What the customer's SmartRecruiters admin does in Settings → Apps & Integrations (sandbox routes /_sandbox/admin/*): consent (Allow and Continue), connect (consent, then the External Trigger Token form of StackOne's consent page), disable.
 */
export interface SmartRecruitersAdminAction {
  /**
   * default: the demo company
   */
  companyId?: string;
  /**
   * connect: false = the admin does not press Allow and Continue (no consent)
   */
  allow?: boolean;
  /**
   * connect: the token typed into the consent form (default: the linked account's)
   */
  externalTriggerToken?: string;
  email?: string;
}
