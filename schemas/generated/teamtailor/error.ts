/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { TeamtailorJsonApiError } from './common.ts';

/**
 * An error of Teamtailor's Partner API [I: the JSON:API default; Teamtailor does not document its error bodies].
 */
export interface TeamtailorErrorResponse {
  /**
   * @minItems 1
   */
  errors: [TeamtailorJsonApiError, ...TeamtailorJsonApiError[]];
}
