/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Body Greenhouse POSTs to the partner's response_error endpoint each time a partner endpoint answered a malformed response.
 */
export interface GreenhouseResponseErrorRequest {
  api_call: 'list_tests' | 'send_test' | 'test_status';
  errors: string[];
  partner_test_id?: string | null;
  partner_test_name?: string | null;
  partner_interview_id?: string | null;
  candidate_email?: string | null;
}
