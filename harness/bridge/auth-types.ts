/**
 * The authentication types a linked account can be created with in StackOne's Connector Hub, per ATS,
 * and whether the hub's form shows the External Trigger Token field (StackOne's troubleshooting rows
 * "External Trigger Token field is not visible at StackOne Connector Hub" [C]: Teamtailor needs
 * `Public + Partner API` or `Partner API`; SmartRecruiters `OAuth - Assessments/Background Checks`).
 * `public` stands for a type without the token (Teamtailor's Public API; for SmartRecruiters any type
 * but OAuth - Assessments/Background Checks [I: its name]). Such an account answers no external trigger.
 */
import type { ProviderKey, ResolvedProvider } from '../config.ts';
import { manifestOf } from '../ats/registry.ts';

export type AuthType = ResolvedProvider['authType'];

/** The hub's names for an ATS's authentication types: its manifest's, else the common ones. */
const DEFAULT_LABELS: Record<AuthType, string> = { partner: 'Partner API', 'public+partner': 'Public + Partner API', public: 'Public API' };
const labelsOf = (p: ProviderKey): Record<AuthType, string> => manifestOf(p)?.authTypeLabels ?? DEFAULT_LABELS;

/** Whether the hub's form has the External Trigger Token field, and if not, what to select instead. */
export function externalTriggerTokenField(p: ProviderKey, t: AuthType): { shown: true } | { shown: false; fix: string } {
  if (t !== 'public') return { shown: true };
  const l = labelsOf(p);
  const fix = l.partner === l['public+partner'] ? `Select Authentication Type ${l.partner} instead` : `Select Authentication Type \`${l['public+partner']}\` or \`${l.partner}\` instead`;
  return { shown: false, fix };
}

/** What the Connector Hub's form shows for an account (LinkedAccount.setup_information). */
export function hubForm(p: ProviderKey, t: AuthType): Record<string, unknown> {
  const field = externalTriggerTokenField(p, t);
  return { authentication_type: labelsOf(p)[t], external_trigger_token_field: field.shown ? 'shown' : `not shown: ${field.fix}` };
}
