/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * The Greenhouse emulator's behaviour where Greenhouse's docs are silent [I] (reference PART A); GET/PUT /_sandbox/settings on the Greenhouse emulator (a PUT may carry any subset), or `emulators.greenhouse` in sandbox.config.json.
 */
export interface GreenhouseSandboxSettings {
  /**
   * [I] status of a successful Mark Test as Completed PATCH (default 200)
   */
  patchStatus?: 200 | 204;
  /**
   * [I] read test_status before answering the PATCH (sync, default) or just after (async)
   */
  testStatusTiming?: 'sync' | 'async';
  /**
   * [I] a PATCH on a test already complete: refused with 409 (reject, default) or answered 2xx and ignored
   */
  duplicateUpdate?: 'reject' | 'ignore';
  /**
   * [T/I] also send candidate.id and application.id in send_test (third parties report them; Greenhouse's docs do not; default false)
   */
  emitExtraIds?: boolean;
  /**
   * [I] Basic credentials accepted on the PATCH and Harvest besides the linked account's Partner Username/Password (e.g. the org API key as user name, empty password)
   *
   * @maxItems 20
   */
  extraCredentials?: {
    username: string;
    password: string;
  }[];
  /**
   * how long a PATCH that arrives while send_test is in flight waits for the partner_interview_id (default 3000)
   */
  sendingWaitMs?: number;
  /**
   * [C] legacy polling: after send_test Greenhouse reads test_status hourly, stopping at complete, at hire, or after 8 weeks. Off by default: integrations built after 1 Oct 2019 must push (the PATCH). Runs on the sandbox clock (POST /_sandbox/clock).
   */
  legacyPolling?: boolean;
  /**
   * minutes between legacy polls ([C] 60)
   */
  pollIntervalMinutes?: number;
  /**
   * weeks after sending when legacy polling gives up ([C] 8)
   */
  pollForWeeks?: number;
  /**
   * [I] days after which a test or order still waiting for its result shows as expired on the card, in this ATS's words (on the sandbox clock: POST /_sandbox/clock {"advance": "14d"}); null or absent: never (no deadline is documented). Read from sandbox.config.json.
   */
  expireAfterDays?: number | null;
}
