/** Helpers for the SmartRecruiters tests: calling the emulator and the bridge as SmartRecruiters would. */
import type { Sandbox } from '../../harness/sandbox.ts';
import { jsonOrText } from '../../harness/http/client.ts';

export interface Reply {
  status: number;
  json: any;
  headers: Headers;
}

export async function call(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init);
  const json = jsonOrText(await res.text());
  return { status: res.status, json, headers: res.headers };
}

export const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

export const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** A customer-level token from the SmartRecruiters emulator (the credentials the partner/bridge holds). */
export async function emulatorToken(sb: Sandbox): Promise<string> {
  const n = sb.accounts.smartrecruiters.native;
  const r = await call(`${sb.urls.smartrecruiters}/identity/oauth/token`, form({ grant_type: 'client_credentials', client_id: n.clientId, client_secret: n.clientSecret }));
  if (r.status !== 200) throw new Error(`token: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.access_token;
}

/** A Bearer token from the bridge's SmartRecruiters token URL (what SmartRecruiters holds). */
export async function bridgeToken(sb: Sandbox): Promise<string> {
  const a = sb.accounts.smartrecruiters;
  const r = await call(`${sb.urls.bridge}/external-trigger/smartrecruiters/oauth/token`, form({ grant_type: 'client_credentials', client_id: a.native.companyId, client_secret: a.externalTriggerToken }));
  if (r.status !== 200) throw new Error(`bridge token: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.access_token;
}

export async function setBehaviour(sb: Sandbox, b: Record<string, unknown>): Promise<void> {
  const r = await call(`${sb.urls.partner}/_partner/behaviour`, json('PUT', b));
  if (r.status !== 200) throw new Error(`behaviour: ${r.status} ${JSON.stringify(r.json)}`);
}
