/**
 * What each part of the sandbox emulates, and how sure it is: one list per ATS (mocks/<ats>/behaviours.ts)
 * and one for the StackOne bridge (harness/bridge/behaviours.ts). Status: C confirmed by the ATS's or
 * StackOne's docs, T stated by a third party, I inferred. Every I (and T) choice names the
 * sandbox.config.json setting that changes it, unless it is `internal` (only sandbox parts see it) or
 * `wording` (the text a recruiter reads where the ATS documents none). The README's table is rendered
 * from these lists (`npm run schemas:generate`; `schemas:check` and a test fail on drift).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type BehaviourStatus = 'C' | 'T' | 'I';

interface Behaviour {
  /** what is emulated, in a few words */
  what: string;
  status: BehaviourStatus;
  /** the sandbox.config.json path that changes it (dotted), with the default in `fallback` */
  setting?: string;
  /** the default value, as shown in the table */
  fallback?: string;
  /** an inferred choice no partner can observe (between the sandbox's own parts) */
  internal?: string;
  /** inferred wording only (the ATS documents no text) */
  wording?: boolean;
}

export interface BehaviourGroup {
  title: string;
  behaviours: Behaviour[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const README = path.join(ROOT, 'README.md');
const BEGIN = '<!-- behaviours:begin (generated from mocks/*/behaviours.ts and harness/bridge/behaviours.ts by `npm run schemas:generate`; do not edit) -->';
const END = '<!-- behaviours:end -->';

export async function behaviourGroups(): Promise<BehaviourGroup[]> {
  const [tt, rc, gh, sr, bridge] = await Promise.all([
    import('../mocks/teamtailor/behaviours.ts'),
    import('../mocks/recruitee/behaviours.ts'),
    import('../mocks/greenhouse/behaviours.ts'),
    import('../mocks/smartrecruiters/behaviours.ts'),
    import('./bridge/behaviours.ts'),
  ]);
  return [tt.behaviours, rc.behaviours, gh.behaviours, sr.behaviours, bridge.behaviours];
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function renderBehaviours(groups: BehaviourGroup[]): string {
  const lines: string[] = [];
  const count = (s: BehaviourStatus) => groups.reduce((n, g) => n + g.behaviours.filter((b) => b.status === s).length, 0);
  lines.push(`${count('C')} confirmed (C), ${count('T')} stated by a third party (T), ${count('I')} inferred (I). Every T and I choice has a setting in \`sandbox.config.json\` unless only the sandbox's own parts see it or it is wording.`, '');
  for (const g of groups) {
    lines.push(`### ${g.title}`, '', '| what is emulated | status | setting (default) |', '|---|---|---|');
    for (const b of g.behaviours) {
      const setting = b.setting ? `\`${b.setting}\`${b.fallback !== undefined ? ` (${b.fallback})` : ''}` : b.internal ? `— internal: ${b.internal}` : b.wording ? '— wording' : '—';
      lines.push(`| ${cell(b.what)} | ${b.status} | ${cell(setting)} |`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

const COVERAGE_BEGIN = '<!-- troubleshooting:begin (generated from harness/scenarios/troubleshooting-rows.ts and scenarios/ by `npm run schemas:generate`; do not edit) -->';
const COVERAGE_END = '<!-- troubleshooting:end -->';

/** The README with a section replaced; throws when the markers are missing. */
function withSection(readme: string, section: string, begin = BEGIN, end = END): string {
  const a = readme.indexOf(begin);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no generated section (markers ${begin} … ${end})`);
  return `${readme.slice(0, a + begin.length)}\n${section}\n${readme.slice(b)}`;
}

/** The troubleshooting coverage table (rows of StackOne's guides → scenarios). */
async function renderTroubleshootingCoverage(): Promise<string> {
  const [{ loadScenarios }, { renderCoverage }] = await Promise.all([import('./scenarios/loader.ts'), import('./scenarios/troubleshooting-rows.ts')]);
  return renderCoverage(loadScenarios().scenarios);
}

/** Writes the README's generated sections (generate) or reports drift (check). */
export async function syncReadme(mode: 'write' | 'check'): Promise<string[]> {
  const readme = await readFile(README, 'utf8');
  const next = withSection(withSection(readme, renderBehaviours(await behaviourGroups())), await renderTroubleshootingCoverage(), COVERAGE_BEGIN, COVERAGE_END);
  if (next === readme) return [];
  if (mode === 'write') await writeFile(README, next);
  return mode === 'check' ? ['README.md behaviours table'] : [];
}
