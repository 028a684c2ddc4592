/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * This interface was referenced by `RecruiteeReportUpdate`'s JSON-Schema
 * via the `definition` "RecruiteeReportStatus".
 */
export type RecruiteeReportStatus = 'sent' | 'completed' | 'failed' | 'canceled';

/**
 * Body of PATCH {env}/p/{codename}/reports/{report_id} (partner → Recruitee, RT-PARTNER-SECRET). Flat JSON, partial and repeatable [C]. subtitle and properties are kept for assessment partners only [C]; their shape is unknown [I]. The score length limit is the sandbox's assumption [I].
 */
export interface RecruiteeReportUpdate {
  status?: RecruiteeReportStatus;
  /**
   * Free text shown as given: "10", "76%", "12/15"
   */
  score?: string | null;
  completed_at?: string | null;
  /**
   * cancel: lets the user cancel from Recruitee; the result link key (here `result`) is shown as Open [I]
   */
  urls?: {
    [k: string]: string | null;
  };
  subtitle?: string | null;
  properties?: unknown;
}
