/**
 * One JUnit XML writer for every report the sandbox writes for CI (`verify`, scenarios): the text is
 * escaped and stripped of the characters XML 1.0 cannot carry at all (a control character in a
 * partner's answer must not make the whole report unreadable).
 */

/** Text fit for an XML attribute or element. */
const xmlText = (s: string): string =>
  s
    // characters XML 1.0 cannot carry at all
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export interface JunitCase {
  name: string;
  classname: string;
  durationMs?: number;
  /** a failing case: a one-line message and the full text */
  failure?: { message: string; type?: string; text?: string };
  /** a skipped case: why */
  skipped?: string;
  /** further output shown with the case (warnings, what the recruiter sees) */
  systemOut?: string;
}

export interface JunitSuite {
  name: string;
  cases: JunitCase[];
}

const secs = (ms = 0): string => (ms / 1000).toFixed(3);

export function junitXml(name: string, suites: JunitSuite[], durationMs?: number): string {
  const count = (cs: JunitCase[]) => ({ tests: cs.length, failures: cs.filter((c) => c.failure).length, skipped: cs.filter((c) => !c.failure && c.skipped).length });
  const all = count(suites.flatMap((s) => s.cases));
  const total = durationMs ?? suites.flatMap((s) => s.cases).reduce((n, c) => n + (c.durationMs ?? 0), 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${xmlText(name)}" tests="${all.tests}" failures="${all.failures}" skipped="${all.skipped}" time="${secs(total)}">`];
  for (const s of suites) {
    const c = count(s.cases);
    const time = s.cases.reduce((n, x) => n + (x.durationMs ?? 0), 0);
    lines.push(`  <testsuite name="${xmlText(s.name)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="${secs(time)}">`);
    for (const k of s.cases) {
      const body: string[] = [];
      if (k.failure) body.push(`      <failure message="${xmlText(k.failure.message)}"${k.failure.type ? ` type="${xmlText(k.failure.type)}"` : ''}>${xmlText(k.failure.text ?? '')}</failure>`);
      else if (k.skipped) body.push(`      <skipped message="${xmlText(k.skipped)}"/>`);
      if (k.systemOut) body.push(`      <system-out>${xmlText(k.systemOut)}</system-out>`);
      const open = `    <testcase name="${xmlText(k.name)}" classname="${xmlText(k.classname)}" time="${secs(k.durationMs)}"`;
      lines.push(body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
