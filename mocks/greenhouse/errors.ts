/**
 * Errors as Greenhouse words them, in the shape of its Harvest API errors:
 * `{ "message": "...", "errors": [{ "message": "...", "field": "..." }] }` (errors only when there are field issues).
 */
import type { ApiError } from '../../harness/errors.ts';
import type { GreenhouseError } from '../../schemas/generated/greenhouse/error.ts';
import { GREENHOUSE_WORDING } from './wording.ts';

const field = (pointer: string): string | undefined => pointer.replace(/^\//, '').replace(/\//g, '.') || undefined;

export function renderGreenhouseError(err: ApiError): { body: GreenhouseError } {
  let message = err.message;
  if (err.code === 'RouteNotFoundError') message = `Resource not found: ${err.message}`;
  if (err.code === 'UnauthorizedError' && !message) message = GREENHOUSE_WORDING.badCredentials;
  const body: GreenhouseError = { message };
  if (err.details?.length) body.errors = err.details.map((d) => ({ message: d.message, ...(field(d.pointer) ? { field: field(d.pointer) } : {}) }));
  return { body };
}
