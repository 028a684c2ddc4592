/**
 * Errors as data. Every refusal the sandbox makes is an ApiError with a stable code; each service
 * renders it in its own shape (the bridge: StackOne's envelope; an emulator: its ATS's shape).
 * docs/errors.md lists every code.
 */
import type { FieldIssue, ProviderError } from '../schemas/generated/unified/common.ts';
import type { ErrorEnvelope } from '../schemas/generated/unified/error.ts';
import { clock } from './clock.ts';

export type ErrorCode =
  | 'ValidationError'
  | 'MalformedJsonError'
  | 'UnsupportedMediaTypeError'
  | 'PayloadTooLargeError'
  | 'UnauthorizedError'
  | 'ForbiddenError'
  | 'MisdirectedRequestError'
  | 'CrossSiteRequestError'
  | 'TooManyRequestsError'
  | 'RequestTimedOutError'
  | 'StorageUnavailableError'
  | 'InsufficientStorageError'
  | 'MissingAccountIdError'
  | 'AccountNotFoundError'
  | 'AccountIntegrationInactiveError'
  | 'NotFoundError'
  | 'RouteNotFoundError'
  | 'ConflictError'
  | 'DuplicateResultUpdateError'
  | 'ProviderRefusedError'
  | 'ProviderUnavailableError'
  | 'PackageListError'
  | 'NotImplementedError'
  | 'InternalServerError';

/** StackOne's default message per HTTP status (reference/stackone.md §6). */
export const STATUS_MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden resource',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request timed out',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  429: 'Too many requests',
  500: 'Internal server error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

export class ApiError extends Error {
  /** extra answer headers (e.g. Retry-After on a 429 or 408) */
  headers?: Record<string, string>;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    readonly providerErrors?: ProviderError[],
  ) {
    super(message);
  }

  static validation(message: string, details: FieldIssue[]): ApiError {
    return new ApiError(400, 'ValidationError', message, details);
  }
}

/** The StackOne error envelope for an error (statusCode, message, timestamp, errorCode, details, provider_errors). */
export function envelope(err: ApiError): ErrorEnvelope {
  const body: ErrorEnvelope = {
    statusCode: err.status,
    message: err.message || STATUS_MESSAGES[err.status] || 'Error',
    timestamp: clock.iso(),
    errorCode: err.code,
  };
  if (err.details?.length) body.details = err.details;
  if (err.providerErrors?.length) body.provider_errors = err.providerErrors;
  return body;
}

/** Turns anything thrown in a handler into an ApiError: body-parser's errors become clear 4xx. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const x = e as { type?: string; status?: number; statusCode?: number; message?: string; limit?: number; length?: number };
  switch (x?.type) {
    case 'entity.parse.failed':
      return new ApiError(400, 'MalformedJsonError', `Request body is not valid JSON: ${x.message}`, [
        { pointer: '', message: 'is not valid JSON', expected: 'a JSON document', actual: x.message },
      ]);
    case 'entity.too.large':
      return new ApiError(413, 'PayloadTooLargeError', `Request body is larger than the ${x.limit} bytes allowed`, [
        { pointer: '', message: 'is too large', expected: `at most ${x.limit} bytes`, actual: `${x.length} bytes` },
      ]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'UnsupportedMediaTypeError', x.message ?? 'Unsupported encoding');
    case 'request.aborted':
      return new ApiError(400, 'ValidationError', 'Request aborted by the client');
  }
  const status = x?.status ?? x?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new ApiError(status, 'ValidationError', x.message ?? 'Bad Request');
  return new ApiError(500, 'InternalServerError', 'Internal server error');
}
