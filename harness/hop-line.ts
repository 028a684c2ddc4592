/** One journal entry as one line of text (the CLI's journal, send-test reports, scenario timelines). */
import type { JournalEntry } from './journal.ts';

export function hopLine(h: JournalEntry): string {
  const verdict = h.verdicts?.length ? (h.verdicts.every((v) => v.valid) ? ' schema ✓' : ` schema ✗ ${h.verdicts.filter((v) => !v.valid).map((v) => `${v.schema}: ${(v.issues ?? []).map((i) => `${i.pointer || '(body)'} ${i.message}`).join(', ')}`).join('; ')}`) : '';
  const arrow = h.direction === 'out' ? `${h.service} → ${h.peer ?? '?'}` : `→ ${h.service}`;
  const status = h.status === 0 ? `no answer (${h.error})` : String(h.status);
  return `${h.at.slice(11, 23)}  ${arrow.padEnd(28)} ${(h.hop ?? '').padEnd(16)} ${h.method.padEnd(6)} ${shortUrl(h.url).padEnd(60)} ${status.padEnd(4)} ${String(Math.round(h.durationMs)).padStart(5)} ms${verdict}`;
}

const shortUrl = (u: string): string => {
  const s = u.replace(/^https?:\/\/127\.0\.0\.1:\d+/, '');
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};
