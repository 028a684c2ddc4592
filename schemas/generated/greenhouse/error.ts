/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * How the Greenhouse emulator words a refusal, in the shape of Greenhouse's Harvest API errors: a message, and per-field errors where there are some.
 */
export interface GreenhouseError {
  message: string;
  errors?: GreenhouseErrorItem[];
}
export interface GreenhouseErrorItem {
  message: string;
  field?: string;
}
