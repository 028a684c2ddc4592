/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * What a partner answers Teamtailor with (>= 400) when activation validation fails: Teamtailor shows these strings to the user. The bridge also uses it for a refused GET /config.
 */
export interface TeamtailorPartnerErrors {
  /**
   * @minItems 1
   */
  errors: [string, ...string[]];
}
