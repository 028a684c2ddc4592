/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * The Teamtailor emulator's behaviour where Teamtailor's docs are silent [I]; GET/PUT /_sandbox/teamtailor/settings (a PUT may carry any subset).
 */
export interface TeamtailorSandboxSettings {
  /**
   * status of a Partner API call without X-Api-Version
   */
  missingApiVersionStatus?: number;
  /**
   * accept application/json (not only application/vnd.api+json) on writes
   */
  acceptPlainJson?: boolean;
  configTimeoutMs?: number;
  webhookTimeoutMs?: number;
  /**
   * a webhook answered >= 400 leaves the partner-result failed (else it stays sending); the text is shown either way
   */
  webhookErrorMarksFailed?: boolean;
  /**
   * apply the webhook answer even when a result update already reached the partner-result
   */
  webhookResponseOverridesResult?: boolean;
}
