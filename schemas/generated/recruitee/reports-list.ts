/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { RecruiteeReport } from './report.ts';

/**
 * Answer of GET {env}/p/{codename}/c/{company_id}/candidates/{candidate_id}/reports [C path; I body and auth (RT-PARTNER-SECRET)].
 */
export interface RecruiteeReportList {
  reports: RecruiteeReport[];
}
