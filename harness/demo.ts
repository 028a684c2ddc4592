/**
 * The demo world `npm start` seeds: one linked account per ATS and the facts both sides of it know
 * (in real life a person copies the External Trigger Token from StackOne's hub into the ATS, and
 * the ATS's partner credentials into StackOne). The bridge and each emulator are seeded from here; each ATS's demo
 * tenant is declared in its manifest (harness/ats/registry.ts).
 */
import { DEMO_ACCOUNTS, SECRET_NATIVE_KEYS, type DemoAccount } from './ats/registry.ts';

export type { DemoAccount };
/** one linked account per ATS (live: an ATS registered at run time has its own) */
export { DEMO_ACCOUNTS, SECRET_NATIVE_KEYS };

export const DEMO_OWNER = { id: 'owner_acme', name: 'Acme Recruiting Ltd' };
