/** Every ATS emulator. Each is one adapter on the shared engine in harness/emulator/. */
import type { ProviderKey } from '../harness/config.ts';
import type { EmulatorAdapter } from '../harness/emulator/glossary.ts';
import { teamtailorEmulator } from './teamtailor/index.ts';
import { recruiteeEmulator } from './recruitee/index.ts';
import { greenhouseEmulator } from './greenhouse/index.ts';
import { smartrecruitersEmulator } from './smartrecruiters/index.ts';

export const EMULATOR_ADAPTERS: Record<ProviderKey, EmulatorAdapter> = {
  teamtailor: teamtailorEmulator,
  recruitee: recruiteeEmulator,
  greenhouse: greenhouseEmulator,
  smartrecruiters: smartrecruitersEmulator,
};
