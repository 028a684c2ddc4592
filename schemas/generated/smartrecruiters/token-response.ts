/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * 200 answer of an OAuth2 token endpoint: SmartRecruiters expects access_token and expires_in (seconds).
 */
export interface SmartRecruitersTokenResponse {
  access_token: string;
  token_type?: string;
  expires_in: number;
  scope?: string;
}
