/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Answer of the partner's send_test endpoint: the id of this test instance, echoed on test_status and response_error.
 */
export interface GreenhouseSendTestResponse {
  partner_interview_id: string;
}
