/**
 * Outbound calls between services. Every call is journaled (service, peer, status, duration,
 * schema verdicts), carries the trace id, has a timeout, and never throws: an answer that did not
 * come is a typed failure the caller can turn into the right words.
 */
import type { Journal } from '../journal.ts';
import { validate } from '../schemas/registry.ts';
import type { SchemaVerdict } from '../../schemas/generated/sandbox/journal-entry.ts';
import { TRACE_HEADER } from './service-app.ts';
import { localFetch } from './pools.ts';

type CallFailure = 'unreachable' | 'timeout' | 'reset' | 'invalid-url';

export interface CallOptions {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** an object is sent as JSON; a string is sent as is */
  body?: unknown;
  timeoutMs?: number;
  traceId?: string;
  /** domain name of the hop, e.g. package-list */
  hop?: string;
  peer?: string;
  orderId?: string;
  provider?: string;
  accountId?: string;
  /** schemas to judge the request and the answer by; the verdicts go in the journal */
  requestSchema?: string;
  responseSchema?: string;
}

export interface CallResult {
  /** 0 when no answer came */
  status: number;
  ok: boolean;
  failure?: CallFailure;
  error?: string;
  headers: Record<string, string>;
  text: string;
  /** the parsed JSON answer; undefined when the answer is not JSON */
  json?: unknown;
  jsonError?: string;
  durationMs: number;
  verdicts: SchemaVerdict[];
  /** the raw bytes sent */
  sentBody?: string;
}

export type HttpClient = (opts: CallOptions) => Promise<CallResult>;

export function createHttpClient(service: string, journal: Journal): HttpClient {
  return async (opts) => {
    const started = performance.now();
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.traceId) headers[TRACE_HEADER] = opts.traceId;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    const verdicts: SchemaVerdict[] = [];
    if (opts.requestSchema && opts.body !== undefined) {
      const v = validate(opts.requestSchema, typeof opts.body === 'string' ? safeJson(opts.body).value : opts.body);
      verdicts.push({ schema: v.schema, part: 'request', valid: v.valid, ...(v.valid ? {} : { issues: v.issues }) });
    }
    const result: CallResult = { status: 0, ok: false, headers: {}, text: '', durationMs: 0, verdicts, sentBody: body };
    try {
      const url = new URL(opts.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw Object.assign(new Error(`unsupported protocol ${url.protocol}`), { invalidUrl: true });
      const res = await localFetch(url, {
        method: opts.method,
        headers,
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        redirect: 'manual',
      });
      result.status = res.status;
      result.ok = res.status >= 200 && res.status < 300;
      res.headers.forEach((v, k) => (result.headers[k] = v));
      result.text = await res.text();
      if (result.text.length > 0) {
        const parsed = safeJson(result.text);
        if (parsed.ok) result.json = parsed.value;
        else result.jsonError = parsed.error;
      }
      if (opts.responseSchema) {
        const v = parsedOk(result)
          ? validate(opts.responseSchema, result.json)
          : { schema: opts.responseSchema, valid: false, issues: [{ pointer: '', message: 'is not JSON', expected: 'a JSON document', actual: result.text.slice(0, 200) || 'empty body' }] };
        verdicts.push({ schema: v.schema, part: 'response', valid: v.valid, ...(v.valid ? {} : { issues: v.issues }) });
      }
    } catch (e) {
      const err = e as Error & { name: string; cause?: { code?: string }; invalidUrl?: boolean; code?: string };
      if (err.invalidUrl || err.code === 'ERR_INVALID_URL' || err instanceof TypeError && /Invalid URL/i.test(err.message)) {
        result.failure = 'invalid-url';
        result.error = `invalid URL ${JSON.stringify(opts.url)}`;
      } else if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        result.failure = 'timeout';
        result.error = `no answer within ${opts.timeoutMs ?? 10_000} ms`;
      } else {
        const code = err.cause?.code ?? err.code;
        result.failure = code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' ? 'reset' : 'unreachable';
        const cause = (err.cause as Error | undefined)?.message;
        result.error = `${code ?? cause ?? err.message}${code === 'ECONNREFUSED' ? ' (nothing listens there)' : ''}`;
      }
    }
    result.durationMs = Math.round((performance.now() - started) * 100) / 100;
    journal.append({
      service,
      direction: 'out',
      peer: opts.peer,
      hop: opts.hop,
      method: opts.method,
      url: opts.url,
      status: result.status,
      error: result.error,
      durationMs: result.durationMs,
      traceId: opts.traceId,
      orderId: opts.orderId,
      provider: opts.provider,
      accountId: opts.accountId,
      requestHeaders: headers,
      requestBody: body,
      responseBody: result.text,
      verdicts: verdicts.length ? verdicts : undefined,
    });
    return result;
  };
}

const parsedOk = (r: CallResult): boolean => r.text.length > 0 && r.jsonError === undefined;

/** A body as JSON; undefined when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  const r = text ? safeJson(text) : undefined;
  return r?.ok ? r.value : undefined;
}

/** A body as JSON, or its text when it is not JSON; undefined when it is empty. */
export function jsonOrText(text: string): unknown {
  if (!text) return undefined;
  const r = safeJson(text);
  return r.ok ? r.value : text;
}

function safeJson(text: string): { ok: true; value: unknown } | { ok: false; error: string; value?: undefined } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
