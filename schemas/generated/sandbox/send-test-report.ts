/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { JournalEntry } from './journal-entry.ts';

/**
 * What happened when a recruiter sent a test: each step as the recruiter saw it, the order id, and every hop it caused.
 */
export interface SendTestReport {
  ats: string;
  ok: boolean;
  category: 'assessment' | 'background_check';
  candidateId: string;
  packageId?: string;
  packages?: {
    id?: string;
    name?: string;
  }[];
  orderId?: string;
  nativeId?: string;
  traceId: string;
  /**
   * The last thing the recruiter saw: a confirmation or the ATS's error text
   */
  recruiterSees?: string;
  steps: {
    step: 'open-form' | 'send';
    ok: boolean;
    recruiterSees: string;
  }[];
  hops: JournalEntry[];
}
