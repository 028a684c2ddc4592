/** Plain-text rendering for the CLI: tables, candidate cards, hops. */
import type { CandidateCard } from '../../schemas/generated/sandbox/candidate-card.ts';
import type { SendTestReport } from '../../schemas/generated/sandbox/send-test-report.ts';
import { hopLine } from '../hop-line.ts';

export { hopLine };

export function table(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  const widths = all[0].map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [...(header ? [line(header), widths.map((w) => '─'.repeat(w)).join('  ')] : []), ...rows.map(line)].join('\n');
}

export function renderReport(r: SendTestReport): string {
  const out = [`${r.ats}: send ${r.category.replace('_', ' ')} to ${r.candidateId}${r.packageId ? ` (package ${r.packageId})` : ''}`];
  for (const s of r.steps) out.push(`  ${s.ok ? '✓' : '✗'} ${s.step === 'open-form' ? 'open the send-test form' : 'send'}: ${s.recruiterSees}`);
  out.push(r.ok ? `  order ${r.orderId ?? '(unknown)'}${r.nativeId ? ` · ${r.ats} id ${r.nativeId}` : ''}` : `  the recruiter sees: ${r.recruiterSees ?? ''}`);
  out.push('', 'hops:', ...r.hops.map((h) => `  ${hopLine(h)}`));
  return out.join('\n');
}

export function renderCard(c: CandidateCard): string {
  const out = [`${c.atsName} · ${c.candidate.name}${c.candidate.email ? ` <${c.candidate.email}>` : ''}${c.candidate.job ? ` · ${c.candidate.job}` : ''}`];
  if (c.results.length === 0) out.push('  (no tests or checks sent yet)');
  for (const r of c.results) {
    out.push('', `  ┌ ${r.title}  [${r.status.label}]${r.status.tooltip ? ` (tooltip: ${r.status.tooltip})` : ''}${r.orderId ? `  order ${r.orderId}` : ''}`);
    if (r.score) out.push(`  │ score: ${r.score.text}`);
    if (r.label) out.push(`  │ ${r.label}`);
    if (r.summary) out.push(`  │ ${r.summary}`);
    for (const f of r.fields) out.push(`  │ ${f.label}: ${f.value}`);
    for (const l of r.links) out.push(`  │ ${l.text} ↗ ${l.url}`);
    for (const a of r.attachments) out.push(`  │ 📎 ${a.name} ${a.url}`);
    if (r.error) out.push(`  │ error: ${r.error}`);
    for (const w of r.warnings ?? []) out.push(`  │ ⚠ sandbox: ${w}`);
    out.push('  └');
  }
  return out.join('\n');
}
