/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * ClientCredentials [C]: the body of POST /assessment-api/v202010/integration/company/{companyId} (the credentials the partner created for SmartRecruiters) and its 200 answer (the customer-level credentials SmartRecruiters created for the partner).
 */
export interface SmartRecruitersClientCredentials {
  clientId: string;
  clientSecret: string;
}
