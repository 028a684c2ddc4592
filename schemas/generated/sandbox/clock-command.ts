/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Body of POST /_sandbox/clock: exactly one of freeze, advance or resume. Advancing runs every timer that falls due (deliveries, retries, completions, polls, expiries) in time order and answers when the sandbox is quiet again.
 */
export interface ClockCommand {
  /**
   * Stop time at this instant (ISO 8601), or at the current time when true
   */
  freeze?: string | true;
  /**
   * Move time forward: "90s", "2h", "7d", "1h30m", "2w", or a number of milliseconds
   */
  advance?: string | number;
  /**
   * Let time run again from where it stands
   */
  resume?: true;
}
