/**
 * RecruiteeConventions: the facts StackOne and Recruitee agree on when StackOne registers the
 * partner, kept in one place on the bridge side.
 *
 * Category [decision]: a Recruitee partner has ONE `kind`, so a vendor doing assessments and
 * background checks is two partners. Each partner's `urls` point at its own path segment:
 *   {bridge}/external-trigger/recruitee/assessment/tests          …/assessment/send_candidate
 *   {bridge}/external-trigger/recruitee/background_check/tests    …/background_check/send_candidate
 * and the two partners have two codenames: the account's `codename` (assessment) and
 * `{codename}-background-check` (codenames are lowercase letters and dashes, globally unique).
 * `reference_check` is a Recruitee kind StackOne does not offer: its path answers 404.
 *
 * Environment [C]: Staging = Recruitee RC, Production = Recruitee production. The emulator serves
 * RC under /rc/api and production under /api (as integrations.rc.recruitee.dev/api vs
 * integrations.recruitee.com/api); a partner secret is valid in one environment only.
 */
import type { Category } from '../../glossary.ts';

export const KIND_SEGMENTS: Record<string, Category> = { assessment: 'assessment', background_check: 'background_check' };

/** The key of the result link in report.urls, shown as "Open" [I: not confirmed by Recruitee's docs]. */
export const RESULT_URL_KEY = 'result';

const RECRUITEE_CODENAME = /^[a-z-]+$/;

export function codenameFor(baseCodename: string, category: Category): string {
  return category === 'assessment' ? baseCodename : `${baseCodename}-background-check`;
}

export type RecruiteeEnvironment = 'staging' | 'production';

export function environmentOf(native: Record<string, string>): RecruiteeEnvironment {
  return native.environment === 'production' ? 'production' : 'staging';
}

/** Path prefix of the Partners API in each environment. */
export const API_PREFIX: Record<RecruiteeEnvironment, string> = { staging: '/rc/api', production: '/api' };

const ENVIRONMENT_NAME: Record<RecruiteeEnvironment, string> = { staging: 'RC (Staging)', production: 'Production' };
