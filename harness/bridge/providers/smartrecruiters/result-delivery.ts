/**
 * SmartRecruitersResultDelivery: writes a result to SmartRecruiters. It first gets a customer-level
 * token (OAuth2 client credentials at {SmartRecruiters}/identity/oauth/token with the account's
 * clientId/clientSecret, cached until shortly before it expires), then PATCHes the order's
 * resultCallbackURL with the PackageResult merge patch. A 401 with a cached token gets one retry
 * with a fresh token.
 */
import { atCurrentBase } from '../../../http/service-urls.ts';
import type { BridgeApi, LinkedAccountRecord, ResultDeliveryInput, ResultDeliveryOutcome } from '../../glossary.ts';
import type { CallResult } from '../../../http/client.ts';
import { toPackageResultPatch } from './result-mapper.ts';
import { clock } from '../../../clock.ts';

interface CachedToken {
  token: string;
  expiresAt: number;
}

const caches = new WeakMap<BridgeApi, Map<string, CachedToken>>();
const cacheOf = (bridge: BridgeApi): Map<string, CachedToken> => {
  let c = caches.get(bridge);
  if (!c) caches.set(bridge, (c = new Map()));
  return c;
};

const failure = (res: CallResult, url: string, what: string): Extract<ResultDeliveryOutcome, { ok: false }> => {
  // SmartRecruiters' rate-limit headers (and Retry-After on a 429) travel with the provider error
  const limits = Object.fromEntries(Object.entries(res.headers ?? {}).filter(([k]) => k === 'retry-after' || k.startsWith('x-ratelimit-')));
  const providerError = { status: res.status || null, url, raw: res.json ?? (res.text || res.error || null), headers: res.status === 429 && Object.keys(limits).length ? limits : null };
  if (res.failure || res.status >= 500) {
    return { ok: false, status: 502, errorCode: 'ProviderUnavailableError', message: `SmartRecruiters could not be reached for ${what}: ${res.error ?? `HTTP ${res.status}`}`, providerError };
  }
  const said = (res.json as { message?: string; error_description?: string } | undefined)?.message ?? (res.json as { error_description?: string } | undefined)?.error_description ?? res.text.slice(0, 300);
  return { ok: false, status: res.status, errorCode: 'ProviderRefusedError', message: `SmartRecruiters refused ${what} (HTTP ${res.status}): ${said}`, providerError };
};

async function customerToken(input: ResultDeliveryInput, fresh: boolean): Promise<{ token: string } | { outcome: ResultDeliveryOutcome }> {
  const { bridge, account } = input;
  const cache = cacheOf(bridge);
  const cached = cache.get(account.id);
  if (!fresh && cached && cached.expiresAt > clock.now()) return { token: cached.token };
  const url = `${bridge.providerUrl('smartrecruiters')}/identity/oauth/token`;
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: account.native.clientId ?? '', client_secret: account.native.clientSecret ?? '', scope: 'assessment_result_manage' });
  const res = await bridge.http({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
    ...journalOf(input),
    responseSchema: 'smartrecruiters/token-response',
  });
  const body = res.json as { access_token?: unknown; expires_in?: unknown } | undefined;
  if (!res.ok || typeof body?.access_token !== 'string') {
    const f = failure(res, url, "the bridge's customer-level credentials (account.native clientId/clientSecret)");
    // a refused credential is the bridge's problem, not the partner's: always 502, with SmartRecruiters' words
    return { outcome: { ...f, status: 502, ...(res.ok ? { message: 'SmartRecruiters answered the token request without an access_token' } : {}) } };
  }
  const ttl = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
  cache.set(account.id, { token: body.access_token, expiresAt: clock.now() + Math.max(0, ttl - 30) * 1000 });
  return { token: body.access_token };
}

/** How both calls of one delivery are journaled. */
const journalOf = ({ order, account, traceId }: ResultDeliveryInput) =>
  ({ traceId, hop: 'result-mapping', peer: 'smartrecruiters', orderId: order.id, provider: 'smartrecruiters', accountId: account.id }) as const;

export async function deliverSmartRecruitersResult(input: ResultDeliveryInput): Promise<ResultDeliveryOutcome> {
  const { bridge, order, result } = input;
  const url = typeof order.native.resultCallbackURL === 'string' ? atCurrentBase(order.native.resultCallbackURL, bridge.providerUrl('smartrecruiters')) : undefined;
  if (!url) {
    return { ok: false, status: 502, errorCode: 'ProviderRefusedError', message: `Order ${order.id} has no SmartRecruiters resultCallbackURL`, providerError: { status: null, url: null, raw: null, headers: null } };
  }
  const patch = toPackageResultPatch(result, order);
  const send = async (token: string) =>
    bridge.http({
      method: 'PATCH',
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: patch,
      ...journalOf(input),
      requestSchema: 'smartrecruiters/package-result-patch',
      responseSchema: 'smartrecruiters/package-result',
    });
  let t = await customerToken(input, false);
  if ('outcome' in t) return t.outcome;
  let res = await send(t.token);
  if (res.status === 401) {
    t = await customerToken(input, true);
    if ('outcome' in t) return t.outcome;
    res = await send(t.token);
  }
  if (res.ok) return { ok: true };
  return failure(res, url, 'the result');
}

/** Forgets the cached customer token of an account (e.g. after its credentials change). */
function forgetCustomerToken(bridge: BridgeApi, account: LinkedAccountRecord): void {
  cacheOf(bridge).delete(account.id);
}
