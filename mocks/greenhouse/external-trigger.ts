/**
 * GreenhousePartnerCalls: Greenhouse calling the partner's four registered URLs (here the bridge's
 * /external-trigger/greenhouse/*), with Basic base64("<API key>:") where the API key is the
 * External Trigger Token. The registered URLs already carry `?tenant-id=`; background checks are a
 * second partner entry whose URLs add `&category=background_check` (see the bridge's
 * trigger-request.ts). test_status's `partner_interview_id` is appended with `&` [I].
 */
import { basic } from '../../harness/signing.ts';
import type { CallResult } from '../../harness/http/client.ts';
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { GreenhouseResponseErrorRequest } from '../../schemas/generated/greenhouse/response-error-request.ts';

export type PartnerEndpoint = 'list_tests' | 'send_test' | 'test_status' | 'response_error';

/** A registered partner URL, as the partner gave it to Greenhouse. */
export function partnerUrl(ctx: EmulatorContext, endpoint: PartnerEndpoint, category: Category): string {
  const q = new URLSearchParams({ 'tenant-id': ctx.account.native.tenantId ?? '' });
  if (category === 'background_check') q.set('category', 'background_check');
  return `${ctx.triggerUrl()}/${endpoint}?${q}`;
}

/** Adds a parameter to a URL that may already have a query string. */
export const withParam = (url: string, name: string, value: string): string => `${url}${url.includes('?') ? '&' : '?'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;

export interface PartnerCall {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  traceId: string;
  orderId?: string;
  requestSchema?: string;
  responseSchema?: string;
}

export function callPartner(ctx: EmulatorContext, c: PartnerCall): Promise<CallResult> {
  return ctx.http({
    method: c.method,
    url: c.url,
    headers: { authorization: basic(ctx.triggerToken(), ''), accept: 'application/json' },
    body: c.body,
    traceId: c.traceId,
    orderId: c.orderId,
    hop: 'external-trigger',
    peer: 'bridge',
    provider: 'greenhouse',
    accountId: ctx.account.id,
    requestSchema: c.requestSchema,
    responseSchema: c.responseSchema,
    timeoutMs: 10_000,
  });
}

/** Greenhouse tells the partner about a malformed answer; a failure here is only journaled. */
export async function reportResponseError(ctx: EmulatorContext, category: Category, body: GreenhouseResponseErrorRequest, traceId: string, orderId?: string): Promise<void> {
  await callPartner(ctx, { method: 'POST', url: partnerUrl(ctx, 'response_error', category), body, traceId, orderId, requestSchema: 'greenhouse/response-error-request' });
}
