/** Recruitee as the sandbox registers it (harness/ats/manifest.ts): plain data, no server code. */
import type { AtsManifest } from '../../harness/ats/manifest.ts';

export const manifest = {
  key: 'recruitee',
  name: 'Recruitee',
  defaultPort: 4012,
  demoAccount: {
    id: 'acct_recruitee_demo',
    label: 'Acme on Recruitee',
    externalTriggerToken: 'ett_recruitee_demo_2b9e44',
    native: { companyId: '90112', codename: 'stackone-sandbox', environment: 'staging', partnerSecret: 'rt_partner_secret_demo_8d1f07', personalApiToken: 'rt_personal_api_token_demo_4c2a19' },
  },
  secretNativeKeys: ['partnerSecret', 'personalApiToken'],
  secretHeaders: ['rt-partner-secret'],
  settingsSchema: 'recruitee/sandbox-settings',
  cardScript: 'mocks/recruitee/card.js',
} as const satisfies AtsManifest;
