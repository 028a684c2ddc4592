/**
 * The demo world `npm start` seeds: one linked account per ATS and the facts both sides of it know
 * (in real life a person copies the External Trigger Token from StackOne's hub into the ATS, and
 * the ATS's partner credentials into StackOne). The bridge and each emulator are seeded from here.
 */
import type { ProviderKey } from './config.ts';

export interface DemoAccount {
  id: string;
  provider: ProviderKey;
  label: string;
  externalTriggerToken: string;
  /** ATS-side facts: tenant and company ids, the partner's credentials to the ATS's API */
  native: Record<string, string>;
}

export const DEMO_OWNER = { id: 'owner_acme', name: 'Acme Recruiting Ltd' };

export const DEMO_ACCOUNTS: Record<ProviderKey, DemoAccount> = {
  teamtailor: {
    id: 'acct_teamtailor_demo',
    provider: 'teamtailor',
    label: 'Acme on Teamtailor',
    externalTriggerToken: 'ett_teamtailor_demo_7c41a9',
    native: { companyUuid: 'tt-acme-7f3a', partnerApiKey: 'tt_partner_key_demo_51e0c2' },
  },
  recruitee: {
    id: 'acct_recruitee_demo',
    provider: 'recruitee',
    label: 'Acme on Recruitee',
    externalTriggerToken: 'ett_recruitee_demo_2b9e44',
    native: { companyId: '90112', codename: 'stackone-sandbox', environment: 'staging', partnerSecret: 'rt_partner_secret_demo_8d1f07', personalApiToken: 'rt_personal_api_token_demo_4c2a19' },
  },
  greenhouse: {
    id: 'acct_greenhouse_demo',
    provider: 'greenhouse',
    label: 'Acme on Greenhouse',
    externalTriggerToken: 'ett_greenhouse_demo_5a0d13',
    native: { tenantId: 'acme-corp', partnerUsername: 'gh_partner_acme', partnerPassword: 'gh_partner_pw_demo_3e8b90' },
  },
  smartrecruiters: {
    id: 'acct_smartrecruiters_demo',
    provider: 'smartrecruiters',
    label: 'Acme on SmartRecruiters',
    externalTriggerToken: 'ett_smartrecruiters_demo_9f62c8',
    native: { companyId: 'AcmeCorp1', clientId: 'sr_client_acme', clientSecret: 'sr_client_secret_demo_0c77d5' },
  },
};

/** Names of the native facts that are secrets (masked everywhere). */
export const SECRET_NATIVE_KEYS = ['partnerApiKey', 'partnerSecret', 'partnerPassword', 'clientSecret', 'personalApiToken'];
