/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Answer of the Core API read GET /c/{company_id}/candidates/{candidate_id} (Authorization: Bearer {Personal API Token}), the small part of Recruitee's Public API the bridge uses under 'Public + Partner API' auth to find the job and its hiring team. Offers come side-loaded in references [I: shape modelled on the Core API; hiring_team is the sandbox's simplification].
 */
export interface RecruiteeCandidateResponse {
  candidate: {
    id: number;
    name: string;
    emails: string[];
    phones?: string[];
    placements: RecruiteePlacement[];
  };
  references: RecruiteeOfferReference[];
}
export interface RecruiteePlacement {
  id: number;
  offer_id: number;
  stage_name?: string;
}
export interface RecruiteeOfferReference {
  type: 'Offer';
  id: number;
  title: string;
  hiring_team?: RecruiteeHiringTeamMember[];
}
export interface RecruiteeHiringTeamMember {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  role: string;
}
