/** What the StackOne bridge emulates and how sure it is (rendered into the README by harness/behaviours.ts). */
import type { BehaviourGroup } from '../emulator/glossary.ts';

export const behaviours: BehaviourGroup = {
  title: 'StackOne bridge',
  behaviours: [
    { what: 'Package list: POST to the Package\'s List Endpoint URL, signed; static package id when no URL', status: 'C' },
    { what: 'Authorization header on the package list call', status: 'I', setting: 'packageList.authorization', fallback: 'basic-api-key' },
    { what: 'Package list timeout', status: 'I', setting: 'packageList.timeoutMs', fallback: '5000' },
    { what: 'Order webhook: the order in event_data, signed (base64url HMAC-SHA256)', status: 'C' },
    { what: 'A copy of the order in data', status: 'I', setting: 'orderWebhook.dataCopy', fallback: 'false' },
    { what: 'Idempotency-Key and delivery headers on the webhook', status: 'I', setting: 'orderWebhook.deliveryHeaders', fallback: 'false' },
    { what: 'Webhook retries with exponential backoff', status: 'I', setting: 'delivery.maxAttempts, delivery.baseDelayMs, delivery.maxDelayMs', fallback: '6, 500, 30000' },
    { what: 'Webhook retries on a schedule over hours and days instead (on the virtual clock: POST /_sandbox/clock)', status: 'I', setting: 'delivery.schedule', fallback: 'none (the backoff above)' },
    { what: 'Result updates: every field optional and nullable; refusals only where documented; inferred outcomes accepted with a warning', status: 'C' },
    { what: 'Warnings become 400 refusals', status: 'I', setting: 'strict', fallback: 'false' },
    { what: 'Hiring team in orders only under Public + Partner API', status: 'C' },
    { what: 'An authentication type without the External Trigger Token: no token field in the Connector Hub, no external trigger', status: 'C' },
    { what: 'Which authentication type the linked accounts use', status: 'C', setting: 'providers.<ats>.authType', fallback: 'public+partner' },
    { what: 'Name of SmartRecruiters\' type without the token ("API Key")', status: 'I', wording: true },
    { what: 'Unified API: fields, filter[updated_after], raw=true, Prefer: heartbeat → Preference-Applied', status: 'C' },
    { what: 'Packages carry no update time: filter[updated_after] keeps every package', status: 'I', internal: 'the unified package has no updated_at field' },
    { what: 'A rate limit on the unified API: 429 with Retry-After', status: 'I', setting: 'unifiedApi.rateLimit', fallback: '{enabled: false, requestsPerSecond: 10}' },
    { what: 'A package list that timed out: 502 Bad Gateway, or 408 Request timed out with Retry-After: 60', status: 'I', setting: 'unifiedApi.packageListTimeoutStatus', fallback: '502' },
  ],
};
