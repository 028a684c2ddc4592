/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Answer of the partner's test_status endpoint. 'complete' is the only status Greenhouse defines (results available); it then needs partner_profile_url. metadata is flat: labels to primitive values.
 */
export interface GreenhouseTestStatusResponse {
  partner_status: string;
  /**
   * Link to the result page (http or https); shown as View Report
   */
  partner_profile_url?: string | null;
  partner_score?: number | null;
  metadata?: {
    [k: string]: string | number | boolean | null;
  } | null;
}
