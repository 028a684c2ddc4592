/**
 * Expiry of a sent test or order (issue 16): a card still waiting for its result when `expireAfterDays`
 * (per ATS, `emulators.<ats>.expireAfterDays` in sandbox.config.json or PUT /_sandbox/settings; off by default, as none of the
 * four ATSs documents a deadline [I]) have passed on the sandbox's clock since its last change shows
 * the ATS's own words for it (SmartRecruiters' EXPIRED [C]; the others' [I]). Computed when the card is
 * read, so advancing the clock is all it takes.
 */
import { clock } from '../clock.ts';
import type { CardExpiry, ResultCardView } from './glossary.ts';

const DAY_MS = 86_400_000;

export function withExpiry(cards: ResultCardView[], expiry: CardExpiry | undefined): ResultCardView[] {
  const afterDays = expiry?.afterDays;
  const expired = expiry?.status;
  if (!afterDays || afterDays <= 0 || !expired) return cards;
  const now = clock.now();
  return cards.map((c) => {
    const from = expiry.since ? expiry.since(c) : c.updatedAt;
    const since = from ? Date.parse(from) : NaN;
    // still waiting: not final (success/danger), no score yet, not already shown as expired
    const waiting = c.status.tone !== 'success' && c.status.tone !== 'danger' && c.status.label !== expired.label && !c.score;
    if (!waiting || !Number.isFinite(since) || now - since < afterDays * DAY_MS) return c;
    return { ...c, status: { ...expired, tooltip: `${expired.tooltip ?? expired.label}: no result ${afterDays} day${afterDays === 1 ? '' : 's'} after ${from}` } };
  });
}
