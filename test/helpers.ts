/** Small helpers shared by the tests: calling the bridge as a partner would. */
import { basic } from '../harness/signing.ts';
import type { Sandbox } from '../harness/sandbox.ts';
import type { ProviderKey } from '../harness/config.ts';
import { jsonOrText } from '../harness/http/client.ts';

export function partnerHeaders(sb: Sandbox, ats: ProviderKey): Record<string, string> {
  return { authorization: basic(sb.apiKey, ''), 'x-account-id': sb.accounts[ats].id, 'content-type': 'application/json' };
}

export async function bridgeCall(sb: Sandbox, ats: ProviderKey, method: string, path: string, body?: unknown): Promise<{ status: number; json: any; warnings: string[] }> {
  const res = await fetch(`${sb.urls.bridge}${path}`, {
    method,
    headers: partnerHeaders(sb, ats),
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = jsonOrText(await res.text());
  // the bridge's x-ats-sandbox-warning header, one value a warning (fetch joins them with ", ")
  const warnings = res.headers.get('x-ats-sandbox-warning')?.split(', ') ?? [];
  return { status: res.status, json, warnings };
}

export const resultPath = (category: 'assessment' | 'background_check', orderId: string): string =>
  `/unified/ats/${category === 'assessment' ? 'assessments' : 'background_checks'}/orders/${orderId}/result`;
