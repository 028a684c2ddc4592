/**
 * What the Greenhouse emulator does where Greenhouse's docs are silent ([I] in
 * reference/greenhouse-smartrecruiters.md PART A). Every choice is an option with a default.
 */
export interface GreenhouseEmulatorOptions {
  /** status of a successful "Mark Test as Completed" PATCH; the answer is only a status code */
  patchStatus: 200 | 204;
  /** read test_status before answering the PATCH ('sync', deterministic) or just after ('async') */
  testStatusTiming: 'sync' | 'async';
  /** a PATCH on a test that is already complete: refused with 409 (default) or answered 2xx and ignored */
  duplicateUpdate: 'reject' | 'ignore';
  /** also send candidate.id and application.id in send_test (reported by third parties, not in Greenhouse's docs) */
  emitExtraIds: boolean;
  /** Basic credentials accepted on the PATCH and Harvest besides the linked account's Partner Username/Password */
  extraCredentials: { username: string; password: string }[];
  /** how long a PATCH that arrives while send_test is still in flight waits for the partner_interview_id */
  sendingWaitMs: number;
  /** legacy polling of test_status after send_test (integrations before Oct 2019); off: the partner pushes */
  legacyPolling: boolean;
  /** how often legacy polling reads test_status ([C] hourly) */
  pollIntervalMinutes: number;
  /** after how many weeks from sending legacy polling gives up ([C] 8) */
  pollForWeeks: number;
  /** days after which a test still waiting for its result shows Expired (null: never) */
  expireAfterDays?: number | null;
}

export const DEFAULT_GREENHOUSE_OPTIONS: GreenhouseEmulatorOptions = {
  patchStatus: 200,
  testStatusTiming: 'sync',
  duplicateUpdate: 'reject',
  emitExtraIds: false,
  extraCredentials: [],
  sendingWaitMs: 3_000,
  legacyPolling: false,
  pollIntervalMinutes: 60,
  pollForWeeks: 8,
};
