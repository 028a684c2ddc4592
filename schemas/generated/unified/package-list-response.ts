/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { Package } from './common.ts';

/**
 * What a partner's Package's List Endpoint must answer: the GET /unified/ats/assessments/packages shape, {data:[...]}, each package with an id and a name. Background-check packages may add tests.
 */
export interface PackageListResponse {
  /**
   * @maxItems 10000
   */
  data: PartnerPackage[];
  next?: string | null;
}
/**
 * This interface was referenced by `PackageListResponse`'s JSON-Schema
 * via the `definition` "PartnerPackage".
 */
export interface PartnerPackage {
  id: string;
  remote_id?: string | null;
  name: string;
  description?: string | null;
  tests?: Package[] | null;
}
