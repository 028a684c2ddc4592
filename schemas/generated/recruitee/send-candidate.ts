/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Body of POST {partner.urls.send_candidate} (Recruitee → partner, Bearer token) once the recruiter presses Send. Recruitee creates the report first and sends its id. No job, stage or requester is sent [C]. Extra modal inputs (phone, admin, ...) may appear keyed by the input name [I], so other fields are allowed.
 */
export interface RecruiteeSendCandidate {
  first_name: string;
  last_name: string;
  email: string;
  /**
   * Recruitee candidate id
   */
  candidate_id: number;
  /**
   * Recruitee company (tenant) id
   */
  company_id: number;
  /**
   * The report the partner writes results to
   */
  report_id: string;
  /**
   * Always a string, even when the tests list gave a number [C]
   */
  test_id: string;
  test_name: string;
}
