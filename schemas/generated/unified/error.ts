/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { FieldIssue, ProviderError } from './common.ts';

/**
 * StackOne's error body, on every bridge error. details lists each refused field with its JSON pointer, what was expected and what was found.
 */
export interface ErrorEnvelope {
  statusCode: number;
  message: string;
  timestamp: string;
  errorCode?: string;
  details?: FieldIssue[];
  provider_errors?: ProviderError[];
  data?: unknown;
}
