/**
 * TeamtailorResultMapper: a unified result as the attributes of Teamtailor's partner-result.
 *   result.value → status (passed/completed → completed, failed → failed, initiated/in_progress →
 *     pending; cancelled/expired → failed [I: Teamtailor has no such status])
 *   score {value,min,max} → assessment.score on 0..100 (min defaults to 0, max to 100 [I]; rounded;
 *     a score that cannot be placed on the scale is left out, one outside it is clamped, with a warning)
 *   summary → summary, result_url → url, start_date/submission_date → assessment.duration (seconds)
 *   attachments → {url, description}: the file name of the URL, else a word for the content type.
 * `resultFields` lists exactly these unified fields (connector meta); `checkResult` names what the
 * sandbox had to guess. Nothing is refused here: Teamtailor documents no refusal StackOne passes on.
 */
import type { FieldIssue, MetaField, NormalisedResult, ResultRuleVerdict } from '../../glossary.ts';
import type { ResultValue } from '../../../../schemas/generated/unified/common.ts';
import type { TeamtailorPartnerResultAttributes, TeamtailorPartnerResultStatus } from '../../../../schemas/generated/teamtailor/common.ts';

const STATUS_OF: Partial<Record<ResultValue, TeamtailorPartnerResultStatus>> = {
  passed: 'completed',
  completed: 'completed',
  failed: 'failed',
  initiated: 'pending',
  in_progress: 'pending',
  cancelled: 'failed',
  expired: 'failed',
};

const CONTENT_TYPE_WORD: Record<string, string> = { pdf: 'PDF document', text: 'Text document', video: 'Video', other: 'Attachment', unmapped_value: 'Attachment' };

export const TEAMTAILOR_RESULT_FIELDS: MetaField[] = [
  {
    name: 'score',
    type: [
      { name: 'value', type: 'string', description: 'a number between min and max; Teamtailor shows it as "N out of 100"' },
      { name: 'min', type: 'string', description: 'default 0' },
      { name: 'max', type: 'string', description: 'default 100' },
    ],
  },
  {
    name: 'result',
    type: [{ name: 'value', type: 'enum' }],
    value_map: { type: 'hashmap', matcher: Object.entries(STATUS_OF).map(([source_value, value]) => ({ source_value, value })) },
  },
  { name: 'summary', type: 'string', description: 'the candidate card shows the first 150 characters' },
  { name: 'result_url', type: 'string', description: 'public or signed http(s) URL; the card links it as "See results"' },
  { name: 'start_date', type: 'datetime', description: 'with submission_date, gives assessment.duration' },
  { name: 'submission_date', type: 'datetime' },
  {
    name: 'attachments',
    type: [
      { name: 'url', type: 'string' },
      { name: 'content_type', type: [{ name: 'value', type: 'enum' }] },
    ],
  },
];

const num = (s: string | null | undefined): number | undefined => {
  if (s === null || s === undefined || String(s).trim() === '') return undefined;
  const n = Number(String(s).trim());
  return Number.isFinite(n) ? n : NaN;
};

const LEFT_OUT = 'the score is left out (inferred)';

/** The score on Teamtailor's 0..100 scale, and what was guessed to get it there. */
function normaliseScore(score: NormalisedResult['score']): { score?: number; warning?: FieldIssue } {
  if (!score || score.value === null || score.value === undefined) return {};
  const value = num(score.value);
  const min = num(score.min) ?? 0;
  const max = num(score.max) ?? 100;
  if (value === undefined || Number.isNaN(value)) return { warning: { pointer: '/score/value', message: `cannot be read as a number: ${LEFT_OUT}`, expected: 'a number as a string, e.g. "80"', actual: score.value } };
  if (Number.isNaN(min)) return { warning: { pointer: '/score/min', message: `cannot be read as a number: ${LEFT_OUT}`, expected: 'a number as a string, e.g. "0"', actual: score.min } };
  if (Number.isNaN(max)) return { warning: { pointer: '/score/max', message: `cannot be read as a number: ${LEFT_OUT}`, expected: 'a number as a string, e.g. "100"', actual: score.max } };
  if (max <= min) return { warning: { pointer: '/score/max', message: `is not above score.min, so there is no scale: ${LEFT_OUT}`, expected: `more than ${min}`, actual: score.max } };
  const scaled = Math.round(((value - min) / (max - min)) * 100);
  if (value < min || value > max) {
    const clamped = Math.min(100, Math.max(0, scaled));
    return { score: clamped, warning: { pointer: '/score/value', message: `lies outside score.min..score.max (${min}..${max}): shown as ${clamped} out of 100 (inferred)`, expected: `${min}..${max}`, actual: score.value } };
  }
  return { score: scaled };
}

export function checkTeamtailorResult(result: NormalisedResult): ResultRuleVerdict {
  const s = normaliseScore(result.score);
  return { refusals: [], warnings: s.warning ? [s.warning] : [] };
}

function attachmentDescription(a: NonNullable<NormalisedResult['attachments']>[number]): string {
  let file: string | undefined;
  try {
    const last = new URL(a.url).pathname.split('/').filter(Boolean).pop();
    if (last && last.includes('.')) file = decodeURIComponent(last);
  } catch {
    /* no file name */
  }
  return file ?? CONTENT_TYPE_WORD[a.content_type?.value ?? 'other'] ?? 'Attachment';
}

function durationSeconds(r: NormalisedResult): number | undefined {
  if (!r.start_date || !r.submission_date) return undefined;
  const d = (Date.parse(r.submission_date) - Date.parse(r.start_date)) / 1000;
  return Number.isFinite(d) && d >= 0 ? Math.round(d) : undefined;
}

/** The attributes to PUT; only what the unified result carries is sent (Teamtailor keeps the rest). */
export function toPartnerResultAttributes(r: NormalisedResult): TeamtailorPartnerResultAttributes {
  const attrs: TeamtailorPartnerResultAttributes = {};
  if (r.result) {
    const status = STATUS_OF[r.result.value];
    if (status) attrs.status = status;
  }
  if (r.summary !== undefined && r.summary !== null) attrs.summary = r.summary;
  if (r.result_url) attrs.url = r.result_url;
  const score = normaliseScore(r.score).score;
  const duration = durationSeconds(r);
  if (score !== undefined || duration !== undefined) attrs.assessment = { ...(score !== undefined ? { score } : {}), ...(duration !== undefined ? { duration } : {}) };
  if (r.attachments) attrs.attachments = r.attachments.map((a) => ({ url: a.url, description: attachmentDescription(a) }));
  return attrs;
}

/** Where a Teamtailor error pointer lands in the unified result the partner sent. */
export function unifiedPointer(pointer: string | undefined): string {
  const p = pointer ?? '';
  const rules: [RegExp, string][] = [
    [/^\/data\/attributes\/assessment\/score/, '/score/value'],
    [/^\/data\/attributes\/assessment\/duration/, '/start_date'],
    [/^\/data\/attributes\/url/, '/result_url'],
    [/^\/data\/attributes\/status/, '/result/value'],
    [/^\/data\/attributes\/summary/, '/summary'],
    [/^\/data\/attributes\/attachments\/(\d+)/, '/attachments/$1'],
  ];
  for (const [re, to] of rules) if (re.test(p)) return p.replace(re, to).replace(/^(\/attachments\/\d+).*$/, '$1');
  return '';
}
