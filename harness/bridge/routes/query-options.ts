/**
 * The unified API's query options and request preferences (reference/stackone.md §1.1, conventions) [C]:
 * - `fields=id,name`: each record keeps only the listed fields (an unknown name is ignored [I]);
 * - `filter[updated_after]` (and the deprecated top-level `updated_after`): a date-time, else 400; packages
 *   carry no update time, so every package passes [I];
 * - `raw=true`: the answer carries `raw`, the provider calls made for it ({method, url, body, response});
 * - `Prefer: heartbeat` (RFC 7240): the answer carries `Preference-Applied: heartbeat` (answers come within
 *   the request, so no keep-alive newline is needed);
 * - 429 "Too many requests" with Retry-After when `unifiedApi.rateLimit` is on (StackOne publishes no figure:
 *   off by default, [I] the limit), and 408 "Request timed out" with `Retry-After: 60` [C the shape] for a
 *   package list that timed out when `unifiedApi.packageListTimeoutStatus` is 408 ([I] which upstream timeouts
 *   StackOne answers 408 rather than 502; default 502).
 */
import { ApiError, envelope } from '../../errors.ts';
import type { HopRequest, Reply } from '../../http/direct-routes.ts';
import type { Journal } from '../../journal.ts';
import { clock } from '../../clock.ts';

export interface QueryOptions {
  fields?: string[];
  raw: boolean;
  updatedAfter?: string;
}

const one = (v: unknown): string | undefined => (Array.isArray(v) ? String(v[v.length - 1]) : v === undefined ? undefined : String(v));

export function readQueryOptions(req: HopRequest): QueryOptions {
  const out: QueryOptions = { raw: false };
  const raw = one(req.query.raw);
  if (raw !== undefined) {
    if (raw !== 'true' && raw !== 'false') throw ApiError.validation('Validation failed: raw must be true or false', [{ pointer: '/query/raw', message: 'must be true or false', expected: 'true | false', actual: raw }]);
    out.raw = raw === 'true';
  }
  const fields = one(req.query.fields);
  if (fields !== undefined) {
    const list = fields.split(',').map((f) => f.trim()).filter(Boolean);
    const bad = list.find((f) => !/^[A-Za-z_][\w.]*$/.test(f));
    if (!list.length || bad) throw ApiError.validation('Validation failed: fields is a comma-separated list of field names', [{ pointer: '/query/fields', message: 'must be a comma-separated list of field names', expected: 'e.g. id,remote_id,name', actual: fields }]);
    out.fields = list;
  }
  const after = one(req.query['filter[updated_after]']) ?? one(req.query.updated_after);
  if (after !== undefined) {
    const pointer = req.query['filter[updated_after]'] !== undefined ? '/query/filter[updated_after]' : '/query/updated_after';
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(after) || Number.isNaN(Date.parse(after))) {
      throw ApiError.validation('Validation failed: filter[updated_after] must be a date-time', [{ pointer, message: 'must be a date-time', expected: 'e.g. 2024-01-01T00:00:00.000Z', actual: after }]);
    }
    out.updatedAfter = new Date(after).toISOString();
  }
  return out;
}

/** A record with only the listed fields. */
export function pick<T extends object>(item: T, fields: string[] | undefined): Partial<T> {
  if (!fields) return item;
  return Object.fromEntries(Object.entries(item).filter(([k]) => fields.includes(k))) as Partial<T>;
}

/** Records changed after the date; a record without `updated_at` passes (packages have none). */
export function updatedAfter<T extends object>(items: T[], after: string | undefined): T[] {
  if (!after) return items;
  return items.filter((i) => {
    const u = (i as { updated_at?: unknown }).updated_at;
    return typeof u !== 'string' || Date.parse(u) > Date.parse(after);
  });
}

/** The provider calls the bridge made while answering this request (RawResponse[]). */
export function rawCalls(journal: Journal, traceId: string): { method: string; url: string; body?: unknown; response?: unknown }[] {
  const parse = (t: string | undefined): unknown => {
    if (t === undefined) return undefined;
    try {
      return JSON.parse(t);
    } catch {
      return t;
    }
  };
  return journal
    .query({ traceId, limit: 50 })
    .filter((e) => e.service === 'bridge' && e.direction === 'out')
    .map((e) => ({ method: e.method, url: e.url, ...(e.requestBody !== undefined ? { body: parse(e.requestBody) } : {}), ...(e.responseBody !== undefined ? { response: parse(e.responseBody) } : {}) }));
}

/** `Preference-Applied: heartbeat` when the request said `Prefer: heartbeat`. */
export function preferenceApplied(req: HopRequest): Record<string, string> {
  const prefer = req.header('prefer') ?? '';
  return prefer.split(',').some((p) => p.trim().split(/[;=\s]/)[0].toLowerCase() === 'heartbeat') ? { 'Preference-Applied': 'heartbeat' } : {};
}

/** A per-credential window of one second; undefined while under the limit, else the 429 reply. */
export class UnifiedRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: () => { enabled: boolean; requestsPerSecond: number }) {}

  check(req: HopRequest): Reply | undefined {
    const { enabled, requestsPerSecond } = this.limit();
    if (!enabled) return undefined;
    const key = `${req.header('authorization') ?? ''}|${req.header('x-account-id') ?? ''}`;
    const now = clock.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= 1000) {
      if (this.windows.size > 1000) this.windows.clear();
      this.windows.set(key, (w = { start: now, count: 0 }));
    }
    if (++w.count <= requestsPerSecond) return undefined;
    const retryAfter = Math.max(1, Math.ceil((w.start + 1000 - now) / 1000));
    return {
      status: 429,
      body: envelope(new ApiError(429, 'TooManyRequestsError', `Too many requests: more than ${requestsPerSecond} a second for this account (unifiedApi.rateLimit); retry after ${retryAfter} s`)),
      headers: { 'Retry-After': String(retryAfter) },
    };
  }
}

/** 408 "Request timed out" with Retry-After: 60, StackOne's shape for a timed-out request. */
export function timedOut(message: string): Reply {
  return { status: 408, body: envelope(new ApiError(408, 'RequestTimedOutError', message)), headers: { 'Retry-After': '60' } };
}
