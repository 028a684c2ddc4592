/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Body of POST /_sandbox/actions/<ats>/send-test: a recruiter sends a test. Every field has a default from the demo data.
 */
export interface SendTestRequest {
  category?: 'assessment' | 'background_check';
  /**
   * Default: the first package offered
   */
  packageId?: string;
  /**
   * Default: the first demo candidate (cand_ada)
   */
  candidateId?: string;
  recruiterId?: string;
}
