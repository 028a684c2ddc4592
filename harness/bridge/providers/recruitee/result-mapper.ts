/**
 * RecruiteeReportMapper: a unified result → the flat report update Recruitee takes
 * (PATCH …/p/{codename}/reports/{report_id}). What each field becomes in Recruitee's UI [C]:
 *   result.value     → status (shown in the score badge's tooltip)
 *   score            → score, free text beside the test name ("82%", or "value/max")
 *   submission_date  → completed_at
 *   result_url       → urls.result, the "Open" link (key: RESULT_URL_KEY [I])
 * Other unified fields (summary, start_date, attachments, candidate) have no place in Recruitee.
 */
import { RESULT_URL_KEY } from './conventions.ts';
import type { FieldIssue, MetaField, NormalisedResult, ResultRuleVerdict } from './types.ts';
import type { RecruiteeReportStatus, RecruiteeReportUpdate } from '../../../../schemas/generated/recruitee/report-update.ts';
import type { ResultValue, Score } from '../../../../schemas/generated/unified/common.ts';

/** Unified result.value → Recruitee report status. initiated/in_progress → sent and expired → canceled are [I]. */
const STATUS_MAP: Partial<Record<ResultValue, RecruiteeReportStatus>> = {
  passed: 'completed',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'canceled',
  expired: 'canceled',
  initiated: 'sent',
  in_progress: 'sent',
};

/** Which unified field each report field came from (to name the partner's field when Recruitee refuses one). */
export const SOURCE_FIELD: Record<string, string> = {
  status: '/result/value',
  score: '/score/value',
  completed_at: '/submission_date',
  urls: '/result_url',
  [`urls/${RESULT_URL_KEY}`]: '/result_url',
};

const isPercentage = (s: Score): boolean => /percent|%/i.test(s.label ?? '') || (s.max === '100' && (s.min == null || s.min === '0'));

/** The score text Recruitee shows as given: "82%" for a percentage, else "value/max", else the value. */
function scoreText(s: Score): string | undefined {
  const value = s.value?.trim();
  if (!value) return undefined;
  if (isPercentage(s)) return value.endsWith('%') ? value : `${value}%`;
  if (s.max != null && s.max !== '') return `${value}/${s.max}`;
  return value;
}

export function toReportUpdate(result: NormalisedResult): RecruiteeReportUpdate {
  const out: RecruiteeReportUpdate = {};
  const status = result.result ? STATUS_MAP[result.result.value] : undefined;
  if (status) out.status = status;
  const score = result.score ? scoreText(result.score) : undefined;
  if (score !== undefined) out.score = score;
  if (result.submission_date) out.completed_at = result.submission_date;
  if (result.result_url) out.urls = { [RESULT_URL_KEY]: result.result_url };
  return out;
}

/** What the sandbox guesses when Recruitee cannot show part of a result (Recruitee documents no refusal StackOne passes on). */
export function checkRecruiteeResult(result: NormalisedResult): ResultRuleVerdict {
  const warnings: FieldIssue[] = [];
  if (result.score && !result.score.value?.trim() && (result.score.label || result.score.max || result.score.min)) {
    warnings.push({ pointer: '/score/value', message: 'is missing: Recruitee shows the score as text beside the test name, so no score is shown (inferred)', expected: 'a string such as "82"', actual: result.score.value ?? 'missing' });
  }
  if (!warnings.length && Object.keys(toReportUpdate(result)).length === 0) {
    warnings.push({
      pointer: '',
      message: 'carries none of the fields Recruitee shows: the report does not change (inferred)',
      expected: 'at least one of result, score, submission_date, result_url',
      actual: Object.keys(result).join(', ') || 'empty body',
    });
  }
  return { refusals: [], warnings };
}

const str = (name: string, description: string, required?: boolean): MetaField => ({ name, type: 'string', description, ...(required ? { required } : {}) });

/** Exactly the unified fields the mapper reads (connector meta lists these). */
export const RECRUITEE_RESULT_FIELDS: MetaField[] = [
  {
    name: 'result',
    type: 'enum',
    description: 'Becomes the report status, shown in the score badge tooltip',
    value_map: {
      type: 'hashmap',
      matcher: Object.entries(STATUS_MAP).map(([value, source_value]) => ({ source_value, value })),
    },
  },
  {
    name: 'score',
    type: [
      str('label', '"Percentage" (or max "100") shows the score as "82%"'),
      str('value', 'Shown as text beside the test name', true),
      str('min', 'Only "0" or empty keeps a max of 100 a percentage'),
      str('max', 'When not a percentage the score shows as "value/max"'),
    ],
    description: 'Becomes the report score, free text beside the test name',
  },
  { name: 'submission_date', type: 'datetime', description: 'Becomes completed_at' },
  { name: 'result_url', type: 'string', description: `Becomes report urls.${RESULT_URL_KEY}, the Open link` },
];
