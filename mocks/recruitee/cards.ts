/**
 * RecruiteeCandidateCard: the partner rows on a candidate's profile, per Recruitee's UI [C]:
 * one row per report titled with the test name; the score as given in a badge beside it; the
 * status in that badge's tooltip; a clock icon while pending (status sent); an "Open" link when
 * the result URL is set; "sent by {recruiter}".
 */
import type { EmulatorContext, ResultCardView, CandidateCard } from '../../harness/emulator/glossary.ts';
import type { WorldCandidate } from '../../harness/emulator/world.ts';
import type { RecruiteeReportStatus } from '../../schemas/generated/recruitee/report-update.ts';
import { RESULT_URL_KEY } from './conventions.ts';
import { reportBook, type StoredReport } from './state.ts';
import { OPEN_LINK, STATUS_LABEL } from './wording.ts';
import { recruiteeSettings } from './settings.ts';

type Tone = ResultCardView['status']['tone'];
const TONE: Record<RecruiteeReportStatus, Tone> = { sent: 'pending', completed: 'success', failed: 'danger', canceled: 'neutral' };

function reportRow(r: StoredReport, resultUrlKey: string = RESULT_URL_KEY): ResultCardView {
  const open = r.urls[resultUrlKey];
  const fields: ResultCardView['fields'] = [{ label: 'Sent by', value: r.sentBy.name }];
  if (r.completed_at) fields.push({ label: 'Completed at', value: r.completed_at });
  if (r.subtitle) fields.push({ label: 'Subtitle', value: r.subtitle });
  return {
    nativeId: r.id,
    ...(r.orderId ? { orderId: r.orderId } : {}),
    category: r.kind,
    title: r.test_name,
    status: { label: STATUS_LABEL[r.status], tone: TONE[r.status], ...(r.status === 'sent' ? { icon: 'clock' } : {}), tooltip: STATUS_LABEL[r.status] },
    ...(r.score ? { score: { text: r.score } } : {}),
    links: open ? [{ text: OPEN_LINK, url: open }] : [],
    attachments: [],
    fields,
    updatedAt: r.updated_at,
  };
}

export async function recruiteeCards(ctx: EmulatorContext, c: WorldCandidate): Promise<CandidateCard['results']> {
  const book = await reportBook(ctx);
  return book
    .lookup('candidate', `${Number(ctx.account.native.companyId)}:${c.number}`)
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .map((r) => reportRow(r, recruiteeSettings(ctx).resultUrlKey));
}
