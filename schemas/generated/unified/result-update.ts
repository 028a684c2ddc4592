/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { Attachment, Result, ResultCandidate, Score } from './common.ts';

/**
 * Body of PATCH /unified/ats/{assessments,background_checks}/orders/{id}/result. Both categories share this shape. It accepts what StackOne's published contract accepts (the official client's models: every field optional and nullable, open enums) and refuses wrong types; unknown fields, unknown enum values and missing parts are accepted with a warning (harness/bridge/result-rules.ts).
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
