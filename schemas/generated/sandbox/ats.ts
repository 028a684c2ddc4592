/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { TeamtailorSandboxSettings } from '../teamtailor/sandbox-settings.ts';
import type { RecruiteeSandboxSettings } from '../recruitee/sandbox-settings.ts';
import type { GreenhouseSandboxSettings } from '../greenhouse/sandbox-settings.ts';
import type { SmartRecruitersSandboxSettings } from '../smartrecruiters/sandbox-settings.ts';

/**
 * This interface was referenced by `AtsKeys`'s JSON-Schema
 * via the `definition` "Ats".
 */
export type AtsKey = 'teamtailor' | 'recruitee' | 'greenhouse' | 'smartrecruiters';
/**
 * This interface was referenced by `AtsKeys`'s JSON-Schema
 * via the `definition` "Service".
 */
export type ServiceKey =
  'controlPlane' | 'bridge' | 'teamtailor' | 'recruitee' | 'greenhouse' | 'smartrecruiters' | 'partner';
/**
 * This interface was referenced by `AtsKeys`'s JSON-Schema
 * via the `definition` "FaultTarget".
 */
export type FaultTargetKey = 'bridge' | 'teamtailor' | 'recruitee' | 'greenhouse' | 'smartrecruiters' | 'partner';

/**
 * Generated from the ATS registry (harness/ats/registry.ts) by `npm run schemas:generate`; ATSs registered at run time are added in memory. Do not edit.
 */
export interface AtsKeys {
  ats?: AtsKey;
  service?: ServiceKey;
  faultTarget?: FaultTargetKey;
  emulators?: EmulatorSettings;
}
/**
 * This interface was referenced by `AtsKeys`'s JSON-Schema
 * via the `definition` "EmulatorSettings".
 */
export interface EmulatorSettings {
  teamtailor?: TeamtailorSandboxSettings;
  recruitee?: RecruiteeSandboxSettings;
  greenhouse?: GreenhouseSandboxSettings;
  smartrecruiters?: SmartRecruitersSandboxSettings;
}
