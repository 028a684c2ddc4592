/**
 * TeamtailorResultCard: a partner-result as the candidate's card shows it (StackOne's screenshots):
 *   badge     sent → "Sent" (yellow), completed → "Completed" (green), failed → "Failed" (red);
 *             [I] sending → "Sending", pending → "Pending" (yellow)
 *   tile      "80 out of 100" when there is a score, otherwise a check icon (status.icon = 'check')
 *   title     "<Partner name> webhook" as on the screens; the package chosen is the label
 *   summary   the first 150 characters (the rest is under "View details")
 *   link      "See results" only when the result has a url
 *   chips     one paperclip chip per attachment, labelled with its description [I]
 *   error     the partner's text when the webhook was refused
 */
import type { ResultCardView } from '../../harness/emulator/glossary.ts';
import type { TeamtailorPartnerResultStatus } from '../../schemas/generated/teamtailor/common.ts';
import { PARTNERS } from './partners.ts';
import type { PartnerResultRecord } from './state.ts';

const SUMMARY_LIMIT = 150;

const BADGE: Record<TeamtailorPartnerResultStatus, ResultCardView['status']> = {
  sending: { label: 'Sending', tone: 'pending', icon: 'clock' },
  sent: { label: 'Sent', tone: 'pending', icon: 'clock' },
  pending: { label: 'Pending', tone: 'pending', icon: 'clock' },
  completed: { label: 'Completed', tone: 'success', icon: 'check' },
  failed: { label: 'Failed', tone: 'danger', icon: 'cross' },
};

const hms = (s: number): string => [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n, i) => (i ? String(n).padStart(2, '0') : String(n))).join(':');

export function resultCard(r: PartnerResultRecord): ResultCardView {
  const a = r.attributes;
  const score = a.assessment?.score;
  const fields: ResultCardView['fields'] = [];
  if (a.assessment?.grade) fields.push({ label: 'Grade', value: a.assessment.grade });
  if (typeof a.assessment?.duration === 'number') fields.push({ label: 'Duration', value: hms(a.assessment.duration) });
  for (const [k, v] of Object.entries(a.details ?? {})) fields.push({ label: k, value: typeof v === 'string' ? v : JSON.stringify(v) });
  const summaryLong = (a.summary ?? '').length > SUMMARY_LIMIT;
  if (summaryLong) fields.push({ label: 'View details', value: a.summary! });
  return {
    nativeId: r.id,
    ...(r.orderId ? { orderId: r.orderId } : {}),
    category: r.partner,
    title: `${PARTNERS[r.partner].name} webhook`,
    ...(r.packageName ? { label: r.packageName } : {}),
    status: score === null || score === undefined ? { ...BADGE[a.status], icon: 'check' } : BADGE[a.status],
    ...(score === null || score === undefined ? {} : { score: { text: `${score} out of 100`, value: score, min: 0, max: 100 } }),
    ...(a.summary ? { summary: a.summary.slice(0, SUMMARY_LIMIT) } : {}),
    links: a.url ? [{ text: 'See results', url: a.url }] : [],
    attachments: (a.attachments ?? []).map((x) => ({ name: x.description, url: x.url })),
    fields,
    ...(r.error ? { error: r.error } : {}),
    updatedAt: r.updatedAt,
  };
}
