/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { FaultTargetKey } from './ats.ts';

/**
 * This interface was referenced by `FaultRule`'s JSON-Schema
 * via the `definition` "FaultAction".
 */
export type FaultAction = StatusFault | DelayFault | MalformedBodyFault | ResetFault;

/**
 * A fault injected into one sandbox service: requests to a route of the target answer with a status, arrive late, get a malformed body, or lose their connection; once, N times or always. Body of POST /_sandbox/faults and an entry of a scenario's setup.faults.
 */
export interface FaultRule {
  /**
   * Given by the sandbox when absent (flt_...)
   */
  id?: string;
  /**
   * The service whose inbound requests are faulted (the reference partner only: a real partner service cannot be faulted)
   */
  target: FaultTargetKey;
  route: FaultRoute;
  action: FaultAction;
  /**
   * How many matching requests are faulted: once, always (the default), or a number
   */
  times?: number | ('once' | 'always');
  /**
   * Why this fault is there, in plain words
   */
  note?: string;
}
/**
 * This interface was referenced by `FaultRule`'s JSON-Schema
 * via the `definition` "FaultRoute".
 */
export interface FaultRoute {
  /**
   * HTTP method, or * for any (the default)
   */
  method?: string;
  /**
   * Path pattern: literal segments, :param for one segment, * for one segment, ** for the rest (e.g. /unified/ats/* /orders/:id/result, /reports/**)
   */
  path: string;
}
/**
 * This interface was referenced by `FaultRule`'s JSON-Schema
 * via the `definition` "StatusFault".
 */
export interface StatusFault {
  type: 'status';
  status: number;
  /**
   * Answer body: a string is sent as is, anything else as JSON
   */
  body?: {
    [k: string]: unknown;
  };
  /**
   * Default application/json (text/plain for a string body)
   */
  contentType?: string;
  /**
   * Extra answer headers: HTTP token names, values of visible ASCII, spaces and tabs
   */
  headers?: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `FaultRule`'s JSON-Schema
 * via the `definition` "DelayFault".
 */
export interface DelayFault {
  type: 'delay';
  /**
   * Wait this long, then answer as usual
   */
  ms: number;
}
/**
 * This interface was referenced by `FaultRule`'s JSON-Schema
 * via the `definition` "MalformedBodyFault".
 */
export interface MalformedBodyFault {
  type: 'malformed-body';
  /**
   * Default 200
   */
  status?: number;
  /**
   * Default: a JSON document cut in the middle
   */
  body?: string;
  /**
   * Default application/json
   */
  contentType?: string;
}
/**
 * This interface was referenced by `FaultRule`'s JSON-Schema
 * via the `definition` "ResetFault".
 */
export interface ResetFault {
  /**
   * Destroy the connection without an answer (the caller sees ECONNRESET)
   */
  type: 'reset';
}
