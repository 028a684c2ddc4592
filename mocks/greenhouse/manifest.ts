/** Greenhouse as the sandbox registers it (harness/ats/manifest.ts): plain data, no server code. */
import type { AtsManifest } from '../../harness/ats/manifest.ts';

export const manifest = {
  key: 'greenhouse',
  name: 'Greenhouse',
  defaultPort: 4013,
  demoAccount: {
    id: 'acct_greenhouse_demo',
    label: 'Acme on Greenhouse',
    externalTriggerToken: 'ett_greenhouse_demo_5a0d13',
    native: { tenantId: 'acme-corp', partnerUsername: 'gh_partner_acme', partnerPassword: 'gh_partner_pw_demo_3e8b90' },
  },
  secretNativeKeys: ['partnerPassword'],
  secretHeaders: [],
  authTypeLabels: { partner: 'Partner API', 'public+partner': 'Public + Partner API', public: 'Harvest API' },
  settingsSchema: 'greenhouse/sandbox-settings',
  cardScript: 'mocks/greenhouse/card.js',
} as const satisfies AtsManifest;
