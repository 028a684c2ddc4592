/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { FieldIssue } from '../unified/common.ts';

/**
 * One hop seen by a sandbox service: an inbound request it answered or an outbound call it made. Secrets are masked.
 */
export interface JournalEntry {
  /**
   * Position in the journal, increasing
   */
  seq: number;
  at: string;
  /**
   * bridge, an ATS's key, partner or control-plane
   */
  service: string;
  direction: 'in' | 'out';
  /**
   * The other side, where known (the target of an outbound call)
   */
  peer?: string;
  /**
   * What this hop is in the domain, e.g. package-list, order-webhook, result-update
   */
  hop?: string;
  method: string;
  url: string;
  /**
   * HTTP status; 0 when no answer came (unreachable, timeout, reset)
   */
  status: number;
  /**
   * Why no answer came, or the error text shown
   */
  error?: string;
  durationMs: number;
  /**
   * Joins every hop caused by one recruiter action or partner call
   */
  traceId?: string;
  orderId?: string;
  provider?: string;
  accountId?: string;
  requestHeaders?: {
    [k: string]: string;
  };
  requestBody?: string;
  responseBody?: string;
  verdicts?: SchemaVerdict[];
  /**
   * What the service accepted on a guess (an inferred reading of the request); with strict these are refusals
   */
  warnings?: FieldIssue[];
}
/**
 * This interface was referenced by `JournalEntry`'s JSON-Schema
 * via the `definition` "SchemaVerdict".
 */
export interface SchemaVerdict {
  schema: string;
  part?: 'request' | 'response';
  valid: boolean;
  issues?: FieldIssue[];
}
