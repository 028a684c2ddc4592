/**
 * The 28 rows of the troubleshooting tables in StackOne's partner guides (../shared/seeds/): per ATS, the
 * symptom as the guide words it, and either the scenarios that reproduce it (found by their `seed.symptom`)
 * or why no API can cause it (only a marketplace listing or an admin screen can). A test checks that every
 * row is one or the other, and the README's coverage table is rendered from this list.
 */
import type { ProviderKey } from '../config.ts';

export interface TroubleshootingRow {
  ats: ProviderKey;
  symptom: string;
  /** set when no API call can cause the row: why */
  screenOnly?: string;
}

const MARKETPLACE = 'the listing is published and approved by the ATS\'s partnership team; no API call of the integration is involved';

export const TROUBLESHOOTING_ROWS: TroubleshootingRow[] = [
  { ats: 'teamtailor', symptom: 'Unable to add new Integration partner app.', screenOnly: 'Teamtailor\'s partner portal: the partnership is not active or the user is not an admin; decided before any integration call' },
  { ats: 'teamtailor', symptom: 'Integration partner app not visible in Teamtailor Marketplace.', screenOnly: MARKETPLACE },
  { ats: 'teamtailor', symptom: 'Getting `Failed to fetch config from partner: Unable to fetch the partner config` error on the pop-up.' },
  { ats: 'teamtailor', symptom: 'External Trigger Token field is not visible at StackOne Connector Hub.' },
  { ats: 'teamtailor', symptom: 'User unable to activate integration app.' },
  { ats: 'teamtailor', symptom: 'Test notification is not received.' },
  { ats: 'teamtailor', symptom: 'Test notification not included the job\'s hiring team.' },
  { ats: 'teamtailor', symptom: 'Unable to update result.' },
  { ats: 'teamtailor', symptom: 'Result URL or Attachment\'s URL showing error when opened.' },
  { ats: 'recruitee', symptom: 'Unable to find your Integration app in Recruitee Marketplace.', screenOnly: MARKETPLACE },
  { ats: 'recruitee', symptom: 'Integration partner app not visible under applications to select.' },
  { ats: 'recruitee', symptom: 'Getting error message on pop-up when user selects the integration app to send the test.' },
  { ats: 'recruitee', symptom: 'Test notification is not received.' },
  { ats: 'recruitee', symptom: 'Unable to update result.' },
  { ats: 'greenhouse', symptom: 'Unable to find your Integration app in Greenhouse Marketplace/Partner Directory.', screenOnly: MARKETPLACE },
  { ats: 'greenhouse', symptom: 'Integration partner app not visible under Jobs > Interview Plan to add.' },
  { ats: 'greenhouse', symptom: 'Unable to open prompt to select package & Getting `Sorry, we encountered an error. Please try again.` message.' },
  { ats: 'greenhouse', symptom: 'Test notification is not received.' },
  { ats: 'greenhouse', symptom: 'The job\'s hiring team data is not be included in test notification.' },
  { ats: 'greenhouse', symptom: 'Unable to update result.' },
  { ats: 'greenhouse', symptom: 'Unable to update result details again.' },
  { ats: 'smartrecruiters', symptom: 'Integration not appearing in SmartRecruiters marketplace', screenOnly: `SmartRecruiters' Partner Portal: ${MARKETPLACE}` },
  { ats: 'smartrecruiters', symptom: 'Order Assessment button missing from candidate profile' },
  { ats: 'smartrecruiters', symptom: 'Getting List displays incomplete data. An error occurred while fetching one or more packages from partner. Click \'Reload\' button to try to fetch packages again on Order Assessments pop-up' },
  { ats: 'smartrecruiters', symptom: 'External Trigger Token field is not visible at StackOne Connector Hub' },
  { ats: 'smartrecruiters', symptom: 'Test notification is not received' },
  { ats: 'smartrecruiters', symptom: 'Unable to update result' },
  { ats: 'smartrecruiters', symptom: 'Result URL or Attachment\'s URL showing error when opened.' },
];

/** Symptoms compared without markdown, punctuation at the end, case or spacing (the guides differ in those). */
export const sameSymptom = (a: string, b: string): boolean => {
  const norm = (s: string) => s.replace(/[*`]/g, '').replace(/[.\s]+$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
};

/** The README's coverage table: row, ATS, scenarios (or why none). */
export function renderCoverage(scenarios: { name: string; ats: string; seed?: { symptom: string } }[]): string {
  const rows = TROUBLESHOOTING_ROWS.map((r) => ({ r, names: scenarios.filter((s) => s.ats === r.ats && s.seed && sameSymptom(s.seed.symptom, r.symptom)).map((s) => s.name) }));
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
