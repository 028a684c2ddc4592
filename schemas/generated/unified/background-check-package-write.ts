/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Body of POST and PATCH /unified/ats/background_checks/packages[/{id}].
 */
export interface BackgroundCheckPackageWrite {
  name?: string | null;
  description?: string | null;
  /**
   * @maxItems 200
   */
  tests?:
    | {
        id?: string | null;
        name?: string | null;
        description?: string | null;
      }[]
    | null;
  passthrough?: {} | null;
}
