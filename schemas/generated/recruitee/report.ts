/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { RecruiteeReportStatus } from './report-update.ts';

/**
 * Answer of PATCH {env}/p/{codename}/reports/{report_id}: the report as stored [I: the answer body is not documented].
 */
export interface RecruiteeReportEnvelope {
  report: RecruiteeReport;
}
/**
 * This interface was referenced by `RecruiteeReportEnvelope`'s JSON-Schema
 * via the `definition` "RecruiteeReport".
 */
export interface RecruiteeReport {
  id: string;
  status: RecruiteeReportStatus;
  score?: string | null;
  completed_at?: string | null;
  urls: {
    [k: string]: string | null;
  };
  subtitle?: string | null;
  properties?: unknown;
  candidate_id: number;
  company_id: number;
  test_id: string;
  test_name: string;
  created_at: string;
  updated_at: string;
}
