/**
 * How this Recruitee emulator is laid out.
 * Environments [C]: RC (StackOne "Staging") under /rc/api, production under /api. Partners live in
 * one environment; a partner (and its secret) from RC does not exist on production.
 * Partners [decision]: one per kind; the linked account's codename is the assessment partner and
 * `{codename}-background-check` the background-check partner (the bridge registers both so).
 */
import type { Category } from '../../harness/emulator/glossary.ts';

export type RecruiteeEnv = 'rc' | 'prod';
export const ENVS: RecruiteeEnv[] = ['rc', 'prod'];
export const ENV_PREFIX: Record<RecruiteeEnv, string> = { rc: '/rc/api', prod: '/api' };
export const ENV_NAME: Record<RecruiteeEnv, string> = { rc: 'RC (Staging)', prod: 'Production' };

export const CODENAME_PATTERN = /^[a-z-]+$/;

/** The key of report.urls shown as the "Open" link [I: Recruitee's docs do not confirm it]. */
export const RESULT_URL_KEY = 'result';

export const PARTNER_NAMES: Record<Category, string> = { assessment: 'Sandbox Assessments', background_check: 'Sandbox Background Checks' };

export const codenameFor = (base: string, kind: Category): string => (kind === 'assessment' ? base : `${base}-background-check`);

/** The environment the linked account's partner lives in. */
export const envOfAccount = (native: Record<string, string>): RecruiteeEnv => (native.environment === 'production' ? 'prod' : 'rc');
