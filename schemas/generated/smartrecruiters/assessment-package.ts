/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * This interface was referenced by `SmartRecruitersAssessmentPackage`'s JSON-Schema
 * via the `definition` "AssessmentType".
 */
export type SmartRecruitersAssessmentType =
  | 'VIDEO_INTERVIEW'
  | 'BEHAVIORAL_ASSESSMENT'
  | 'BACKGROUND_CHECK'
  | 'REFERENCE_CHECK'
  | 'SKILL_TEST'
  | 'INLINE_ASSESSMENT';

/**
 * AssessmentPackage: one package a partner offers (GET <assessmentPackageListUrl> items, GET <singleAssessmentPackageUrl>).
 */
export interface SmartRecruitersAssessmentPackage {
  id: string;
  name: string;
  description: string;
  type: SmartRecruitersAssessmentType;
  assessments: SmartRecruitersAssessment[];
}
/**
 * This interface was referenced by `SmartRecruitersAssessmentPackage`'s JSON-Schema
 * via the `definition` "Assessment".
 */
export interface SmartRecruitersAssessment {
  id: string;
  name?: string;
  description: string;
  type: SmartRecruitersAssessmentType;
}
