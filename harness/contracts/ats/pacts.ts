/**
 * The ATS pacts: each emulated ATS is a consumer of the bridge's external-trigger endpoints
 * (`<ats>-ats-sandbox-bridge.json`) and the provider of the native result API the bridge's result
 * mapper calls (`ats-sandbox-bridge-<ats>.json`). Participants are named by the ATS's key.
 */
import { PactV4 } from '@pact-foundation/pact';
import { PACTS_DIR, PARTICIPANTS, pactFileName } from '../pact-files.ts';
import type { ProviderKey } from '../../config.ts';

/** ATS → bridge (external triggers) */
export const triggerPactFile = (ats: ProviderKey): string => pactFileName(ats, PARTICIPANTS.bridge);
/** bridge → ATS (native result APIs) */
export const resultPactFile = (ats: ProviderKey): string => pactFileName(PARTICIPANTS.bridge, ats);

export const triggerPact = (ats: ProviderKey): PactV4 => new PactV4({ consumer: ats, provider: PARTICIPANTS.bridge, dir: PACTS_DIR, logLevel: 'error' });
export const resultPact = (ats: ProviderKey): PactV4 => new PactV4({ consumer: PARTICIPANTS.bridge, provider: ats, dir: PACTS_DIR, logLevel: 'error' });
