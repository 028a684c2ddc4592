/**
 * RecruiteeResultWriter: PATCHes the mapped report to Recruitee's Partners API in the account's
 * environment, with RT-PARTNER-SECRET, and turns a refusal into the bridge's typed outcome
 * (naming the partner's field where Recruitee named its own).
 */
import { API_PREFIX, environmentOf } from './conventions.ts';
import { SOURCE_FIELD, toReportUpdate } from './result-mapper.ts';
import type { FieldIssue, ResultDeliveryInput, ResultDeliveryOutcome } from './types.ts';
import type { RecruiteeError } from '../../../../schemas/generated/recruitee/error.ts';

export async function deliverRecruiteeResult({ bridge, account, order, result, traceId }: ResultDeliveryInput): Promise<ResultDeliveryOutcome> {
  const reportId = String(order.native.reportId ?? '');
  const codename = String(order.native.codename ?? account.native.codename);
  const url = `${bridge.providerUrl('recruitee')}${API_PREFIX[environmentOf(account.native)]}/p/${encodeURIComponent(codename)}/reports/${encodeURIComponent(reportId)}`;
  const res = await bridge.http({
    method: 'PATCH',
    url,
    headers: { 'content-type': 'application/json', 'rt-partner-secret': account.native.partnerSecret ?? '' },
    body: toReportUpdate(result),
    traceId,
    hop: 'result-mapping',
    peer: 'recruitee',
    orderId: order.id,
    provider: 'recruitee',
    accountId: account.id,
    requestSchema: 'recruitee/report-update',
    responseSchema: 'recruitee/report',
  });
  if (res.ok) return { ok: true };
  const providerError = { status: res.status || null, url, raw: (res.json ?? (res.text ? { text: res.text.slice(0, 500) } : null)) as Record<string, unknown> | null, headers: null };
  if (res.status === 0 || res.status >= 500) {
    return { ok: false, status: 502, errorCode: 'ProviderUnavailableError', message: `Recruitee could not take the result: ${res.error ?? `HTTP ${res.status}`}`, providerError };
  }
  const body = (res.json ?? {}) as Partial<RecruiteeError>;
  const issues: FieldIssue[] = (body.errors ?? []).map((e) => ({
    pointer: SOURCE_FIELD[e.field.replace(/^\//, '')] ?? SOURCE_FIELD[e.field.replace(/^\//, '').split('/')[0]] ?? e.field,
    message: `${e.message} (Recruitee report field ${e.field})`,
  }));
  const said = body.error ?? res.text.slice(0, 200);
  const payload = res.status === 400 || res.status === 422;
  return {
    ok: false,
    status: payload ? 422 : 502,
    errorCode: 'ProviderRefusedError',
    message: `Recruitee refused the result (HTTP ${res.status}): ${said}${issues.length ? ` [${issues.map((i) => i.pointer).join(', ')}]` : ''}`,
    providerError,
    ...(issues.length ? { issues } : {}),
  };
}
