/**
 * The authentication types a linked account can be created with in StackOne's Connector Hub, per ATS,
 * and whether the hub's form shows the External Trigger Token field (StackOne's troubleshooting rows
 * "External Trigger Token field is not visible at StackOne Connector Hub" [C]: Teamtailor needs
 * `Public + Partner API` or `Partner API`; SmartRecruiters `OAuth - Assessments/Background Checks`).
 * `public` stands for a type without the token (Teamtailor's Public API; for SmartRecruiters any type
 * but OAuth - Assessments/Background Checks [I: its name]). Such an account answers no external trigger.
 */
import type { ProviderKey, ResolvedProvider } from '../config.ts';

export type AuthType = ResolvedProvider['authType'];

const SR_OAUTH = 'OAuth - Assessments/Background Checks';
const LABELS: Record<ProviderKey, Record<AuthType, string>> = {
  teamtailor: { partner: 'Partner API', 'public+partner': 'Public + Partner API', public: 'Public API' },
  recruitee: { partner: 'Partner API', 'public+partner': 'Public + Partner API', public: 'Public API' },
  greenhouse: { partner: 'Partner API', 'public+partner': 'Public + Partner API', public: 'Harvest API' },
  smartrecruiters: { partner: SR_OAUTH, 'public+partner': SR_OAUTH, public: 'API Key' },
};

const authTypeLabel = (p: ProviderKey, t: AuthType): string => LABELS[p][t];

/** Whether the hub's form has the External Trigger Token field, and if not, what to select instead. */
export function externalTriggerTokenField(p: ProviderKey, t: AuthType): { shown: true } | { shown: false; fix: string } {
  if (t !== 'public') return { shown: true };
  const fix = p === 'smartrecruiters' ? `Select Authentication Type ${SR_OAUTH} instead` : 'Select Authentication Type `Public + Partner API` or `Partner API` instead';
  return { shown: false, fix };
}

/** What the Connector Hub's form shows for an account (LinkedAccount.setup_information). */
export function hubForm(p: ProviderKey, t: AuthType): Record<string, unknown> {
  const field = externalTriggerTokenField(p, t);
  return { authentication_type: authTypeLabel(p, t), external_trigger_token_field: field.shown ? 'shown' : `not shown: ${field.fix}` };
}
