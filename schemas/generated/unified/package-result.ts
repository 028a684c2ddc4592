/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { BackgroundCheckPackage } from './common.ts';

/**
 * 200 answer of GET /unified/ats/{assessments,background_checks}/packages/{id}.
 */
export interface PackageResult {
  data: BackgroundCheckPackage;
  raw?: unknown[] | null;
}
