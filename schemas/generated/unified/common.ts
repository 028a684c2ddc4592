/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * The result values StackOne documents. Result.value is an open enum: other strings are accepted with a warning and mapped by each ATS's best guess.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "ResultValue".
 */
export type ResultValue =
  'initiated' | 'in_progress' | 'cancelled' | 'completed' | 'expired' | 'failed' | 'passed' | 'unmapped_value';
/**
 * The content types StackOne documents; AttachmentContentType.value is an open enum.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "AttachmentContentTypeValue".
 */
export type AttachmentContentTypeValue = 'text' | 'pdf' | 'video' | 'other' | 'unmapped_value';

/**
 * Building blocks shared by the unified (StackOne-style) payloads. Unified fields are optional and nullable unless stated.
 */
export interface Common {
  [k: string]: unknown;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Package".
 */
export interface Package {
  /**
   * Unique identifier
   */
  id?: string | null;
  /**
   * Provider's unique identifier
   */
  remote_id?: string | null;
  name?: string | null;
  description?: string | null;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "BackgroundCheckPackage".
 */
export interface BackgroundCheckPackage {
  id?: string | null;
  remote_id?: string | null;
  name?: string | null;
  description?: string | null;
  tests?: Package[] | null;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "ValueWithSource".
 */
export interface ValueWithSource {
  value?: string | null;
  source_value?: unknown;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "HiringTeamMember".
 */
export interface HiringTeamMember {
  user_id?: string | null;
  remote_user_id?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  role?: string | null;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Email".
 */
export interface Email {
  type?: string | null;
  value?: string | null;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "OrderCandidate".
 */
export interface OrderCandidate {
  id?: string | null;
  remote_id?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  emails?: Email[] | null;
  profile_url?: string | null;
  passthrough?: {} | null;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "OrderApplication".
 */
export interface OrderApplication {
  id?: string | null;
  remote_id?: string | null;
  application_status?: ValueWithSource;
  passthrough?: {} | null;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "OrderJob".
 */
export interface OrderJob {
  id?: string | null;
  remote_id?: string | null;
  title?: string | null;
  hiring_team?: HiringTeamMember[] | null;
  passthrough?: {} | null;
}
/**
 * All four values are strings, e.g. {"label":"Percentage","value":"80","min":"0","max":"100"}. Every part optional and nullable.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Score".
 */
export interface Score {
  label?: string | null;
  value?: string | null;
  min?: string | null;
  max?: string | null;
}
/**
 * Every part optional and nullable (StackOne's client models); value is an open enum (ResultValue lists the documented values).
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Result".
 */
export interface Result {
  value?: string | null;
  source_value?: unknown;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "AttachmentContentType".
 */
export interface AttachmentContentType {
  value?: string | null;
  source_value?: unknown;
}
/**
 * Every part optional and nullable (StackOne's client models).
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Attachment".
 */
export interface Attachment {
  url?: string | null;
  content_type?: AttachmentContentType | null;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "ResultCandidate".
 */
export interface ResultCandidate {
  id?: string | null;
  profile_url?: string | null;
}
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "ProviderError".
 */
export interface ProviderError {
  status?: number | null;
  url?: string | null;
  raw?: unknown;
  headers?: {} | null;
}
/**
 * One reason a payload was refused: where (JSON pointer), what was expected and what was found.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "FieldIssue".
 */
export interface FieldIssue {
  /**
   * JSON pointer into the payload, '' for the whole body
   */
  pointer: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}
