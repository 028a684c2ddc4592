/** What the Teamtailor emulator emulates and how sure it is (rendered into the README by harness/behaviours.ts). */
import type { BehaviourGroup } from '../../harness/emulator/glossary.ts';

const S = 'emulators.teamtailor';
export const behaviours: BehaviourGroup = {
  title: 'Teamtailor',
  behaviours: [
    { what: 'Partner base URL: GET config (the form), POST webhook (the order), activation with the External Trigger Token', status: 'C' },
    { what: 'Teamtailor-Signature t=…,v1=HMAC("<t>.<event id>")', status: 'C' },
    { what: 'Teamtailor-Signature also carries v0, over "<t>.<body>" (the pre-2024-07 scheme)', status: 'I', setting: `${S}.signatureV0`, fallback: 'true' },
    { what: 'Provider key: a JWT of the activation values, HS256 with the partner API key', status: 'I', internal: 'only the bridge verifies it' },
    { what: 'Webhook answered >= 400: the text body is shown on the card, no retry', status: 'C' },
    { what: 'Webhook answered >= 400 marks the partner-result failed (else it stays sending)', status: 'I', setting: `${S}.webhookErrorMarksFailed`, fallback: 'true' },
    { what: 'A webhook answer does not undo a result already written through the API', status: 'I', setting: `${S}.webhookResponseOverridesResult`, fallback: 'false' },
    { what: 'How long Teamtailor waits for /config and /webhook', status: 'I', setting: `${S}.configTimeoutMs, ${S}.webhookTimeoutMs`, fallback: '10000 each' },
    { what: 'A package the partner does not list: webhook answered 422 text/plain "Package … is not enabled for this account", no order', status: 'C' },
    { what: 'Partner Results API: X-Api-Version required', status: 'C' },
    { what: 'Status of a call without X-Api-Version', status: 'I', setting: `${S}.missingApiVersionStatus`, fallback: '400' },
    { what: 'Writes need application/vnd.api+json; plain application/json refused', status: 'I', setting: `${S}.acceptPlainJson`, fallback: 'false' },
    { what: 'Repeated updates allowed; any status may follow any status', status: 'C' },
    { what: 'details at most 2 levels deep; attachments exactly {url, description}; candidate-id immutable on update', status: 'C' },
    { what: 'assessment-criteria ids must match the config\'s assessment-criteria', status: 'C' },
    { what: 'Scores are whole numbers 0..100 (a decimal score is 422)', status: 'I', setting: `${S}.integerScores`, fallback: 'true' },
    { what: 'Card: "N out of 100" gauge, status badge, See results link, attachment chips, summary cut at 150 characters', status: 'C' },
    { what: 'Badge labels for sending / pending ("Sending", "Pending")', status: 'I', wording: true },
    { what: 'Config failure text "Failed to fetch config from partner: Unable to fetch the partner config"', status: 'C' },
    { what: 'A test or order left without a result expires on the card ("Expired"), on the sandbox clock', status: 'I', setting: `${S}.expireAfterDays`, fallback: 'never' },
  ],
};
