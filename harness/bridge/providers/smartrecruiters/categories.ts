/**
 * How a SmartRecruiters partner app maps to the bridge's two categories. SmartRecruiters keeps one
 * set of partner URLs per partner app, and StackOne's configuration has one Partner Category per
 * app, so the bridge serves one URL set per category under /external-trigger/smartrecruiters:
 * `/assessments/packages…` and `/background_checks/packages…` (the OAuth token URL is shared).
 */
import type { Category } from '../../glossary.ts';
import type { SmartRecruitersAssessmentType } from '../../../../schemas/generated/smartrecruiters/assessment-package.ts';

export const SEGMENT_CATEGORY: Record<string, Category> = { assessments: 'assessment', background_checks: 'background_check' };
const CATEGORY_SEGMENT: Record<Category, string> = { assessment: 'assessments', background_check: 'background_checks' };

/** The SmartRecruiters AssessmentType a package of each category is listed as. */
export const PACKAGE_TYPE: Record<Category, SmartRecruitersAssessmentType> = { assessment: 'SKILL_TEST', background_check: 'BACKGROUND_CHECK' };
