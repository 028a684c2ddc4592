/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Every error the Recruitee emulator answers [I: Recruitee documents no error body]: {error} always, plus errors[] naming each bad field of a refused body.
 */
export interface RecruiteeError {
  error: string;
  errors?: RecruiteeFieldError[];
}
export interface RecruiteeFieldError {
  /**
   * JSON pointer into the request body, e.g. /status
   */
  field: string;
  message: string;
}
