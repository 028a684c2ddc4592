/**
 * The real credentials behind SmartRecruiters' pact auth matchers: OAuth client-credentials forms
 * and the tokens they buy, computed from the linked account as SmartRecruiters and the bridge do.
 */
import type { DemoAccount } from '../../../harness/demo.ts';

async function token(url: string, form: Record<string, string>): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  const body = (await res.json().catch(() => ({}))) as { access_token?: string };
  if (!res.ok || !body.access_token) throw new Error(`no access token from ${url}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** SmartRecruiters → bridge: the client credentials are the company id and the External Trigger Token. */
export const smartRecruitersTriggerForm = (account: DemoAccount): Record<string, string> => ({
  grant_type: 'client_credentials',
  client_id: account.native.companyId ?? '',
  client_secret: account.externalTriggerToken,
});

/** bridge → SmartRecruiters: the customer-level client credentials, scoped to writing results. */
export const smartRecruitersResultForm = (account: DemoAccount): Record<string, string> => ({
  grant_type: 'client_credentials',
  client_id: account.native.clientId ?? '',
  client_secret: account.native.clientSecret ?? '',
  scope: 'assessment_result_manage',
});

/** A Bearer token the bridge issued to SmartRecruiters. */
export const bridgeTokenFor = (bridgeUrl: string, account: DemoAccount): Promise<string> =>
  token(`${bridgeUrl}/external-trigger/smartrecruiters/oauth/token`, smartRecruitersTriggerForm(account));

/** A Bearer token SmartRecruiters issued to the bridge. */
export const atsTokenFor = (smartRecruitersUrl: string, account: DemoAccount): Promise<string> => token(`${smartRecruitersUrl}/identity/oauth/token`, smartRecruitersResultForm(account));
