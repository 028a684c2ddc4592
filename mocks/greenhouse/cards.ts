/**
 * How Greenhouse shows a partner test on the candidate's application (Grading Instructions tab,
 * under Go to Interview Kit): the test name, its state, View Report and Go to Test links to
 * partner_profile_url, the Score, and the metadata (Started At, Completed At, Notes). The card
 * shows the result stored when the test completed; a refused later update does not change it.
 */
import type { ResultCardView } from '../../harness/emulator/glossary.ts';
import type { TakeHomeTest } from './state.ts';
import { GREENHOUSE_WORDING } from './wording.ts';

/** The partner's stage in the job's Interview Plan, as the sandbox names it [I]. */
const STAGE_NAME: Record<TakeHomeTest['category'], string> = { assessment: 'Take Home Test (Sandbox Assessments)', background_check: 'Background Check (Sandbox Background Checks)' };

export function greenhouseCard(t: TakeHomeTest): ResultCardView {
  const card: ResultCardView = {
    nativeId: t.id,
    ...(t.orderId ? { orderId: t.orderId } : {}),
    category: t.category,
    title: t.partnerTestName,
    status: statusOf(t),
    links: [],
    attachments: [],
    fields: [],
    updatedAt: t.updatedAt,
  };
  const r = t.state === 'complete' ? t.result : undefined;
  if (r) {
    if (r.partner_profile_url) card.links.push({ text: 'View Report', url: r.partner_profile_url }, { text: 'Go to Test', url: r.partner_profile_url });
    if (typeof r.partner_score === 'number') {
      card.score = { text: String(r.partner_score), value: r.partner_score };
      // StackOne's guide: the application shows "the updated score along with its application stage" — the
      // partner's stage of the job's Interview Plan [C]; its name here is the sandbox's [I]
      card.fields.push({ label: 'Stage', value: STAGE_NAME[t.category] });
    }
    for (const [label, value] of Object.entries(r.metadata ?? {})) {
      if (value !== null && value !== undefined) card.fields.push({ label, value: String(value) });
    }
  } else if (t.partnerProfileUrl) {
    card.links.push({ text: 'Go to Test', url: t.partnerProfileUrl });
  }
  if (t.lastError) card.error = t.lastError;
  return card;
}

function statusOf(t: TakeHomeTest): ResultCardView['status'] {
  switch (t.state) {
    case 'complete':
      return { label: 'Completed', tone: 'success', icon: 'check' };
    case 'send_failed':
      return { label: 'Not sent', tone: 'danger', icon: 'cross' };
    case 'sending':
      return { label: 'Sending', tone: 'pending', icon: 'clock' };
    default:
      return { label: 'Sent', tone: 'pending', icon: 'clock', tooltip: t.partnerStatus ? `${GREENHOUSE_WORDING.awaiting} (partner status: ${t.partnerStatus})` : GREENHOUSE_WORDING.awaiting };
  }
}
