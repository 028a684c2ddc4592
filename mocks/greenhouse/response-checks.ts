/**
 * What Greenhouse finds wrong in a partner's answer, in Greenhouse's words (the strings it sends to
 * response_error). The one documented example is kept verbatim:
 * "partner_status is 'complete' but partner_profile url is missing".
 */
import type { CallResult } from '../../harness/http/client.ts';
import { isHttpUrl } from '../../harness/http/html.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

function bodyErrors(res: CallResult): string[] | undefined {
  if (!res.text) return ['response body is empty'];
  if (res.json === undefined) return [`response is not valid JSON${res.jsonError ? ` (${res.jsonError})` : ''}`];
  return undefined;
}

export function listTestsErrors(res: CallResult): string[] {
  const early = bodyErrors(res);
  if (early) return early;
  if (!Array.isArray(res.json)) return [`response must be a JSON array of tests, got ${isObject(res.json) ? 'an object' : typeof res.json}`];
  const errors: string[] = [];
  res.json.forEach((t, i) => {
    if (!isObject(t)) return void errors.push(`test ${i} is not an object`);
    if (!nonEmpty(t.partner_test_id)) errors.push(`test ${i}: partner_test_id is missing or not a string`);
    if (!nonEmpty(t.partner_test_name)) errors.push(`test ${i}: partner_test_name is missing or not a string`);
  });
  return errors;
}

export function sendTestErrors(res: CallResult): string[] {
  const early = bodyErrors(res);
  if (early) return early;
  if (!isObject(res.json)) return ['response must be a JSON object'];
  return nonEmpty(res.json.partner_interview_id) ? [] : ['partner_interview_id is missing or not a string'];
}

export function testStatusErrors(res: CallResult): string[] {
  const early = bodyErrors(res);
  if (early) return early;
  const b = res.json;
  if (!isObject(b)) return ['response must be a JSON object'];
  const errors: string[] = [];
  if (!nonEmpty(b.partner_status)) errors.push('partner_status is missing or not a string');
  if (b.partner_profile_url != null && typeof b.partner_profile_url !== 'string') errors.push('partner_profile_url must be a string');
  else if (nonEmpty(b.partner_profile_url) && !isHttpUrl(b.partner_profile_url)) errors.push('partner_profile_url must be an http(s) URL');
  if (b.partner_status === 'complete' && !nonEmpty(b.partner_profile_url)) errors.push("partner_status is 'complete' but partner_profile url is missing");
  if (b.partner_score != null && (typeof b.partner_score !== 'number' || !Number.isFinite(b.partner_score))) errors.push('partner_score must be a number');
  if (b.metadata != null) {
    if (!isObject(b.metadata)) errors.push('metadata must be a flat object');
    else {
      for (const [k, v] of Object.entries(b.metadata)) {
        if (v !== null && typeof v === 'object') errors.push(`metadata "${k}" must be a JavaScript primitive (metadata must be flat)`);
      }
    }
  }
  return errors;
}
