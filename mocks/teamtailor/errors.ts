/**
 * Teamtailor's API errors [I: undocumented; the JSON:API default]:
 * {"errors":[{"title","detail","status","code","source":{"pointer":"/data/attributes/..."}}]}, one per field.
 */
import type { ApiError } from '../../harness/errors.ts';
import type { TeamtailorErrorResponse } from '../../schemas/generated/teamtailor/error.ts';
import type { TeamtailorJsonApiError } from '../../schemas/generated/teamtailor/common.ts';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Record not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  421: 'Misdirected request',
  422: 'Invalid attribute',
  429: 'Too many requests',
  503: 'Service unavailable',
  507: 'Insufficient storage',
};

const fieldName = (pointer: string): string => pointer.replace(/^\/data\/attributes\//, '').replace(/^\//, '') || 'body';

export function renderTeamtailorError(err: ApiError): { status: number; body: TeamtailorErrorResponse; contentType: string } {
  const status = String(err.status);
  const title = TITLES[err.status] ?? (err.status >= 500 ? 'Internal server error' : 'Error');
  const errors: TeamtailorErrorResponse['errors'] = err.details?.length
    ? (err.details.map((d): TeamtailorJsonApiError => ({
        title: err.status === 422 ? `${fieldName(d.pointer)} ${d.message}` : title,
        detail: `${fieldName(d.pointer)} ${d.message}${d.expected !== undefined ? ` (expected ${fmt(d.expected)}, got ${fmt(d.actual)})` : ''}`,
        status,
        code: err.code,
        ...(d.pointer.startsWith('/data') ? { source: { pointer: d.pointer } } : {}),
      })) as TeamtailorErrorResponse['errors'])
    : [{ title, detail: err.message, status, code: err.code }];
  return { status: err.status, body: { errors }, contentType: 'application/vnd.api+json' };
}

const fmt = (x: unknown): string => (typeof x === 'string' ? x : JSON.stringify(x));
