/** SmartRecruiters as the sandbox registers it (harness/ats/manifest.ts): plain data, no server code. */
import type { AtsManifest } from '../../harness/ats/manifest.ts';

export const manifest = {
  key: 'smartrecruiters',
  name: 'SmartRecruiters',
  defaultPort: 4014,
  demoAccount: {
    id: 'acct_smartrecruiters_demo',
    label: 'Acme on SmartRecruiters',
    externalTriggerToken: 'ett_smartrecruiters_demo_9f62c8',
    native: { companyId: 'AcmeCorp1', clientId: 'sr_client_acme', clientSecret: 'sr_client_secret_demo_0c77d5' },
  },
  secretNativeKeys: ['clientSecret'],
  secretHeaders: ['x-smarttoken'],
  authTypeLabels: { partner: 'OAuth - Assessments/Background Checks', 'public+partner': 'OAuth - Assessments/Background Checks', public: 'API Key' },
  settingsSchema: 'smartrecruiters/sandbox-settings',
  cardScript: 'mocks/smartrecruiters/card.js',
} as const satisfies AtsManifest;
