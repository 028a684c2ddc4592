/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * GET /v1/applications/{id} of Greenhouse's Harvest (public) API, the fields the bridge reads: which candidate and which job.
 */
export interface GreenhouseHarvestApplication {
  id: number;
  candidate_id: number;
  status?: string;
  applied_at?: string | null;
  jobs: {
    id: number;
    name: string;
  }[];
}
