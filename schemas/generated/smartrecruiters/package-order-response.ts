/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * 202 answer of POST <packageOrderUrl>: an empty object.
 */
export interface SmartRecruitersPackageOrderResponse {}
