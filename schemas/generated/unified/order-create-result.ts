/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * 200 answer to POST /unified/ats/{assessments,background_checks}/orders (no envelope).
 */
export interface OrderCreateResult {
  id?: string | null;
  remote_id?: string | null;
  test_url?: string | null;
}
