/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Answer of the partner's list_tests endpoint (Greenhouse Assessment Partner API): a bare JSON array, not wrapped in an object.
 *
 * @maxItems 10000
 */
export type GreenhouseListTestsResponse = GreenhouseTest[];

export interface GreenhouseTest {
  /**
   * Test id, stable per org; Greenhouse stores it against the job stage
   */
  partner_test_id: string;
  /**
   * Label shown in Greenhouse's test picker
   */
  partner_test_name: string;
}
