/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Answer of GET {partner.urls.tests} (Recruitee → partner, Bearer token): a BARE JSON array of tests/packages, each {name, id}; id may be a number or a string [C].
 *
 * @maxItems 10000
 */
export type RecruiteeTestsList = RecruiteeTest[];

export interface RecruiteeTest {
  name: string;
  id: string | number;
}
