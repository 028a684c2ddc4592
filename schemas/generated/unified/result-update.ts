/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { Attachment, Result, ResultCandidate, Score } from './common.ts';

/**
 * Body of PATCH /unified/ats/{assessments,background_checks}/orders/{id}/result. Both categories share this shape.
 */
export interface ResultUpdate {
  score?: Score | null;
  start_date?: string | null;
  submission_date?: string | null;
  summary?: string | null;
  result?: Result | null;
  result_url?: string | null;
  /**
   * @maxItems 50
   */
  attachments?: Attachment[] | null;
  candidate?: ResultCandidate | null;
  passthrough?: {} | null;
}
