/**
 * What a scenario run reports: a timeline of steps and hops with their verdicts, each expectation's
 * outcome, and, on failure, an explanation a support engineer can read: expected against actual,
 * with the journal entry that shows it.
 */
import type { JournalEntry } from '../journal.ts';
import { hopLine } from '../hop-line.ts';

/** A journal entry as the timeline shows it: its own fields, a one-word verdict, and the hop as one line. */
export type HopView = Pick<JournalEntry, 'seq' | 'at' | 'service' | 'direction' | 'peer' | 'hop' | 'method' | 'url' | 'status' | 'durationMs' | 'error' | 'orderId'> & {
  kind: 'hop';
  /** the schema verdicts of the hop: valid, invalid (with the issues) or none */
  verdict: 'valid' | 'invalid' | 'none';
  issues?: string[];
  /** the hop as one line */
  line: string;
  /** the answer's body (cut at 600 characters), which often says why */
  responseBody?: string;
};

export interface StepMarker {
  kind: 'step';
  at: string;
  id: string;
  action: string;
  explanation: string;
  ok: boolean;
  /** the journal's last entry when the step began: every later hop came after it */
  afterSeq: number;
}

export type TimelineItem = StepMarker | HopView;

export interface ExpectationOutcome {
  index: number;
  type: string;
  ok: boolean;
  explanation: string;
  expected: string;
  actual: string;
  why?: string;
  /** the journal entry that shows what happened */
  entry?: HopView;
  /** the first failing hop further down the same trace */
  cause?: HopView;
  closest?: { entry: HopView; differences: string[] }[];
  /** what to change when it fails */
  fix?: string;
  /** not waited for to the end: another expectation had already failed */
  cutShort?: boolean;
  /** failed only because no order was made (the send-test failed) */
  noOrder?: boolean;
}

export interface StepOutcome {
  id: string;
  action: string;
  explanation: string;
  ok: boolean;
  durationMs: number;
  output: Record<string, unknown>;
  failure?: { expected: string; actual: string; entry?: HopView };
  /** what to change when it fails (a wait step's expectation's fix) */
  fix?: string;
  /** failed only because no order was made (the send-test failed) */
  noOrder?: boolean;
}

export interface ScenarioResult {
  name: string;
  ats: string;
  category: string;
  description: string;
  ok: boolean;
  /** set when the scenario was not run, with the reason */
  skipped?: string;
  /** set when the run itself broke (not an expectation) */
  error?: string;
  durationMs: number;
  /** the scenario in plain words */
  explanation: string;
  steps: StepOutcome[];
  expectations: ExpectationOutcome[];
  timeline: TimelineItem[];
  /** the failure in plain words; absent when it passed */
  failure?: string;
  /** what to change, when it failed: the failed expectation's fix, else the scenario's */
  fix?: string;
}

export function hopView(e: JournalEntry): HopView {
  const invalid = (e.verdicts ?? []).filter((v) => !v.valid);
  return {
    kind: 'hop',
    seq: e.seq,
    at: e.at,
    service: e.service,
    direction: e.direction,
    ...(e.peer ? { peer: e.peer } : {}),
    ...(e.hop ? { hop: e.hop } : {}),
    method: e.method,
    url: e.url,
    status: e.status,
    durationMs: e.durationMs,
    verdict: !e.verdicts?.length ? 'none' : invalid.length ? 'invalid' : 'valid',
    ...(invalid.length ? { issues: invalid.flatMap((v) => (v.issues ?? []).map((i) => `${v.schema} ${i.pointer || '(body)'} ${i.message}`)) } : {}),
    ...(e.error ? { error: e.error } : {}),
    ...(e.orderId ? { orderId: e.orderId } : {}),
    line: hopLine(e) + (e.error && e.status !== 0 ? `  (${e.error})` : ''),
    ...(e.responseBody ? { responseBody: e.responseBody.length > 600 ? `${e.responseBody.slice(0, 597)}...` : e.responseBody } : {}),
  };
}

/** The body of the hop that explains a failure: a refused or failed answer's, or an invalid one's. */
function bodyLine(h: HopView | undefined): string[] {
  if (!h?.responseBody || (h.status >= 200 && h.status < 300 && h.verdict !== 'invalid')) return [];
  return [`    body:     ${h.responseBody.replace(/\s*\n\s*/g, ' ')}`];
}

export function renderTimeline(items: TimelineItem[]): string {
  return items.map((t) => (t.kind === 'step' ? `${t.ok ? '▶' : '✗'} ${t.id} (${t.action}): ${t.explanation}` : `    ${t.line}`)).join('\n');
}

/**
 * The failure in plain words: every failed step and expectation, expected against actual ("expected
 * X, got Y"), with the hop and the answer body that explain it, ending with a "→ fix" line.
 */
export function explainFailure(r: Pick<ScenarioResult, 'name' | 'ats' | 'category' | 'description' | 'steps' | 'expectations' | 'error' | 'fix'>): string {
  const out: string[] = [`✗ ${r.name} (${r.ats}, ${r.category.replace('_', ' ')}) failed.`, `  Scenario: ${r.description}`];
  if (r.error) out.push(`  The run broke: ${r.error}`);
  for (const s of r.steps.filter((x) => !x.ok)) {
    out.push(`  Step ${s.id} (${s.action}) could not be carried out: ${s.explanation}`, `    expected: ${s.failure?.expected ?? ''}`, `    actual:   ${s.failure?.actual ?? ''}`);
    if (s.failure?.entry) out.push(`    journal:  ${s.failure.entry.line.trim()}`, ...bodyLine(s.failure.entry));
  }
  // the first failure in the file's order in full (expectations go from the cause to its effects);
  // one whose wait was cut short by it in three lines; an answer body shown once
  const failed = r.expectations.filter((e) => !e.ok).sort((a, b) => a.index - b.index);
  const bodies = new Set<string>();
  const body = (h: HopView | undefined) => bodyLine(h).filter((l) => !bodies.has(l) && bodies.add(l));
  for (const [i, e] of failed.entries()) {
    const brief = i > 0 && e.cutShort;
    out.push(`  Expectation ${e.index + 1} of ${r.expectations.length} failed (${e.type})${brief ? ' (stopped waiting)' : ''}:`, `    expected: ${e.expected}`, `    actual:   ${e.actual}`);
    if (brief) continue;
    if (e.why) out.push(`    why it matters: ${e.why}`);
    if (e.entry) out.push(`    journal:  #${e.entry.seq} ${e.entry.line.trim()}`, ...body(e.entry));
    if (e.cause) out.push(`    cause:    #${e.cause.seq} ${e.cause.line.trim()}`, ...body(e.cause));
    for (const c of e.closest ?? []) out.push(`    nearest:  #${c.entry.seq} ${c.entry.line.trim()}`, `              differs: ${c.differences.join('; ')}`);
  }
  if (r.fix) out.push(`  → fix: ${r.fix}`);
  return out.join('\n');
}

/** One scenario as text: verdict, timeline, and the failure when there is one. */
export function renderResult(r: ScenarioResult, o: { timeline?: boolean } = {}): string {
  if (r.skipped) return `- ${r.name} (${r.ats}) skipped: ${r.skipped}`;
  const head = `${r.ok ? '✓' : '✗'} ${r.name} (${r.ats}, ${r.category.replace('_', ' ')})  ${r.durationMs} ms`;
  const parts = [head];
  if (o.timeline ?? !r.ok) parts.push(renderTimeline(r.timeline).replace(/^/gm, '    '));
  if (!r.ok && r.failure) parts.push(r.failure.replace(/^/gm, '  '));
  return parts.join('\n');
}
