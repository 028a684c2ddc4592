/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * SmartRecruiters' error body (ErrorResponse): errors[] with a code each, and a message.
 */
export interface SmartRecruitersErrorResponse {
  errors: SmartRecruitersErrorItem[];
  message?: string;
}
export interface SmartRecruitersErrorItem {
  code: string;
  message?: string;
}
