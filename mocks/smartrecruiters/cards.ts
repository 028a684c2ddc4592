/**
 * SmartRecruitersResultCard: an assessment order as the candidate profile shows it (StackOne's
 * payload-to-UI table): status icon and label, score as raw/max (value, min and max all needed),
 * score label, rich-text summary, and a Download Reports section with every attachment (the
 * partner's result_url arrives as one). Start and submission dates are stored but never shown.
 */
import type { ResultCardView } from '../../harness/emulator/glossary.ts';
import type { SmartRecruitersAttachment, SmartRecruitersResultStatus } from '../../schemas/generated/smartrecruiters/package-result.ts';
import type { SrOrder } from './state.ts';

export const STATUS_VIEW: Record<SmartRecruitersResultStatus | 'SENT' | 'FAILED', ResultCardView['status']> = {
  SENT: { label: 'Sent', tone: 'neutral', icon: 'paper-plane', tooltip: 'Ordered from the partner; no result yet' },
  PENDING: { label: 'Pending', tone: 'pending', icon: 'clock', tooltip: 'Grey icon: the test is pending' },
  IN_PROGRESS: { label: 'In Progress', tone: 'warning', icon: 'hourglass', tooltip: 'Yellow icon: the test is in progress' },
  COMPLETED: { label: 'Completed', tone: 'success', icon: 'check', tooltip: 'Green checkmark: completed' },
  REJECTED: { label: 'Rejected', tone: 'danger', icon: 'cross', tooltip: 'Red icon: failed or rejected' },
  EXPIRED: { label: 'Expired', tone: 'warning', icon: 'warning', tooltip: 'Yellow icon: expired without completion' },
  FAILED: { label: 'Order failed', tone: 'danger', icon: 'cross' },
};

const ATTACHMENT_NAME: Record<SmartRecruitersAttachment['type'], string> = { PDF_URL: 'PDF report', VIDEO_URL: 'Video', OTHER_URL: 'Report' };

export function resultCard(o: SrOrder): ResultCardView {
  const r = o.result;
  const attachments = (r.attachments ?? []).map((a) => ({ name: a.name ?? ATTACHMENT_NAME[a.type], url: a.url }));
  const card: ResultCardView = {
    nativeId: o.orderId,
    ...(o.bridgeOrderId ? { orderId: o.bridgeOrderId } : {}),
    category: o.category,
    title: r.name ?? o.packageName,
    status: STATUS_VIEW[o.state === 'failed' ? 'FAILED' : (r.status ?? 'SENT')],
    links: attachments.map((a) => ({ text: `Download Reports: ${a.name}`, url: a.url })),
    // SmartRecruiters shows attachments only inside Download Reports: listed once, as its links
    attachments: [],
    fields: o.mode === 'ad-hoc' ? [] : [{ label: 'Ordered', value: o.mode === 'inline' ? 'Inline assessment (job application)' : 'Auto-triggered (hiring step)' }],
  };
  if (r.score) card.score = { text: `${r.score.raw}/${r.score.max}`, value: r.score.raw, min: r.score.min, max: r.score.max };
  if (r.scoreLabel) card.label = r.scoreLabel;
  if (r.summary) card.summary = r.summary;
  if (o.error) card.error = o.error;
  return card;
}
