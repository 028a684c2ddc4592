/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Body of the signed POST the bridge sends to the partner's Package's List Endpoint URL.
 */
export interface PackageListRequest {
  account_id: string;
  provider: string;
  /**
   * Only where the ATS tells which job the test is for (Teamtailor, SmartRecruiters)
   */
  job_id?: string;
}
