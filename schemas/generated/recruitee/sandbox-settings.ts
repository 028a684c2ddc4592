/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * The Recruitee emulator's behaviour where Recruitee's docs are silent [I] (reference PART B); GET/PUT /_sandbox/settings on the Recruitee emulator, or `emulators.recruitee` in sandbox.config.json.
 */
export interface RecruiteeSandboxSettings {
  /**
   * [I] the key of report.urls the candidate card shows as the Open link (default 'result'; Recruitee's docs do not name it). The bridge writes urls.result: another key shows what a recruiter would see if Recruitee used it.
   */
  resultUrlKey?: string;
  /**
   * [C: 'wait a few seconds'; I the figure] how long the Send modal takes to load the tests before Send is enabled (default 0: as soon as the list answers)
   */
  testsLoadMs?: number;
  /**
   * [I] the report Recruitee creates before send_candidate, when the partner refuses the call: removed (no row, default) or kept as a failed row
   */
  refusedReport?: 'removed' | 'failed';
  /**
   * the partner apps the customer enabled in Recruitee's Marketplace (default both); a kind left out is not offered under the candidate's applications
   */
  enabledApps?: ('assessment' | 'background_check')[];
  /**
   * [I] days after which a test or order still waiting for its result shows as expired on the card, in this ATS's words (on the sandbox clock: POST /_sandbox/clock {"advance": "14d"}); null or absent: never (no deadline is documented). Read from sandbox.config.json.
   */
  expireAfterDays?: number | null;
}
