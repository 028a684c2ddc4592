/**
 * ResultRules: the one judgement of a partner's result update (docs/decisions/003). The bridge, the
 * msw handlers and `verify` all judge through `judgeResult`, so they cannot disagree.
 *
 *   1. The schema (schemas/unified/result-update) is StackOne's published contract, the official
 *      client's models as the floor: every field optional and nullable, open enums. What it refuses
 *      is a wrong type.
 *   2. What StackOne's contract leaves open is accepted, read by the best guess, and named as a
 *      warning: unknown fields, result.value null or outside StackOne's list (an update is a PATCH:
 *      without a status the ATS keeps the one it shows, unless result.source_value names one of
 *      StackOne's values; a result left out entirely is a partial update, not a guess), attachments without url or with an unknown content type. The result
 *      goes on as `NormalisedResult`.
 *   3. Links must be absolute http(s) URLs (design §8: every ATS renders them as links).
 *   4. The ATS's own rules (ProviderAdapter.checkResult): refusals where StackOne or the ATS documents
 *      them ([C]), warnings where the sandbox guesses ([I]).
 * With `strict`, every warning is a refusal.
 */
import { ApiError } from '../errors.ts';
import { explainIssues, schemaOf, validate, type Verdict } from '../schemas/registry.ts';
import type { AttachmentContentTypeValue, ResultValue } from '../../schemas/generated/unified/common.ts';
import type { FieldIssue, NormalisedResult, ProviderAdapter, ResultRuleVerdict, ResultUpdate } from './glossary.ts';

export type { NormalisedResult };

const RESULT_UPDATE_SCHEMA = 'unified/result-update';

/** A result update as every ATS mapper reads it: result.value and content types are StackOne's own values. */


export interface JudgedResult {
  result: NormalisedResult;
  warnings: FieldIssue[];
}

const common = schemaOf('unified/common') as { $defs: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> };
const keysOf = (def: string): Set<string> => new Set(Object.keys(common.$defs[def].properties ?? {}));
const KNOWN = {
  body: new Set(Object.keys((schemaOf(RESULT_UPDATE_SCHEMA) as { properties: Record<string, unknown> }).properties)),
  score: keysOf('Score'),
  result: keysOf('Result'),
  attachment: keysOf('Attachment'),
  contentType: keysOf('AttachmentContentType'),
  candidate: keysOf('ResultCandidate'),
};
const RESULT_VALUES = common.$defs.ResultValue.enum as ResultValue[];
const CONTENT_TYPES = common.$defs.AttachmentContentTypeValue.enum as AttachmentContentTypeValue[];

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

function unknownKeys(value: unknown, known: Set<string>, at: string, where: string, out: FieldIssue[]): void {
  if (!isObject(value)) return;
  for (const k of Object.keys(value)) {
    if (!known.has(k)) out.push({ pointer: `${at}/${k}`, message: `is not a field of StackOne's ${where}; it is ignored`, expected: [...known], actual: k });
  }
}

const PLAIN_HTTP_URL = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:[/?#][^\s]*)?$/i;

/** An absolute http(s) URL, or the reason it is not one. */
function httpUrlProblem(u: string): string | undefined {
  // the common case without building a URL (a few microseconds on the hot path of result updates)
  if (PLAIN_HTTP_URL.test(u)) return undefined;
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return 'must be an absolute URL';
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `must be an http(s) URL, not ${url.protocol}`;
}

function readResultValue(r: ResultUpdate, warnings: FieldIssue[], readsResult: boolean): NormalisedResult['result'] {
  // an update is a PATCH: without a result the ATS keeps the status it shows (a partial update, no guess)
  if (r.result == null) return r.result;
  const given = r.result.value;
  const keep = 'source_value' in r.result ? { source_value: r.result.source_value } : {};
  if (given && given !== 'unmapped_value' && (RESULT_VALUES as string[]).includes(given)) return { value: given as Exclude<ResultValue, 'unmapped_value'>, ...keep };
  // an open enum: a value StackOne does not list, or none; the source value may still name one
  const source = r.result.source_value;
  const inferred = (typeof source === 'string' ? RESULT_VALUES.find((v) => v !== 'unmapped_value' && v === source.trim().toLowerCase().replace(/[\s-]+/g, '_')) : undefined) as Exclude<ResultValue, 'unmapped_value'> | undefined;
  if (readsResult) {
    const what = given == null ? 'is missing' : `is "${given}", not one of StackOne's values`;
    const reading = inferred ? `read as ${inferred} from result.source_value (inferred)` : 'the status is left as it was (inferred)';
    warnings.push({ pointer: '/result/value', message: `${what}: ${reading}`, expected: RESULT_VALUES.filter((v) => v !== 'unmapped_value'), actual: given ?? 'missing' });
  }
  return inferred ? { value: inferred, ...keep } : undefined;
}

function readAttachments(r: ResultUpdate, warnings: FieldIssue[], refusals: FieldIssue[]): NormalisedResult['attachments'] {
  if (r.attachments == null) return r.attachments;
  const out: NonNullable<NormalisedResult['attachments']> = [];
  r.attachments.forEach((a, i) => {
    if (a == null || !a.url) {
      warnings.push({ pointer: `/attachments/${i}/url`, message: 'is missing: the attachment is left out (inferred)', expected: 'an http(s) URL', actual: a == null ? 'null' : (a.url ?? 'missing') });
      return;
    }
    const problem = httpUrlProblem(a.url);
    if (problem) {
      refusals.push({ pointer: `/attachments/${i}/url`, message: `${problem}: every ATS shows attachments as links`, expected: 'https://…', actual: a.url });
      return;
    }
    const ct = a.content_type?.value;
    if (ct != null && !(CONTENT_TYPES as string[]).includes(ct)) {
      warnings.push({ pointer: `/attachments/${i}/content_type/value`, message: `is "${ct}", not one of StackOne's content types: read as other (inferred)`, expected: CONTENT_TYPES, actual: ct });
    }
    const value = ct == null ? undefined : (CONTENT_TYPES as string[]).includes(ct) ? (ct as AttachmentContentTypeValue) : 'other';
    out.push({ url: a.url, ...(value ? { content_type: { value, ...(a.content_type && 'source_value' in a.content_type ? { source_value: a.content_type.source_value } : {}) } } : {}) });
  });
  return out;
}

/** The result as the ATS mappers read it, and what was guessed on the way (no ATS rules yet). */
export function normaliseResult(r: ResultUpdate, readsResult = true): { result: NormalisedResult; warnings: FieldIssue[]; refusals: FieldIssue[] } {
  const warnings: FieldIssue[] = [];
  const refusals: FieldIssue[] = [];
  unknownKeys(r, KNOWN.body, '', 'result update', warnings);
  unknownKeys(r.score, KNOWN.score, '/score', 'score', warnings);
  unknownKeys(r.result, KNOWN.result, '/result', 'result', warnings);
  unknownKeys(r.candidate, KNOWN.candidate, '/candidate', 'result candidate', warnings);
  (r.attachments ?? []).forEach((a, i) => {
    unknownKeys(a, KNOWN.attachment, `/attachments/${i}`, 'attachment', warnings);
    unknownKeys(a?.content_type, KNOWN.contentType, `/attachments/${i}/content_type`, 'attachment content type', warnings);
  });
  if (r.result_url) {
    const problem = httpUrlProblem(r.result_url);
    if (problem) refusals.push({ pointer: '/result_url', message: `${problem}: every ATS shows the result link to the recruiter`, expected: 'https://…', actual: r.result_url });
  }
  const { result: _r, attachments: _a, ...rest } = r;
  const result: NormalisedResult = { ...rest };
  const value = readResultValue(r, warnings, readsResult);
  if (value !== undefined) result.result = value;
  const attachments = readAttachments(r, warnings, refusals);
  if (attachments !== undefined) result.attachments = attachments;
  return { result, warnings, refusals };
}

type Judge = Pick<ProviderAdapter, 'key' | 'name' | 'resultFields' | 'checkResult'>;

/**
 * The first step of judging, apart so that an unknown order (404) is answered between the two, as
 * StackOne validates the body before it looks for the order: the schema. Throws the 400.
 */
export function checkResultSchema(adapter: Pick<ProviderAdapter, 'key'>, body: unknown, onVerdict?: (v: Verdict) => void): ResultUpdate {
  const v = validate(RESULT_UPDATE_SCHEMA, body);
  onVerdict?.(v);
  if (!v.valid) throw refusal(adapter, `Validation failed: ${explainIssues(v.issues)}`, v.issues);
  return body as ResultUpdate;
}

/**
 * Judges a result update for one ATS: the schema (unless `checkResultSchema` already did), then
 * the reading above, then the ATS's rules. Throws the 400 a partner gets (StackOne's envelope, every
 * issue named); returns the result to deliver and the warnings to show.
 */
export function judgeResult(adapter: Judge, body: unknown, opts: { strict?: boolean; schemaChecked?: boolean } = {}): JudgedResult {
  if (!opts.schemaChecked) checkResultSchema(adapter, body);
  const readsResult = adapter.resultFields.some((f) => f.name === 'result');
  const n = normaliseResult(body as ResultUpdate, readsResult);
  const own = adapter.checkResult?.(n.result) ?? { refusals: [], warnings: [] };
  const refusals = [...n.refusals, ...own.refusals];
  const warnings = [...n.warnings, ...own.warnings];
  if (refusals.length) throw refusal(adapter, `${adapter.name} does not accept this result: ${describeIssues(refusals)}`, refusals);
  if (opts.strict && warnings.length) throw refusal(adapter, `Refused in strict mode: ${describeIssues(warnings)}`, warnings);
  return { result: n.result, warnings };
}

const describeIssues = (issues: FieldIssue[]): string => issues.map((i) => `${i.pointer || '(body)'} ${i.message}`).join('; ');

function refusal(adapter: Pick<ProviderAdapter, 'key'>, message: string, details: FieldIssue[]): ApiError {
  return ApiError.validation(`${message}. GET /connectors/meta/${adapter.key} lists the result fields ${adapter.key} accepts`, details);
}

/** The response header that carries warnings, one value each. */
export const WARNING_HEADER = 'x-ats-sandbox-warning';

/** A warning in plain words, as the card and the response header say it: "result.value is missing: read as …". */
export const warningSentence = (w: FieldIssue): string => `${w.pointer ? w.pointer.slice(1).replace(/\//g, '.') : 'the update'} ${w.message}`;

/**
 * A warning as a header value: the sentence in printable ASCII, without commas, so that the values
 * of several warnings, joined by ", " as HTTP joins repeated headers, split back apart.
 */
export function warningHeaderValue(w: FieldIssue): string {
  return warningSentence(w).replace(/,/g, ';').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/…/g, '...').replace(/[^\x20-\x7e]/g, '?').slice(0, 500);
}
