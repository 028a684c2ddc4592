/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { BackgroundCheckPackage, HiringTeamMember, OrderApplication, OrderCandidate, OrderJob } from './common.ts';

/**
 * An assessment or background-check order: the body of POST /unified/ats/{assessments,background_checks}/orders and the event_data of the order webhook.
 */
export interface Order {
  id?: string | null;
  remote_id?: string | null;
  package?: BackgroundCheckPackage;
  application?: OrderApplication;
  job?: OrderJob;
  candidate?: OrderCandidate;
  requester?: HiringTeamMember;
  results_update_url?: string | null;
  passthrough?: {} | null;
}
