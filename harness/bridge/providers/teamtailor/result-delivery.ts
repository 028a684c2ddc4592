/**
 * Writes a unified result to Teamtailor: PUT {update-url} (the partner-result the webhook named)
 * as JSON:API, with the partner API key, X-Api-Version 20180828 and application/vnd.api+json.
 * Repeated updates are allowed by Teamtailor, so nothing here refuses a second one.
 */
import { atCurrentBase } from '../../../http/service-urls.ts';
import type { ResultDeliveryInput, ResultDeliveryOutcome, FieldIssue } from '../../glossary.ts';
import type { TeamtailorPartnerResultUpdate } from '../../../../schemas/generated/teamtailor/partner-result-update.ts';
import type { TeamtailorErrorResponse } from '../../../../schemas/generated/teamtailor/error.ts';
import { toPartnerResultAttributes, unifiedPointer } from './result-mapper.ts';

const TEAMTAILOR_API_VERSION = '20180828';
const JSON_API = 'application/vnd.api+json';

export async function deliverTeamtailorResult({ bridge, account, order, result, traceId }: ResultDeliveryInput): Promise<ResultDeliveryOutcome> {
  const id = typeof order.native.partnerResultId === 'string' ? order.native.partnerResultId : undefined;
  const url = typeof order.native.updateUrl === 'string' ? atCurrentBase(order.native.updateUrl, bridge.providerUrl('teamtailor')) : id ? `${bridge.providerUrl('teamtailor')}/partner/v1/partner-results/${encodeURIComponent(id)}` : undefined;
  if (!id || !url) {
    return {
      ok: false,
      status: 502,
      errorCode: 'ProviderUnavailableError',
      message: `Order ${order.id} has no Teamtailor partner-result to write to`,
      providerError: { status: null, url: null, raw: null, headers: null },
    };
  }
  const body: TeamtailorPartnerResultUpdate = { data: { type: 'partner-results', id, attributes: toPartnerResultAttributes(result) } };
  const res = await bridge.http({
    method: 'PUT',
    url,
    headers: {
      authorization: `Bearer ${account.native.partnerApiKey ?? ''}`,
      'x-api-version': TEAMTAILOR_API_VERSION,
      'content-type': JSON_API,
      accept: JSON_API,
    },
    body,
    traceId,
    hop: 'result-mapping',
    peer: 'teamtailor',
    orderId: order.id,
    provider: 'teamtailor',
    accountId: account.id,
    requestSchema: 'teamtailor/partner-result-update',
    responseSchema: 'teamtailor/partner-result-resource',
  });
  if (res.ok) return { ok: true };
  if (res.failure) {
    return {
      ok: false,
      status: 502,
      errorCode: 'ProviderUnavailableError',
      message: `Teamtailor did not answer the result update (${res.error})`,
      providerError: { status: null, url, raw: null, headers: null },
    };
  }
  const raw = res.json ?? (res.text || null);
  const errors = (res.json as TeamtailorErrorResponse | undefined)?.errors;
  const issues: FieldIssue[] | undefined = Array.isArray(errors)
    ? errors.map((e) => ({ pointer: unifiedPointer(e.source?.pointer), message: `Teamtailor: ${e.detail ?? e.title}`, expected: e.title, actual: e.source?.pointer ?? null }))
    : undefined;
  const words = Array.isArray(errors) ? errors.map((e) => e.detail ?? e.title).join('; ') : res.text.slice(0, 300);
  return {
    ok: false,
    status: res.status >= 500 ? 502 : res.status,
    errorCode: res.status >= 500 ? 'ProviderUnavailableError' : 'ProviderRefusedError',
    message: `Teamtailor refused the result (HTTP ${res.status}): ${words}`,
    providerError: { status: res.status, url, raw, headers: null },
    ...(issues?.length ? { issues } : {}),
  };
}
