/** Scenario reports for CI: JSON (every result, timeline included) and JUnit XML (one testcase per scenario). */
import type { ScenarioResult } from './results.ts';
import { renderTimeline } from './results.ts';
import { xmlText as xml } from '../report/junit.ts';

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
  const secs = (ms: number) => (ms / 1000).toFixed(3);
  const cases = results.map((r) => {
    const open = `    <testcase name="${xml(r.name)}" classname="scenarios.${xml(r.ats)}.${xml(r.category)}" time="${secs(r.durationMs)}">`;
    const body: string[] = [];
    if (r.skipped) body.push(`      <skipped message="${xml(r.skipped)}"/>`);
    else if (!r.ok) {
      const first = r.error ?? r.expectations.find((e) => !e.ok)?.expected ?? r.steps.find((x) => !x.ok)?.failure?.expected ?? 'failed';
      body.push(`      <failure message="${xml(`expected ${first}`)}" type="${r.error ? 'ScenarioError' : 'ExpectationFailed'}">${xml(r.failure ?? '')}</failure>`);
    }
    if (!r.skipped) body.push(`      <system-out>${xml(`${r.explanation}\n\nTimeline:\n${renderTimeline(r.timeline)}`)}</system-out>`);
    return [open, ...body, '    </testcase>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ats-sandbox scenarios" tests="${s.total}" failures="${s.failed}" skipped="${s.skipped}" time="${secs(s.durationMs)}">`,
    `  <testsuite name="scenarios" tests="${s.total}" failures="${s.failed}" errors="0" skipped="${s.skipped}" time="${secs(s.durationMs)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
