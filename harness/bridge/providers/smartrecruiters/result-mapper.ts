/**
 * SmartRecruitersResultMapper: a unified result update as a SmartRecruiters PackageResult merge
 * patch (RFC 7396: only what the update names; null removes), and the rules SmartRecruiters puts on
 * it before anything is sent (a score needs value, min and max, all whole numbers; an attachment
 * needs content_type and url).
 */
import type { FieldIssue, MetaField, ResultUpdate, StoredOrder } from '../../glossary.ts';
import type { SmartRecruitersAttachment, SmartRecruitersResultStatus } from '../../../../schemas/generated/smartrecruiters/package-result.ts';
import type { SmartRecruitersPackageResultPatch } from '../../../../schemas/generated/smartrecruiters/package-result-patch.ts';

type ResultValue = NonNullable<NonNullable<ResultUpdate['result']>['value']>;

/** Unified result.value → SmartRecruiters status. `cancelled` → REJECTED is inferred (SR has no cancelled state). */
export const STATUS_BY_RESULT: Partial<Record<ResultValue, SmartRecruitersResultStatus>> = {
  initiated: 'PENDING',
  in_progress: 'IN_PROGRESS',
  completed: 'COMPLETED',
  passed: 'COMPLETED',
  failed: 'REJECTED',
  expired: 'EXPIRED',
  cancelled: 'REJECTED',
};

const ATTACHMENT_TYPE: Record<string, SmartRecruitersAttachment['type']> = { pdf: 'PDF_URL', video: 'VIDEO_URL' };

const WHOLE = /^\s*-?\d{1,15}\s*$/;

export function checkResult(result: ResultUpdate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const s = result.score;
  if (s) {
    for (const k of ['value', 'min', 'max'] as const) {
      const v = s[k];
      if (v === undefined || v === null || v.trim() === '') {
        issues.push({ pointer: `/score/${k}`, message: 'is required: SmartRecruiters shows a score only with value, min and max', expected: 'a whole number as a string, e.g. "0"', actual: v === undefined ? 'missing' : v });
      } else if (!WHOLE.test(v)) {
        issues.push({ pointer: `/score/${k}`, message: 'must be a whole number: SmartRecruiters stores score value, min and max as integers', expected: 'e.g. "82"', actual: v });
      }
    }
    if (!issues.length && Number(s.min) > Number(s.max)) issues.push({ pointer: '/score/max', message: 'must not be below min', expected: `at least ${s.min}`, actual: s.max });
  }
  if (result.result?.value === 'unmapped_value') {
    issues.push({ pointer: '/result/value', message: 'has no SmartRecruiters status', expected: Object.keys(STATUS_BY_RESULT), actual: 'unmapped_value' });
  }
  (result.attachments ?? []).forEach((a, i) => {
    if (!a.content_type?.value) {
      issues.push({ pointer: `/attachments/${i}/content_type`, message: 'is required: SmartRecruiters lists an attachment under Download Reports only with content_type and url', expected: '{"value":"pdf"|"video"|"text"|"other"}', actual: 'missing' });
    }
  });
  return issues;
}

/** result_url and attachments as of this update, earlier delivered updates filling what it leaves out. */
function effectiveLinks(result: ResultUpdate, order: StoredOrder): Pick<ResultUpdate, 'result_url' | 'attachments'> {
  let resultUrl: ResultUpdate['result_url'];
  let attachments: ResultUpdate['attachments'];
  for (const r of [...order.results.filter((x) => x.outcome === 'delivered').map((x) => x.body), result]) {
    if (r.result_url !== undefined) resultUrl = r.result_url;
    if (r.attachments !== undefined) attachments = r.attachments;
  }
  return { result_url: resultUrl, attachments };
}

export function toPackageResultPatch(result: ResultUpdate, order: StoredOrder): SmartRecruitersPackageResultPatch {
  const patch: SmartRecruitersPackageResultPatch = {};
  const status = result.result?.value ? STATUS_BY_RESULT[result.result.value] : undefined;
  if (status) patch.status = status;
  if (result.score === null) {
    patch.score = null;
    patch.scoreLabel = null;
  } else if (result.score) {
    patch.score = { raw: Number.parseInt(result.score.value ?? '', 10), min: Number.parseInt(result.score.min ?? '', 10), max: Number.parseInt(result.score.max ?? '', 10) };
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
    type: [str('url', undefined, true), { name: 'content_type', type: [{ name: 'value', type: 'enum', required: true, value_map: { type: 'hashmap', matcher: [{ source_value: 'PDF_URL', value: 'pdf' }, { source_value: 'VIDEO_URL', value: 'video' }, { source_value: 'OTHER_URL', value: 'other' }, { source_value: 'OTHER_URL', value: 'text' }] } }], required: true }],
    description: 'Listed under Download Reports; content_type and url are both required',
  },
  { name: 'start_date', type: 'datetime', description: 'Stored as assessmentPackageDate; not shown in the UI' },
  { name: 'submission_date', type: 'datetime', description: 'Stored as submissionDate; not shown in the UI' },
];
