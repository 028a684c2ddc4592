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
  /**
   * [I] refuse a decimal assessment.score or criteria score with 422 (the docs give 0-100; the card reads 'N out of 100')
   */
  integerScores?: boolean;
  /**
   * send v0 in Teamtailor-Signature beside v1 ([C] the header format t=..,v1=..,v0=..; [I] v0 = HMAC-SHA256(secret, '<t>.<body>'), the scheme before 2024-07-12)
   */
  signatureV0?: boolean;
  /**
   * [I] days after which a test or order still waiting for its result shows as expired on the card, in this ATS's words (on the sandbox clock: POST /_sandbox/clock {"advance": "14d"}); null or absent: never (no deadline is documented). Read from sandbox.config.json.
   */
  expireAfterDays?: number | null;
}
