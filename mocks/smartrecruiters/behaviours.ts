/** What the SmartRecruiters emulator emulates and how sure it is (rendered into the README by harness/behaviours.ts). */
import type { BehaviourGroup } from '../../harness/emulator/glossary.ts';

const S = 'emulators.smartrecruiters';
export const behaviours: BehaviourGroup = {
  title: 'SmartRecruiters',
  behaviours: [
    { what: 'OAuth2 client credentials: master (partner_configuration_manage) and customer-level credentials', status: 'C' },
    { what: 'The partner-level (master) credentials of the sandbox', status: 'I', setting: `${S}.masterCredentials`, fallback: 'sr_partner_master / sr_partner_master_secret_demo' },
    { what: 'Token errors in RFC 6749 §5.2 form {error, error_description}', status: 'C' },
    { what: 'Lifetime of issued access tokens', status: 'I', setting: `${S}.tokenTtlSeconds`, fallback: '1800' },
    { what: 'GET|PUT /partner/configuration; 404 before one is saved', status: 'C' },
    { what: 'A saved configuration\'s URLs serve both categories: BACKGROUND_CHECK → background checks, any other type → assessments', status: 'I', setting: `${S}.partnerUrls`, fallback: 'the bridge\'s URLs' },
    { what: 'POST /integration/company/{id}: 200 customer credentials, 403 without consent, 409 already integrated, 404 without configuration', status: 'C' },
    { what: 'Admin connect: Allow and Continue, then the External Trigger Token form; "StackOne Assessments is connected"', status: 'C' },
    { what: 'Disable calls the partner\'s saved integrationDisableUrl (DELETE, 204 expected)', status: 'C' },
    { what: 'The company id fills {companyId} in that URL, else is appended as a path segment or a query parameter', status: 'I', setting: `${S}.disableUrlCompanyId`, fallback: 'path' },
    { what: 'No Order Assessments button while the app is not connected, or for a user without recruiter permissions', status: 'C' },
    { what: 'Who lacks recruiter permissions', status: 'I', setting: `${S}.usersWithoutRecruiterPermission`, fallback: '[]' },
    { what: 'The demo company starts connected (its linked account exists)', status: 'I', setting: `${S}.startConnected`, fallback: 'true' },
    { what: 'Packages: 200 array or 204 none; orders 202 {}; inline 200 {url} ({assessmentPackageURL} tolerated)', status: 'C' },
    { what: 'Order for a package the partner does not list: 404', status: 'C' },
    { what: 'Results: PATCH as JSON Merge Patch; score needs raw, min and max; 400/401/403/404/415', status: 'C' },
    { what: 'Changes after COMPLETED/REJECTED/EXPIRED refused', status: 'I', setting: `${S}.strictTerminalStatus`, fallback: 'false' },
    { what: 'Attachment upload: multipart → 201 {url}; not for inline orders', status: 'C' },
    { what: 'Multipart part name of the attachment', status: 'I', setting: `${S}.attachmentFieldName`, fallback: 'attachment' },
    { what: 'An uploaded attachment joins the result\'s attachments (Download Reports)', status: 'I', setting: `${S}.attachmentUploadAddsToResult`, fallback: 'true' },
    { what: 'Rate limit headers X-RateLimit-* on every answer; 10 requests/s and 8 concurrent per credential, 429 beyond', status: 'C' },
    { what: 'The assessment API applies those limits (off by default), 429 with Retry-After', status: 'I', setting: `${S}.rateLimit`, fallback: '{enabled: false, requestsPerSecond: 10, concurrent: 8}' },
    { what: 'The bound job field sent to the package list (jobId = the job\'s reference)', status: 'I', internal: 'only the bridge receives it' },
    { what: 'Pop-up text for a failed or empty package list: "List displays incomplete data. …"', status: 'C' },
    { what: 'Text when the partner refuses an order', status: 'I', wording: true },
    { what: 'A test or order left without a result expires on the card ("Expired (EXPIRED)"), on the sandbox clock', status: 'I', setting: `${S}.expireAfterDays`, fallback: 'never' },
  ],
};
