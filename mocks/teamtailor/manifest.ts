/** Teamtailor as the sandbox registers it (harness/ats/manifest.ts): plain data, no server code. */
import type { AtsManifest } from '../../harness/ats/manifest.ts';

export const manifest = {
  key: 'teamtailor',
  name: 'Teamtailor',
  defaultPort: 4011,
  demoAccount: {
    id: 'acct_teamtailor_demo',
    label: 'Acme on Teamtailor',
    externalTriggerToken: 'ett_teamtailor_demo_7c41a9',
    native: { companyUuid: 'tt-acme-7f3a', partnerApiKey: 'tt_partner_key_demo_51e0c2' },
  },
  secretNativeKeys: ['partnerApiKey'],
  secretHeaders: ['teamtailor-api-token'],
  settingsSchema: 'teamtailor/sandbox-settings',
  cardScript: 'mocks/teamtailor/card.js',
} as const satisfies AtsManifest;
