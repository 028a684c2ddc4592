/**
 * The server sides of each registered ATS: its emulator adapter (mocks/<ats>/) and its bridge
 * provider (harness/bridge/providers/<ats>/). Kept apart from ./registry.ts, whose manifests the CLI
 * reads without loading any of this.
 */
import type { EmulatorAdapter } from '../emulator/glossary.ts';
import type { ProviderAdapter } from '../bridge/glossary.ts';
import { registerAts, PROVIDERS, type AtsManifest, type ProviderKey } from './registry.ts';
import { teamtailorEmulator } from '../../mocks/teamtailor/index.ts';
import { recruiteeEmulator } from '../../mocks/recruitee/index.ts';
import { greenhouseEmulator } from '../../mocks/greenhouse/index.ts';
import { smartrecruitersEmulator } from '../../mocks/smartrecruiters/index.ts';
import { teamtailorProvider } from '../bridge/providers/teamtailor/index.ts';
import { recruiteeProvider } from '../bridge/providers/recruitee/index.ts';
import { greenhouseProvider } from '../bridge/providers/greenhouse/index.ts';
import { smartrecruitersProvider } from '../bridge/providers/smartrecruiters/index.ts';

export interface AtsSides {
  /** the ATS as the recruiter and the partner see it, on the shared emulator engine */
  emulator: EmulatorAdapter;
  /** the bridge's connector to it */
  provider: ProviderAdapter;
}

/** An ATS as a whole: its manifest and both sides. What `registerAtsDefinition` takes. */
export interface AtsDefinition extends AtsSides {
  manifest: AtsManifest;
}

const sides = new Map<string, AtsSides>([
  ['teamtailor', { emulator: teamtailorEmulator, provider: teamtailorProvider }],
  ['recruitee', { emulator: recruiteeEmulator, provider: recruiteeProvider }],
  ['greenhouse', { emulator: greenhouseEmulator, provider: greenhouseProvider }],
  ['smartrecruiters', { emulator: smartrecruitersEmulator, provider: smartrecruitersProvider }],
]);

/** Both sides of a registered ATS. */
export function sidesOf(key: ProviderKey): AtsSides {
  const s = sides.get(key);
  if (!s) throw new Error(`ATS ${JSON.stringify(key)} has a manifest but no sides: register it with registerAtsDefinition`);
  return s;
}

/** Every registered ATS's bridge provider, in the registry's order. */
export const providerAdapters = (): ProviderAdapter[] => PROVIDERS.map((k) => sidesOf(k).provider);

/**
 * Registers a whole ATS (manifest and both sides): from then on startSandbox starts its emulator,
 * the bridge serves /external-trigger/<key>, and every list has it. Returns the undo (tests).
 */
export function registerAtsDefinition(def: AtsDefinition): () => void {
  const { manifest, emulator, provider } = def;
  if (emulator.key !== manifest.key || provider.key !== manifest.key) throw new Error(`ATS ${manifest.key}: the emulator and the provider must carry the manifest's key`);
  const undo = registerAts(manifest);
  sides.set(manifest.key, { emulator, provider });
  return () => {
    undo();
    sides.delete(manifest.key);
  };
}
