/** What the Greenhouse emulator emulates and how sure it is (rendered into the README by harness/behaviours.ts). */
import type { BehaviourGroup } from '../../harness/emulator/glossary.ts';

const S = 'emulators.greenhouse';
export const behaviours: BehaviourGroup = {
  title: 'Greenhouse',
  behaviours: [
    { what: 'list_tests / send_test / test_status / response_error with Basic base64("<key>:")', status: 'C' },
    { what: 'list_tests answers a bare array of {partner_test_id, partner_test_name}; anything else goes to response_error', status: 'C' },
    { what: 'The picker\'s error text "Sorry, we encountered an error. Please try again."', status: 'C' },
    { what: 'Mark Test as Completed (PATCH, no body) then test_status is read', status: 'C' },
    { what: 'Status of a successful PATCH', status: 'I', setting: `${S}.patchStatus`, fallback: '200' },
    { what: 'test_status read before the PATCH is answered, or just after', status: 'I', setting: `${S}.testStatusTiming`, fallback: 'sync' },
    { what: 'A second PATCH after complete: refused 409, or answered and ignored', status: 'I', setting: `${S}.duplicateUpdate`, fallback: 'reject' },
    { what: 'Which Basic credential the PATCH takes: Partner Username/Password, plus any listed', status: 'I', setting: `${S}.extraCredentials`, fallback: '[]' },
    { what: 'send_test also carries candidate.id and application.id', status: 'T', setting: `${S}.emitExtraIds`, fallback: 'false' },
    { what: 'How long a PATCH that arrives while send_test is in flight waits', status: 'I', setting: `${S}.sendingWaitMs`, fallback: '3000' },
    { what: 'Legacy polling: test_status read hourly after send_test, stopping at complete, at hire or after 8 weeks (on the sandbox clock)', status: 'C', setting: `${S}.legacyPolling, ${S}.pollIntervalMinutes, ${S}.pollForWeeks`, fallback: 'false (new integrations push), 60, 8' },
    { what: 'complete needs partner_profile_url; metadata flat with primitive values', status: 'C' },
    { what: 'partner_interview_id appended to a test_status URL that has ?tenant-id= with &', status: 'I', internal: 'only the bridge receives it' },
    { what: 'Partner app not offered under Jobs > Interview Plan when the integration is not active or the key is refused', status: 'C' },
    { what: 'Card: View Report / Go to Test links, Score, Started At, Completed At, Notes', status: 'C' },
    { what: 'The score is shown with its application stage (the partner\'s Interview Plan stage)', status: 'C' },
    { what: 'The stage\'s name', status: 'I', wording: true },
    { what: 'A test or order left without a result expires on the card ("Expired"), on the sandbox clock', status: 'I', setting: `${S}.expireAfterDays`, fallback: 'never' },
  ],
};
