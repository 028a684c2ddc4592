/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Claims of the provider key (Bearer JWT on calls from Teamtailor to the partner base URL): the activation form's values keyed by field id [I: HS256, signed with the partner API key].
 */
export interface TeamtailorProviderKeyClaims {
  externalTriggerToken: string;
  iat?: number;
}
