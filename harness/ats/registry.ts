/**
 * The registry of ATSs: every list of ATSs, services, ports, demo accounts, secret headers and fault
 * targets comes from here, and so do the schema enums (`npm run schemas:generate` writes
 * schemas/sandbox/ats.schema.json from it; the schema registry puts ATSs registered at run time in).
 * Manifests only: no server code, so `--help` stays fast. The server sides are in ./sides.ts.
 *
 * Adding an ATS: docs/adding-an-ats.md. A test registers one with `registerAts` (test/fixtures/ats/).
 */
import type { AtsManifest, DemoTenant } from './manifest.ts';
import { manifest as teamtailor } from '../../mocks/teamtailor/manifest.ts';
import { manifest as recruitee } from '../../mocks/recruitee/manifest.ts';
import { manifest as greenhouse } from '../../mocks/greenhouse/manifest.ts';
import { manifest as smartrecruiters } from '../../mocks/smartrecruiters/manifest.ts';

export type { AtsManifest };

/** The ATSs the sandbox ships, in the order every list shows them. */
export const BUILTIN_ATS = [teamtailor, recruitee, greenhouse, smartrecruiters] as const;

export type ProviderKey = (typeof BUILTIN_ATS)[number]['key'];
export type ServiceName = 'controlPlane' | 'bridge' | ProviderKey | 'partner';
export type FaultTargetName = 'bridge' | ProviderKey | 'partner';
/** A demo tenant with the ATS it lives in. */
export interface DemoAccount extends Omit<DemoTenant, 'native'> {
  provider: ProviderKey;
  native: Record<string, string>;
}

const manifests = new Map<string, AtsManifest>();

// The live lists: the same arrays and objects for the life of the process, updated in place when an
// ATS registers, so a module that imported them sees every ATS.
export const PROVIDERS: ProviderKey[] = [];
export const SERVICES: ServiceName[] = [];
export const FAULT_TARGETS: FaultTargetName[] = [];
export const DEFAULT_PORTS = {} as Record<ServiceName, number>;
export const DEMO_ACCOUNTS = {} as Record<ProviderKey, DemoAccount>;
/** names of the native account facts that are secrets, across ATSs */
export const SECRET_NATIVE_KEYS: string[] = [];
/** request headers of the ATSs' own protocols that carry credentials */
export const ATS_SECRET_HEADERS = new Set<string>();

let version = 0;
/** changes whenever the set of ATSs does (the schema registry rebuilds its enums then) */
export const registryVersion = (): number => version;

function rebuild(): void {
  const keys = [...manifests.keys()] as ProviderKey[];
  PROVIDERS.splice(0, PROVIDERS.length, ...keys);
  SERVICES.splice(0, SERVICES.length, 'controlPlane', 'bridge', ...keys, 'partner');
  FAULT_TARGETS.splice(0, FAULT_TARGETS.length, 'bridge', ...keys, 'partner');
  for (const k of Object.keys(DEFAULT_PORTS)) delete DEFAULT_PORTS[k as ServiceName];
  for (const k of Object.keys(DEMO_ACCOUNTS)) delete DEMO_ACCOUNTS[k as ProviderKey];
  Object.assign(DEFAULT_PORTS, { controlPlane: 4000, bridge: 4010 });
  for (const m of manifests.values()) {
    DEFAULT_PORTS[m.key as ProviderKey] = m.defaultPort;
    DEMO_ACCOUNTS[m.key as ProviderKey] = { ...m.demoAccount, provider: m.key as ProviderKey, native: { ...m.demoAccount.native } };
  }
  DEFAULT_PORTS.partner = 4015;
  SECRET_NATIVE_KEYS.splice(0, SECRET_NATIVE_KEYS.length, ...new Set([...manifests.values()].flatMap((m) => m.secretNativeKeys)));
  ATS_SECRET_HEADERS.clear();
  for (const m of manifests.values()) for (const h of m.secretHeaders) ATS_SECRET_HEADERS.add(h.toLowerCase());
  version++;
}

const KEY = /^[a-z][a-z0-9]*$/;

/**
 * Adds an ATS to every list (its server sides: registerAtsSides in ./sides.ts). Returns the undo,
 * for tests. Refuses a key that is taken, not lower-case alphanumeric, or a port in use.
 */
export function registerAts(m: AtsManifest): () => void {
  if (!KEY.test(m.key)) throw new Error(`ATS key ${JSON.stringify(m.key)}: lower-case letters and digits, starting with a letter`);
  if (manifests.has(m.key) || ['controlPlane', 'bridge', 'partner'].includes(m.key)) throw new Error(`ATS key ${JSON.stringify(m.key)} is taken`);
  const clash = Object.entries(DEFAULT_PORTS).find(([, p]) => p === m.defaultPort);
  if (clash) throw new Error(`ATS ${m.key}: default port ${m.defaultPort} is ${clash[0]}'s`);
  manifests.set(m.key, m);
  rebuild();
  return () => {
    if (manifests.get(m.key) !== m) return;
    manifests.delete(m.key);
    rebuild();
  };
}

/** The manifest of a registered ATS. */
export const manifestOf = (key: string): AtsManifest | undefined => manifests.get(key);
export const atsManifests = (): AtsManifest[] => [...manifests.values()];

for (const m of BUILTIN_ATS) manifests.set(m.key, m);
rebuild();
