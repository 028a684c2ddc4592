/**
 * SmartRecruitersResultMapper: a unified result update as a SmartRecruiters PackageResult merge
 * patch (RFC 7396: only what the update names; null removes), and the rules SmartRecruiters puts on
 * it before anything is sent: a score needs value, min and max, all integers [C] (refused); a
 * decimal is rounded and an attachment without content_type is sent as OTHER_URL [I] (warned).
 */
import type { FieldIssue, MetaField, NormalisedResult, ResultRuleVerdict, StoredOrder } from '../../glossary.ts';
import { normaliseResult } from '../../result-rules.ts';
import type { SmartRecruitersAttachment, SmartRecruitersResultStatus } from '../../../../schemas/generated/smartrecruiters/package-result.ts';
import type { SmartRecruitersPackageResultPatch } from '../../../../schemas/generated/smartrecruiters/package-result-patch.ts';

type ResultValue = NonNullable<NonNullable<NormalisedResult['result']>['value']>;

/** Unified result.value → SmartRecruiters status. `cancelled` → REJECTED is inferred (SR has no cancelled state). */
const STATUS_BY_RESULT: Partial<Record<ResultValue, SmartRecruitersResultStatus>> = {
  initiated: 'PENDING',
  in_progress: 'IN_PROGRESS',
  completed: 'COMPLETED',
  passed: 'COMPLETED',
  failed: 'REJECTED',
  expired: 'EXPIRED',
  cancelled: 'REJECTED',
};

const ATTACHMENT_TYPE: Record<string, SmartRecruitersAttachment['type']> = { pdf: 'PDF_URL', video: 'VIDEO_URL' };

const NUMBER = /^\s*-?\d{1,15}(\.\d+)?\s*$/;
const blank = (v: string | null | undefined): boolean => v == null || v.trim() === '';
/** A score SmartRecruiters can store: value, min and max as integers (decimals rounded). */
const integer = (v: string | null | undefined): number => Math.round(Number(v));

export function checkResult(result: NormalisedResult): ResultRuleVerdict {
  const refusals: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const s = result.score;
  if (s && blank(s.value)) {
    if (!blank(s.min) || !blank(s.max) || !blank(s.label)) warnings.push({ pointer: '/score/value', message: 'is missing: SmartRecruiters shows no score (inferred)', expected: 'a whole number as a string, e.g. "82"', actual: s.value ?? 'missing' });
  } else if (s) {
    for (const k of ['value', 'min', 'max'] as const) {
      const v = s[k];
      if (blank(v)) {
        refusals.push({ pointer: `/score/${k}`, message: 'is required: SmartRecruiters takes a score only with value, min and max', expected: 'a whole number as a string, e.g. "0"', actual: v === undefined ? 'missing' : v });
      } else if (!NUMBER.test(v!)) {
        refusals.push({ pointer: `/score/${k}`, message: 'must be a number: SmartRecruiters stores score value, min and max as integers', expected: 'e.g. "82"', actual: v });
      } else if (!Number.isInteger(Number(v))) {
        warnings.push({ pointer: `/score/${k}`, message: `is not a whole number: sent to SmartRecruiters as ${integer(v)} (inferred)`, expected: 'e.g. "82"', actual: v });
      }
    }
    if (!refusals.length && integer(s.min) > integer(s.max)) warnings.push({ pointer: '/score/max', message: 'is below min: SmartRecruiters cannot place the score (inferred)', expected: `at least ${s.min}`, actual: s.max });
  }
  (result.attachments ?? []).forEach((a, i) => {
    if (!a.content_type) {
      warnings.push({ pointer: `/attachments/${i}/content_type`, message: 'is missing: listed under Download Reports as OTHER_URL (inferred)', expected: '{"value":"pdf"|"video"|"text"|"other"}', actual: 'missing' });
    }
  });
  return { refusals, warnings };
}

/** result_url and attachments as of this update, earlier delivered updates filling what it leaves out. */
function effectiveLinks(result: NormalisedResult, order: StoredOrder): Pick<NormalisedResult, 'result_url' | 'attachments'> {
  let resultUrl: NormalisedResult['result_url'];
  let attachments: NormalisedResult['attachments'];
  for (const r of [...order.results.filter((x) => x.outcome === 'delivered').map((x) => normaliseResult(x.body).result), result]) {
    if (r.result_url !== undefined) resultUrl = r.result_url;
    if (r.attachments !== undefined) attachments = r.attachments;
  }
  return { result_url: resultUrl, attachments };
}

export function toPackageResultPatch(result: NormalisedResult, order: StoredOrder): SmartRecruitersPackageResultPatch {
  const patch: SmartRecruitersPackageResultPatch = {};
  const status = result.result?.value ? STATUS_BY_RESULT[result.result.value] : undefined;
  if (status) patch.status = status;
  if (result.score === null) {
    patch.score = null;
    patch.scoreLabel = null;
  } else if (result.score) {
    if (!blank(result.score.value)) patch.score = { raw: integer(result.score.value), min: integer(result.score.min), max: integer(result.score.max) };
    if (result.score.label !== undefined) patch.scoreLabel = result.score.label;
  }
  if (result.summary !== undefined) patch.summary = result.summary;
  if (result.submission_date !== undefined) patch.submissionDate = result.submission_date;
  if (result.start_date !== undefined) patch.assessmentPackageDate = result.start_date;
  if (result.result_url !== undefined || result.attachments !== undefined) {
    const links = effectiveLinks(result, order);
    const list: SmartRecruitersAttachment[] = [];
    if (links.result_url) list.push({ type: 'OTHER_URL', url: links.result_url });
    for (const a of links.attachments ?? []) list.push({ type: ATTACHMENT_TYPE[a.content_type?.value ?? ''] ?? 'OTHER_URL', url: a.url });
    patch.attachments = list;
  }
  const name = order.order.package?.name;
  if (name && !order.results.some((r) => r.outcome === 'delivered')) patch.name = name;
  return patch;
}

const str = (name: string, description?: string, required?: boolean): MetaField => ({ name, type: 'string', ...(required ? { required } : {}), ...(description ? { description } : {}) });

/** Exactly the unified fields this mapper uses (connector meta lists these). */
export const RESULT_FIELDS: MetaField[] = [
  {
    name: 'result',
    type: 'enum',
    description: 'Order status shown with its icon',
    value_map: { type: 'hashmap', matcher: Object.entries(STATUS_BY_RESULT).map(([value, source]) => ({ source_value: source, value })) },
  },
  {
    name: 'score',
    type: [str('label', 'shown as the score label'), str('value', 'whole number', true), str('min', 'whole number', true), str('max', 'whole number', true)],
    description: 'Shown as value/max; value, min and max are all required when a score is sent',
  },
  str('summary', 'Summary section; rich text allowed'),
  str('result_url', 'Listed under Download Reports'),
  {
    name: 'attachments',
    type: [str('url', undefined, true), { name: 'content_type', type: [{ name: 'value', type: 'enum', value_map: { type: 'hashmap', matcher: [{ source_value: 'PDF_URL', value: 'pdf' }, { source_value: 'VIDEO_URL', value: 'video' }, { source_value: 'OTHER_URL', value: 'other' }, { source_value: 'OTHER_URL', value: 'text' }] } }] }],
    description: 'Listed under Download Reports; without content_type an attachment is sent as OTHER_URL (inferred)',
  },
  { name: 'start_date', type: 'datetime', description: 'Stored as assessmentPackageDate; not shown in the UI' },
  { name: 'submission_date', type: 'datetime', description: 'Stored as submissionDate; not shown in the UI' },
];
