/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * InlineAssessmentPackageResponse: the URL SmartRecruiters sends the applying candidate to. The spec's property is url while its required list names assessmentPackageURL; either is accepted.
 */
export type SmartRecruitersInlineOrderResponse = (
  | {
      url: string;
    }
  | {
      assessmentPackageURL: string;
    }
) & {
  url?: string;
  assessmentPackageURL?: string;
};
