/** Small helpers for the Recruitee tests: the emulator's native API as the bridge (or a partner) calls it. */
import type { Sandbox } from '../../harness/sandbox.ts';
import { jsonOrText } from '../../harness/http/client.ts';

export const SECRET = (sb: Sandbox): string => sb.accounts.recruitee.native.partnerSecret;
export const CODENAME = (sb: Sandbox): string => sb.accounts.recruitee.native.codename;

export async function native(sb: Sandbox, method: string, path: string, opts: { secret?: string; body?: string | object; headers?: Record<string, string> } = {}): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (opts.secret !== undefined) headers['rt-partner-secret'] = opts.secret;
  const res = await fetch(`${sb.urls.recruitee}${path}`, { method, headers, body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) });
  const json = jsonOrText(await res.text());
  return { status: res.status, json };
}

export async function partnerBehaviour(sb: Sandbox, b: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
  if (!res.ok) throw new Error(`behaviour ${JSON.stringify(b)}: ${res.status} ${await res.text()}`);
}

export async function partnerOrders(sb: Sandbox): Promise<any[]> {
  return (await fetch(`${sb.urls.partner}/_partner/orders`)).json() as Promise<any[]>;
}

/** The candidate's reports as the partner reads them back (GET …/c/{company}/candidates/{id}/reports). */
export async function reportsOf(sb: Sandbox, codename: string, candidateNumber = 54321, prefix = '/rc/api'): Promise<any[]> {
  const r = await native(sb, 'GET', `${prefix}/p/${codename}/c/${sb.accounts.recruitee.native.companyId}/candidates/${candidateNumber}/reports`, { secret: SECRET(sb) });
  if (r.status !== 200) throw new Error(`reports: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.reports;
}
