/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * GET /v1/jobs/{id} of Greenhouse's Harvest (public) API, the fields the bridge reads: the job's name and hiring team.
 */
export interface GreenhouseHarvestJob {
  id: number;
  name: string;
  status?: string;
  hiring_team: {
    hiring_managers: GreenhouseHiringTeamMember[];
    recruiters: GreenhouseHiringTeamMember[];
    coordinators: GreenhouseHiringTeamMember[];
    sourcers: GreenhouseHiringTeamMember[];
  };
}
/**
 * This interface was referenced by `GreenhouseHarvestJob`'s JSON-Schema
 * via the `definition` "GreenhouseHiringTeamMember".
 */
export interface GreenhouseHiringTeamMember {
  id: number;
  first_name: string;
  last_name: string;
  name: string;
  employee_id?: string | null;
  responsible?: boolean;
}
