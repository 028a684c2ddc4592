/**
 * The words `verify` uses to explain a verdict the bridge made: what went wrong (a short name) and
 * the "→ fix" hint. The verdicts themselves are never decided here: the package list is classified by
 * the bridge's PackageListResolver (PackageListFailure), a webhook by the dispatcher's delivery state,
 * a result update by the bridge's answer (status, errorCode, details) as its journal hop records it.
 */
import type { FieldIssue, PackageListOutcome, PackageListFailure } from '../bridge/glossary.ts';

export interface Explained {
  /** what is wrong, in two or three words: `HTTP status`, `not JSON`, `too slow` */
  what: string;
  reason: string;
  hint?: string;
}

const SHAPE = '{"data": [{"id": "...", "remote_id": "...", "name": "..."}]}';

/** A package-list failure as the resolver classified it, with the hint for it. */
export function explainPackageList(outcome: Extract<PackageListOutcome, { ok: false }>, timeoutMs: number): Explained {
  const reason = outcome.explanation;
  const byReason: Record<PackageListFailure, () => Omit<Explained, 'reason'>> = {
    'not-configured': () => ({ what: 'not configured', hint: "configure a Package's List Endpoint URL or a Static Package ID" }),
    'invalid-url': () => ({ what: 'invalid URL', hint: 'give a full http(s) URL' }),
    unreachable: () => ({ what: 'cannot connect', hint: 'is your service running? check the host, port and path of the list URL' }),
    timeout: () => ({
      what: 'too slow',
      hint: `the bridge gives up after ${timeoutMs} ms and the ATS shows the recruiter an error: answer within ${timeoutMs} ms (e.g. serve the list from a cache)`,
    }),
    'http-status': () => ({ what: 'HTTP status', hint: statusHint(outcome.status ?? 0) }),
    'not-json': () => ({ what: 'not JSON', hint: `answer Content-Type: application/json with ${SHAPE}` }),
    'wrong-shape': () => {
      const issues = outcome.issues ?? [];
      if (/bare array/.test(reason)) return { what: 'wrong shape', hint: 'wrap the list as {"data": [...]}' };
      const missing = issues.filter((i) => i.message === 'is required');
      if (missing.length && missing.length === issues.length) {
        return { what: 'missing field', hint: `every package needs ${[...new Set(missing.map((i) => lastSegment(i.pointer)))].join(' and ')}: ${SHAPE}` };
      }
      return { what: 'wrong shape', hint: `answer ${SHAPE} (the shape of GET /unified/ats/assessments/packages)` };
    },
    empty: () => ({ what: 'empty list', hint: 'offer at least one package: the recruiter has nothing to pick' }),
  };
  return { ...byReason[outcome.reason](), reason };
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return "your service refused the bridge's call: check the signing secret it verifies x-stackone-signature with (--signing-secret / --webhook-secret) and the API key it expects in Basic auth (--api-key)";
  if (status === 404) return 'nothing answers at this URL: check the list URL or path you passed';
  if (status >= 500) return 'your service failed: the ATS shows the recruiter an error instead of your packages';
  if (status >= 300 && status < 400) return 'the bridge does not follow redirects: answer at the URL itself';
  return `answer HTTP 200 with ${SHAPE}`;
}

const lastSegment = (pointer: string): string => pointer.split('/').pop() || pointer;

/** Why a correctly signed order webhook did not count as delivered (the dispatcher wants any 2xx). */
export function explainWebhook(attempt: { status: number; error?: string } | undefined, ctx: { timeoutMs: number; maxAttempts: number }): Explained {
  if (!attempt) return { what: 'no attempt', reason: 'the bridge made no delivery attempt', hint: 'a sandbox problem: please report it' };
  const { status, error } = attempt;
  if (status === 0) {
    if (/no answer within/.test(error ?? '')) return { what: 'too slow', reason: `your webhook did not answer: ${error}`, hint: `answer within ${ctx.timeoutMs} ms; do the work after answering 2xx` };
    return { what: 'cannot connect', reason: `the webhook could not be reached: ${error ?? 'no answer'}`, hint: 'is your service running? check the webhook URL' };
  }
  const reason = `your webhook answered HTTP ${status}; the bridge counts only 2xx as delivered`;
  if (status === 401 || status === 403) {
    return { what: 'HTTP status', reason, hint: 'your service refused a correctly signed webhook: check the secret (--webhook-secret) and compute base64url(HMAC-SHA256(raw body, secret)) over the raw bytes, not re-serialised JSON' };
  }
  if (status === 404) return { what: 'HTTP status', reason, hint: 'nothing answers at the webhook URL: check the URL or path you passed' };
  if (status >= 500) return { what: 'HTTP status', reason, hint: `your service failed: StackOne retries with backoff (${ctx.maxAttempts} attempts) and then gives up, and the candidate never gets the test` };
  if (status >= 300 && status < 400) return { what: 'HTTP status', reason, hint: 'the bridge does not follow redirects: answer 2xx at the URL itself' };
  return { what: 'HTTP status', reason, hint: 'answer any 2xx once the order is stored (the body is ignored)' };
}

/**
 * The deliberately wrongly signed webhook. Nothing documents which status a partner must answer
 * (stackone.md §2.4 only says to verify the signature); the dispatcher treats every non-2xx as "not
 * delivered", so any 4xx is a refusal. A 5xx is not: it says the service broke, not that it checked.
 */
export function explainBadSignature(attempt: { status: number; error?: string } | undefined): (Explained & { ok: false }) | { ok: true; reason: string } {
  if (!attempt) return { ok: false, what: 'no attempt', reason: 'the bridge made no delivery attempt', hint: 'a sandbox problem: please report it' };
  const { status, error } = attempt;
  if (status >= 400 && status < 500) return { ok: true, reason: `refused with HTTP ${status}` };
  const hint = 'verify x-stackone-signature = base64url(HMAC-SHA256(raw body, webhook secret)) with a constant-time compare, and answer 401 when it does not match';
  if (status >= 200 && status < 300) return { ok: false, what: 'signature not checked', reason: `your webhook accepted (HTTP ${status}) an order webhook signed with a wrong secret`, hint };
  if (status === 0) return { ok: false, what: 'no answer', reason: `no answer to the wrongly signed webhook: ${error ?? 'no answer'}`, hint };
  return { ok: false, what: 'HTTP status', reason: `your webhook answered HTTP ${status} to a wrongly signed webhook, not a refusal`, hint };
}

export interface BridgeErrorBody {
  statusCode?: number;
  message?: string;
  errorCode?: string;
  details?: FieldIssue[];
  provider_errors?: { status?: number; url?: string; raw?: unknown; headers?: unknown }[];
  /** a hint the bridge itself gives, if it gives one */
  hint?: string;
}

/** A refused result update: the bridge's own message, its details, and the fix. */
export function explainRefusal(status: number, body: BridgeErrorBody | undefined, ctx: { provider: string; atsName: string }): Explained {
  const code = body?.errorCode ?? `HTTP ${status}`;
  const details = (body?.details ?? []).map((d) => `${d.pointer || '(body)'} ${d.message}${d.expected !== undefined ? ` (expected ${show(d.expected)}, got ${show(d.actual)})` : ''}`);
  const reason = `the bridge answered ${status} ${code}: ${body?.message ?? 'no message'}${details.length && !(body?.details ?? []).every((d) => body?.message?.includes(d.pointer)) ? ` — ${details.join('; ')}` : ''}`;
  const hint = body?.hint ?? refusalHint(status, body, ctx);
  return { what: code, reason, ...(hint ? { hint } : {}) };
}

function refusalHint(status: number, body: BridgeErrorBody | undefined, ctx: { provider: string; atsName: string }): string | undefined {
  switch (body?.errorCode) {
    case 'DuplicateResultUpdateError':
      return `${ctx.atsName} accepts one result update per test: send only the final result, once (a repeated webhook delivery must not become a second update)`;
    case 'ValidationError':
      return validationHint(body?.details ?? [], ctx);
    case 'MalformedJsonError':
      return 'send the body as valid JSON';
    case 'UnsupportedMediaTypeError':
      return 'send Content-Type: application/json';
    case 'UnauthorizedError':
      return 'authenticate with Basic auth: your StackOne API key as the user name, an empty password';
    case 'MissingAccountIdError':
    case 'AccountNotFoundError':
      return "send x-account-id with the webhook's account_id";
    case 'NotFoundError':
      return "PATCH the order the webhook named: its record_id, at the order's results_update_url";
    case 'ProviderRefusedError':
      return `${ctx.atsName} refused the result (see provider_errors): send what ${ctx.atsName} requires, e.g. a score with min and max, a result_url for a completed test`;
    case 'ProviderUnavailableError':
      return `the emulated ${ctx.atsName} did not answer the bridge: a sandbox problem, not yours`;
  }
  if (status === 401) return 'authenticate with Basic auth: your StackOne API key as the user name';
  if (status === 404) return "PATCH /unified/ats/{assessments|background_checks}/orders/{id}/result with the webhook's record_id";
  return undefined;
}

/** The fix for the first refused field the bridge names; the connector meta for the rest. */
function validationHint(details: FieldIssue[], ctx: { provider: string; atsName: string }): string {
  const meta = `GET /connectors/meta/${ctx.provider} lists the fields ${ctx.atsName} uses`;
  const p = details[0]?.pointer ?? '';
  const required = /required/.test(details[0]?.message ?? '');
  if (/^\/score\/(min|max)$/.test(p) && required) return `${ctx.atsName} shows a score only with value, min and max: send all three (as strings), or no score`;
  if (p === '/result_url' && required) return `${ctx.atsName} needs a result_url (the report link) for a completed result: send a public or signed http(s) URL`;
  if (p.startsWith('/score')) return `score.label, value, min and max are strings: {"value": "80", "min": "0", "max": "100"}; ${meta}`;
  if (p === '/result') return `result is an object: {"value": "passed", "source_value": "Passed"}; ${meta}`;
  if (p.startsWith('/result_url') || /\/url$/.test(p)) return `send a public (or signed) http(s) URL the recruiter can open; ${meta}`;
  if (p.startsWith('/attachments')) return `each attachment needs an http(s) url and a content_type {"value": "pdf"}; ${meta}`;
  return `${meta}, with the types the unified API documents`;
}

const show = (x: unknown): string => (typeof x === 'string' ? x : JSON.stringify(x));
