/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Body Greenhouse POSTs to the partner's send_test endpoint when a recruiter clicks Send Test. Properties with no value are null, not omitted.
 */
export interface GreenhouseSendTestRequest {
  partner_test_id: string;
  candidate: GreenhouseSendTestCandidate;
  /**
   * E-mail of the Greenhouse user who sent the test
   */
  sent_by?: string | null;
  /**
   * The take_home_test URL the partner PATCHes when the test is complete
   */
  url: string;
  /**
   * Not in Greenhouse's docs; reported by third parties. Sent only when the emulator's emitExtraIds option is on.
   */
  application?: {
    id?: number | string;
  } | null;
}
/**
 * This interface was referenced by `GreenhouseSendTestRequest`'s JSON-Schema
 * via the `definition` "GreenhouseSendTestCandidate".
 */
export interface GreenhouseSendTestCandidate {
  /**
   * Not in Greenhouse's docs; sent only with emitExtraIds
   */
  id?: number | string;
  first_name: string;
  last_name: string;
  preferred_name?: string | null;
  email: string;
  phone_number?: string | null;
  /**
   * Expires 7 days after the request
   */
  resume_url?: string | null;
  /**
   * https://app.greenhouse.io/people/{candidateId}?application_id={applicationId}
   */
  greenhouse_profile_url: string;
}
