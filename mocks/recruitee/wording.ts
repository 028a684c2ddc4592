/**
 * RecruiteeWording: everything the Recruitee emulator shows a recruiter, in one place. The pop-up
 * texts are the sandbox's wording [I]: Recruitee documents only that 401/403 means an invalid token
 * and that other errors may carry the partner's own message (troubleshooting row "error message on
 * pop-up when user selects the integration app to send the test").
 */
import type { Category } from '../../harness/emulator/glossary.ts';
import type { RecruiteeReportStatus } from '../../schemas/generated/recruitee/report-update.ts';

/** The menu entry / button per partner kind [C]. */
export const ACTION_LABEL: Record<Category, string> = { assessment: 'Send test', background_check: 'Request background check' };

export const MODAL_TITLE = (partner: string): string => `Send ${partner} test`;

export const POPUP = {
  invalidToken: (partner: string): string =>
    `Invalid API token for ${partner}. Go to Marketplace → ${partner} and integrate again with a valid token.`,
  partnerError: (partner: string, message: string): string => `Couldn't load ${partner} tests: ${message}`,
  generic: (partner: string): string => `Couldn't load ${partner} tests. Please try again later or contact ${partner}.`,
  noTests: (partner: string): string => `${partner} has no tests available.`,
  notIntegrated: (what: string): string => `No ${what} integration is enabled. Integrate one from the Marketplace.`,
  sendFailed: (partner: string, message?: string): string =>
    message ? `Couldn't send the test to ${partner}: ${message}` : `Couldn't send the test to ${partner}. Please try again later.`,
  sent: (test: string, candidate: string): string => `"${test}" sent to ${candidate}. Waiting for results (pending).`,
};

/** The status as the score badge's tooltip shows it. */
export const STATUS_LABEL: Record<RecruiteeReportStatus, string> = { sent: 'Sent', completed: 'Completed', failed: 'Failed', canceled: 'Canceled' };

export const OPEN_LINK = 'Open';
