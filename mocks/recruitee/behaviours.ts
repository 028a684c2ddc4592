/** What the Recruitee emulator emulates and how sure it is (rendered into the README by harness/behaviours.ts). */
import type { BehaviourGroup } from '../../harness/emulator/glossary.ts';

const S = 'emulators.recruitee';
export const behaviours: BehaviourGroup = {
  title: 'Recruitee',
  behaviours: [
    { what: 'Partner per environment (RC = Staging, Production), codename in every path', status: 'C' },
    { what: 'Send modal: GET tests with the customer\'s Bearer token, a bare array; "None" first; searchable select', status: 'C' },
    { what: 'Send is enabled only once the tests have loaded', status: 'C' },
    { what: 'How long the tests take to load', status: 'I', setting: `${S}.testsLoadMs`, fallback: '0' },
    { what: 'Send: the report is created first (status sent), then send_candidate with test_id as a string', status: 'C' },
    { what: 'A refused send_candidate removes the report (no row); or keeps it as failed', status: 'I', setting: `${S}.refusedReport`, fallback: 'removed' },
    { what: 'PATCH reports with RT-PARTNER-SECRET: merge status/score/completed_at/urls', status: 'C' },
    { what: 'Key of report.urls shown as the Open link', status: 'I', setting: `${S}.resultUrlKey`, fallback: 'result' },
    { what: 'Refusal statuses of the Partners API (401/403/404/422) and their bodies', status: 'I', internal: 'only the bridge writes reports; a partner sees the bridge\'s answer' },
    { what: 'Row: test name, score badge with the status as tooltip, clock while pending, Open link, "sent by"', status: 'C' },
    { what: 'An app not enabled in the Marketplace is not offered under the candidate\'s applications', status: 'C' },
    { what: 'Which partner apps the customer enabled', status: 'I', setting: `${S}.enabledApps`, fallback: '["assessment", "background_check"]' },
    { what: 'Pop-up texts (invalid token, could not load tests, no tests)', status: 'I', wording: true },
    { what: 'A test or order left without a result expires on the card ("Canceled"), on the sandbox clock', status: 'I', setting: `${S}.expireAfterDays`, fallback: 'never' },
  ],
};
