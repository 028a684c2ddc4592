/**
 * TeamtailorSettings: where Teamtailor's docs are silent the emulator picks a behaviour [I] and lets
 * tests and scenarios change it (GET/PUT /_sandbox/teamtailor/settings). Kept per emulator instance.
 */
import type { TeamtailorSandboxSettings } from '../../schemas/generated/teamtailor/sandbox-settings.ts';

export type TeamtailorSettings = Required<TeamtailorSandboxSettings>;

export const DEFAULT_SETTINGS: TeamtailorSettings = {
  missingApiVersionStatus: 400,
  acceptPlainJson: false,
  configTimeoutMs: 10_000,
  webhookTimeoutMs: 10_000,
  webhookErrorMarksFailed: true,
  webhookResponseOverridesResult: false,
  integerScores: true,
  signatureV0: true,
  expireAfterDays: null,
};
