/**
 * The paths of the reference partner's package lists and order webhook: the ones the bridge → partner
 * pact is recorded with, and `verify`'s defaults for a partner base URL. Kept apart from the pact's
 * matchers so that `verify` does not load Pact.
 */
export const DEFAULT_PATHS = {
  packageList: { assessment: '/packages/assessments', background_check: '/packages/background-checks' },
  webhook: '/webhooks/orders',
} as const;
