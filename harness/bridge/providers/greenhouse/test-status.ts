/**
 * GreenhouseTestStatus: what test_status answers for an order. Greenhouse reads the result here
 * right after the partner's PATCH, so the result mapper makes the result readable before it PATCHes
 * (`pendingResult`) and keeps the result Greenhouse accepted apart (`acceptedResult`): a refused
 * second update never replaces what Greenhouse shows.
 */
import type { NormalisedResult, StoredOrder } from '../../glossary.ts';
import type { GreenhouseTestStatusResponse } from '../../../../schemas/generated/greenhouse/test-status-response.ts';

/** StackOne always reports a result as complete to Greenhouse. */
const COMPLETE = 'complete';
/** Before any result: the test is out with the candidate [I: Greenhouse defines only `complete`]. */
const NOT_COMPLETE = 'sent';

export interface GreenhouseOrderNative {
  takeHomeTestUrl?: string;
  partnerTestId?: string;
  pendingResult?: NormalisedResult | null;
  acceptedResult?: NormalisedResult | null;
  acceptedAt?: string;
  responseErrors?: { at: string; api_call: string; errors: string[] }[];
}

export const nativeOf = (o: StoredOrder): GreenhouseOrderNative => o.native as GreenhouseOrderNative;

/** The result Greenhouse should see now: the accepted one, else the one being delivered. */
function currentResult(o: StoredOrder): NormalisedResult | undefined {
  const n = nativeOf(o);
  return n.acceptedResult ?? n.pendingResult ?? undefined;
}

export function testStatusOf(o: StoredOrder): GreenhouseTestStatusResponse {
  const r = currentResult(o);
  if (!r) return { partner_status: NOT_COMPLETE, partner_profile_url: null, partner_score: null, metadata: null };
  const metadata: Record<string, string> = {};
  if (r.start_date) metadata['Started At'] = greenhouseTime(r.start_date);
  if (r.submission_date) metadata['Completed At'] = greenhouseTime(r.submission_date);
  if (r.summary) metadata.Notes = r.summary;
  const score = r.score?.value != null && r.score.value.trim() !== '' ? Number(r.score.value) : null;
  return {
    partner_status: COMPLETE,
    partner_profile_url: r.result_url ?? null,
    partner_score: score !== null && Number.isFinite(score) ? score : null,
    metadata: Object.keys(metadata).length ? metadata : null,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as Greenhouse's own example shows it ("10:15 AM 26 March 2024"), in UTC and saying so
 * [I: the format StackOne writes is not documented].
 */
function greenhouseTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const h = d.getUTCHours();
  const hh = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm} ${h < 12 ? 'AM' : 'PM'} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} UTC`;
}
