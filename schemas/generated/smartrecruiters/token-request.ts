/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * OAuth2 client-credentials token request (application/x-www-form-urlencoded, RFC 6749 §4.4), as SmartRecruiters sends it to a partner's oauthTokenUrl and as a partner sends it to SmartRecruiters' /identity/oauth/token. client_id/client_secret may come in the body or as HTTP Basic.
 */
export interface SmartRecruitersTokenRequest {
  grant_type: 'client_credentials';
  client_id?: string;
  client_secret?: string;
  scope?: string;
}
