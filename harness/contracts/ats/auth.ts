/**
 * The real credentials behind the ATS pacts' auth matchers. A pact fixes only the FORM of each
 * secret-bearing header (JWT, Basic, Bearer, RT-PARTNER-SECRET); during verification a request
 * filter (verify-filter.ts) puts in the value the provider expects, computed here from the linked
 * account exactly as the ATS or the bridge computes it.
 */
import { basic } from '../../signing.ts';
import { providerKey } from '../../../mocks/teamtailor/provider-key.ts';
import type { DemoAccount } from '../../demo.ts';
import type { ProviderKey } from '../../config.ts';

/** What each ATS sends the bridge on its external-trigger calls (SmartRecruiters: see bridgeTokenFor). */
export function triggerAuthorization(ats: Exclude<ProviderKey, 'smartrecruiters'>, account: DemoAccount): string {
  const token = account.externalTriggerToken;
  switch (ats) {
    case 'teamtailor':
      return `Bearer ${providerKey({ externalTriggerToken: token }, account.native.partnerApiKey ?? '')}`;
    case 'recruitee':
      return `Bearer ${token}`;
    case 'greenhouse':
      return basic(token, '');
  }
}

/** The secret-bearing headers the bridge sends each ATS's result API (SmartRecruiters: see atsTokenFor). */
export function resultAuthHeaders(ats: Exclude<ProviderKey, 'smartrecruiters'>, account: DemoAccount): Record<string, string> {
  switch (ats) {
    case 'teamtailor':
      return { authorization: `Bearer ${account.native.partnerApiKey ?? ''}` };
    case 'recruitee':
      return { 'rt-partner-secret': account.native.partnerSecret ?? '' };
    case 'greenhouse':
      return { authorization: basic(account.native.partnerUsername ?? '', account.native.partnerPassword ?? '') };
  }
}

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
