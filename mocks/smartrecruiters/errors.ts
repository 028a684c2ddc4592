/**
 * SmartRecruiters' error shape: {"errors":[{"code","message"}],"message"}. SmartRecruitersError
 * carries SmartRecruiters' own code (APPLICATION_NOT_FOUND, ORDER_NOT_FOUND…); every other
 * sandbox error gets the code SmartRecruiters would use for its status.
 */
import { ApiError, STATUS_MESSAGES, type ErrorCode } from '../../harness/errors.ts';
import type { FieldIssue } from '../../schemas/generated/unified/common.ts';
import type { SmartRecruitersErrorResponse } from '../../schemas/generated/smartrecruiters/error.ts';

const GENERIC: Record<number, ErrorCode> = { 400: 'ValidationError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 415: 'UnsupportedMediaTypeError', 429: 'TooManyRequestsError' };

export class SmartRecruitersError extends ApiError {
  constructor(
    status: number,
    readonly srCode: string,
    message: string,
    details?: FieldIssue[],
  ) {
    super(status, GENERIC[status] ?? 'ValidationError', message, details);
  }
}

const CODE_OF: Partial<Record<ErrorCode, string>> = {
  ValidationError: 'INVALID_REQUEST',
  MalformedJsonError: 'INVALID_JSON',
  UnsupportedMediaTypeError: 'UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLargeError: 'PAYLOAD_TOO_LARGE',
  UnauthorizedError: 'NOT_AUTHORIZED_TO_ACCESS_RESOURCE',
  ForbiddenError: 'FORBIDDEN',
  NotFoundError: 'NOT_FOUND',
  RouteNotFoundError: 'NOT_FOUND',
  ConflictError: 'CONFLICT',
  InternalServerError: 'INTERNAL_ERROR',
};

/** The request guard's refusals (harness/http/request-guard.ts) keep the service's own shape everywhere. */
const GUARD_CODES = new Set<ErrorCode>(['MisdirectedRequestError', 'CrossSiteRequestError']);

export function renderSmartRecruitersError(err: ApiError, req?: { path: string }): { status: number; body: SmartRecruitersErrorResponse | { error: string; error_description: string } } {
  // the token endpoint answers in RFC 6749 §5.2 form (token-issuer.ts), a body it could not read included
  const oauth = (err as { oauthError?: string }).oauthError ?? (req?.path.replace(/\/+$/, '').endsWith('/identity/oauth/token') && err.status < 500 && !GUARD_CODES.has(err.code) ? (err.status === 401 ? 'invalid_client' : 'invalid_request') : undefined);
  if (oauth) return { status: err.status, body: { error: oauth, error_description: err.message } };
  const code = err instanceof SmartRecruitersError ? err.srCode : (CODE_OF[err.code] ?? 'ERROR');
  const errors: SmartRecruitersErrorResponse['errors'] = [{ code, message: err.message || STATUS_MESSAGES[err.status] || 'Error' }];
  for (const d of err.details ?? []) errors.push({ code: 'INVALID_FIELD', message: `${d.pointer || '(body)'} ${d.message}${d.expected !== undefined ? `; expected ${JSON.stringify(d.expected)}` : ''}` });
  return { status: err.status, body: { errors, message: err.message || STATUS_MESSAGES[err.status] || 'Error' } };
}
