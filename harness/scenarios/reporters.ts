/** Scenario reports for CI: JSON (every result, timeline included) and JUnit XML (one testcase per scenario). */
import type { ScenarioResult } from './results.ts';
import { renderTimeline } from './results.ts';
import { junitXml, type JunitCase } from '../report/junit.ts';

export type ReporterName = 'text' | 'json' | 'junit';
export const REPORTERS: ReporterName[] = ['text', 'json', 'junit'];

export interface Summary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
}

export function summarise(results: ScenarioResult[], durationMs = results.reduce((n, r) => n + r.durationMs, 0)): Summary {
  const skipped = results.filter((r) => r.skipped).length;
  const failed = results.filter((r) => !r.ok && !r.skipped).length;
  return { total: results.length, passed: results.length - failed - skipped, failed, skipped, durationMs };
}

export function jsonReport(results: ScenarioResult[], durationMs?: number): string {
  return `${JSON.stringify({ summary: summarise(results, durationMs), scenarios: results }, null, 2)}\n`;
}

export function junitReport(results: ScenarioResult[], durationMs?: number): string {
  const s = summarise(results, durationMs);
  const cases: JunitCase[] = results.map((r) => {
    const first = r.error ?? r.expectations.find((e) => !e.ok)?.expected ?? r.steps.find((x) => !x.ok)?.failure?.expected ?? 'failed';
    return {
      name: r.name,
      classname: `scenarios.${r.ats}.${r.category}`,
      durationMs: r.durationMs,
      ...(r.skipped ? { skipped: r.skipped } : {}),
      ...(!r.skipped && !r.ok ? { failure: { message: `expected ${first}`, type: r.error ? 'ScenarioError' : 'ExpectationFailed', text: r.failure ?? '' } } : {}),
      ...(!r.skipped ? { systemOut: `${r.explanation}\n\nTimeline:\n${renderTimeline(r.timeline)}` } : {}),
    };
  });
  return junitXml('ats-sandbox scenarios', [{ name: 'scenarios', cases }], s.durationMs);
}
