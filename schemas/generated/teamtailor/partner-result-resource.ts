/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { TeamtailorPartnerResultData } from './common.ts';

/**
 * 200 answer of GET/PUT/POST /partner/v1/partner-results/{id}: the full JSON:API resource (duration normalised to seconds).
 */
export interface TeamtailorPartnerResultResource {
  data: TeamtailorPartnerResultData;
}
