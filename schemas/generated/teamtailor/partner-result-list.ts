/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { TeamtailorPartnerResultData } from './common.ts';

/**
 * 200 answer of GET /partner/v1/partner-results: the caller partner's results, paged with page[number] and page[size] (default 10).
 */
export interface TeamtailorPartnerResultList {
  data: TeamtailorPartnerResultData[];
  meta: {
    'record-count': number;
    'page-count': number;
  };
  links: {
    first: string;
    last: string;
    prev?: string;
    next?: string;
  };
}
