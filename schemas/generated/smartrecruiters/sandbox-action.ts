/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Body of the SmartRecruiters emulator's extra recruiter actions: POST /_sandbox/recruiter/move-to-step (auto-trigger mode) and POST /_sandbox/recruiter/inline-apply (inline mode). Every field has a default from the demo data.
 */
export interface SmartRecruitersSandboxAction {
  candidateId?: string;
  recruiterId?: string;
  /**
   * Default: the package configured on the step, else the first the partner offers
   */
  packageId?: string;
  /**
   * inline-apply only; move-to-step takes the step's category
   */
  category?: 'assessment' | 'background_check';
  /**
   * move-to-step only: hiring step id or name (default skills-test)
   */
  step?: string;
}
