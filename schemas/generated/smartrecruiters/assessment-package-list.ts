/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { SmartRecruitersAssessmentPackage } from './assessment-package.ts';

/**
 * 200 answer of GET <assessmentPackageListUrl>: a bare JSON array of AssessmentPackage (204 with no body when there is none).
 */
export type SmartRecruitersAssessmentPackageList = SmartRecruitersAssessmentPackage[];
