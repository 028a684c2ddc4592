/**
 * The verdict of `ats-sandbox verify`: one check per thing the bridge judges, in both directions,
 * each with the problems found (what, why, → fix), the bridge's warnings, and for result updates what
 * the recruiter sees on the candidate card. Rendered as text, JSON or JUnit XML.
 */
import type { Category, ProviderKey } from '../config.ts';
import { junitXml, type JunitCase } from '../report/junit.ts';

type Verdict = 'pass' | 'warn' | 'fail' | 'skip';
type Direction = 'bridge → partner' | 'partner → bridge';

export interface CheckProblem {
  /** what is wrong, in a few words: `HTTP status`, `not JSON`, `no result update` */
  what: string;
  reason: string;
  hint?: string;
}

export interface CardView {
  title: string;
  status: string;
  score?: string;
  label?: string;
  summary?: string;
  links: { text: string; url: string }[];
  attachments: { name: string; url: string }[];
  error?: string;
  warnings: string[];
}

export interface ResultUpdateSeen {
  at: string;
  status: number;
  accepted: boolean;
  errorCode?: string;
  warnings: string[];
}

export interface VerifyCheck {
  direction: Direction;
  name: string;
  ats?: ProviderKey;
  category?: Category;
  verdict: Verdict;
  /** one line: what was seen when it passed, or why it was skipped */
  summary: string;
  problems: CheckProblem[];
  /** the bridge's warnings (journal hop `warnings`, card `warnings`) */
  warnings: string[];
  orderId?: string;
  updates?: ResultUpdateSeen[];
  /** what the recruiter sees on the candidate card */
  card?: CardView;
  durationMs: number;
}

export interface VerifyReport {
  ok: boolean;
  strict: boolean;
  partner: { packageList: Record<Category, string>; webhook: string };
  /** the bridge your service was told to call (its StackOne base URL) */
  bridgeUrl?: string;
  durationMs: number;
  counts: Record<Verdict, number>;
  checks: VerifyCheck[];
}

export function finishReport(r: Omit<VerifyReport, 'ok' | 'counts'>): VerifyReport {
  const counts: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of r.checks) counts[c.verdict]++;
  return { ok: counts.fail === 0, ...r, counts };
}

const LABEL: Record<Verdict, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

function checkTitle(c: VerifyCheck): string {
  return c.ats ? `${c.ats} ${c.category?.replace('_', ' ') ?? ''}`.trim() + (c.name ? `: ${c.name}` : '') : c.name;
}

function cardLine(card: CardView): string {
  const parts = [card.status, card.score, card.label, ...card.links.map((l) => `${l.text} <${l.url}>`), ...card.attachments.map((a) => `attachment ${a.name}`)].filter(Boolean);
  return `${card.title}: ${parts.join(' · ')}${card.error ? ` — error shown: ${card.error}` : ''}`;
}

export function renderText(r: VerifyReport): string {
  const lines = [
    'ats-sandbox verify',
    `  your package list: ${r.partner.packageList.assessment}${r.partner.packageList.background_check !== r.partner.packageList.assessment ? ` (background checks: ${r.partner.packageList.background_check})` : ''}`,
    `  your webhook:      ${r.partner.webhook}`,
  ];
  if (r.bridgeUrl) lines.push(`  bridge:            ${r.bridgeUrl} (your service's StackOne base URL)`);
  for (const dir of ['bridge → partner', 'partner → bridge'] as Direction[]) {
    const checks = r.checks.filter((c) => c.direction === dir);
    if (!checks.length) continue;
    lines.push('', dir);
    for (const c of checks) {
      lines.push(`  ${LABEL[c.verdict]}  ${checkTitle(c)}${c.summary ? ` — ${c.summary}` : ''}`);
      for (const p of c.problems) {
        lines.push(`          ${p.what}: ${p.reason}`);
        if (p.hint) lines.push(`          → ${p.hint}`);
      }
      for (const w of c.warnings) lines.push(`          warning: ${w}`);
      if (c.card) lines.push(`          recruiter sees: ${cardLine(c.card)}`);
    }
  }
  const n = r.counts;
  lines.push(
    '',
    `${r.checks.length} checks: ${n.pass} passed, ${n.warn} with warnings${r.strict ? ' (failures under --strict)' : ''}, ${n.fail} failed, ${n.skip} skipped (${(r.durationMs / 1000).toFixed(1)} s)`,
    r.ok ? 'verify: PASS' : 'verify: FAIL',
  );
  return lines.join('\n');
}

export const renderJson = (r: VerifyReport): string => `${JSON.stringify(r, null, 2)}\n`;

export function renderJunit(r: VerifyReport): string {
  const suites = (['bridge → partner', 'partner → bridge'] as Direction[]).map((dir) => ({
    name: dir,
    cases: r.checks
      .filter((c) => c.direction === dir)
      .map((c): JunitCase => {
        const out = [c.summary, ...c.warnings.map((w) => `warning: ${w}`), ...(c.card ? [`recruiter sees: ${cardLine(c.card)}`] : [])].filter(Boolean).join('\n');
        const failureText = [...c.problems.map((p) => `${p.what}: ${p.reason}${p.hint ? `\n→ ${p.hint}` : ''}`), ...(c.verdict === 'fail' && !c.problems.length ? c.warnings.map((w) => `warning (strict): ${w}`) : [])].join('\n');
        return {
          name: checkTitle(c),
          classname: `verify.${dir === 'bridge → partner' ? 'bridge-to-partner' : 'partner-to-bridge'}${c.ats ? `.${c.ats}` : ''}`,
          durationMs: c.durationMs,
          ...(c.verdict === 'fail' ? { failure: { message: c.problems[0] ? `${c.problems[0].what}: ${c.problems[0].reason}` : (c.warnings[0] ?? 'failed'), type: c.problems[0]?.what ?? 'warning', text: failureText } } : {}),
          ...(c.verdict === 'skip' ? { skipped: c.summary } : {}),
          ...(out && c.verdict !== 'skip' ? { systemOut: out } : {}),
        };
      }),
  }));
  return junitXml('ats-sandbox verify', suites.filter((s) => s.cases.length), r.durationMs);
}
