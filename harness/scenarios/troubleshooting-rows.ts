/**
 * The rows of the troubleshooting tables in StackOne's partner guides (../shared/seeds/): per ATS
 * (each ATS's `troubleshooting.ts`, on its emulator adapter), the symptom as the guide words it, and
 * either the scenarios that reproduce it (found by their `seed.symptom`) or why no API can cause it (only
 * a marketplace listing or an admin screen can). A test checks that every row is one or the other, and
 * the README's coverage table is rendered from these lists.
 */
import { PROVIDERS, type ProviderKey } from '../ats/registry.ts';
import type { TroubleshootingRow } from '../emulator/glossary.ts';

/** Every registered ATS's rows, in registry order. */
export async function troubleshootingRows(): Promise<(TroubleshootingRow & { ats: ProviderKey })[]> {
  const { sidesOf } = await import('../ats/sides.ts');
  return PROVIDERS.flatMap((ats) => (sidesOf(ats).emulator.troubleshooting ?? []).map((r) => ({ ats, ...r })));
}

/** Symptoms compared without markdown, punctuation at the end, case or spacing (the guides differ in those). */
export const sameSymptom = (a: string, b: string): boolean => {
  const norm = (s: string) => s.replace(/[*`]/g, '').replace(/[.\s]+$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
};

/** The README's coverage table: row, ATS, scenarios (or why none). */
export async function renderCoverage(scenarios: { name: string; ats: string; seed?: { symptom: string } }[]): Promise<string> {
  const rows = (await troubleshootingRows()).map((r) => ({ r, names: scenarios.filter((s) => s.ats === r.ats && s.seed && sameSymptom(s.seed.symptom, r.symptom)).map((s) => s.name) }));
  const covered = rows.filter((x) => x.names.length).length;
  const lines = [
    `${covered} of ${rows.length} troubleshooting rows are scenarios; the ${rows.length - covered} others can only be caused on a marketplace or admin screen.`,
    '',
    '| ATS | symptom (StackOne\'s guide) | scenarios, or why none |',
    '|---|---|---|',
    ...rows.map(({ r, names }) => `| ${r.ats} | ${r.symptom.replace(/\|/g, '\\|')} | ${names.length ? names.map((n) => `\`${n}\``).join(', ') : `none: ${r.screenOnly ?? 'MISSING'}`} |`),
  ];
  return lines.join('\n');
}
