/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { BackgroundCheckPackage } from './common.ts';

/**
 * 200 answer of GET /unified/ats/{assessments,background_checks}/packages. next is the cursor of the following page, null on the last.
 */
export interface PackagePaginated {
  data: BackgroundCheckPackage[];
  next?: string | null;
  raw?: unknown[] | null;
}
