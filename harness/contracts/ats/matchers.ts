/**
 * Matchers shared by the ATS pacts: formats (uuid, URL, email, ISO time, auth headers) and
 * `injected()`, a regex matcher whose value the provider state supplies at verification time
 * (ids the provider makes itself: order ids, partner-result ids, report ids).
 */
import { MatchersV3 } from '@pact-foundation/pact';

const { regex } = MatchersV3;

export const RE = {
  uuid: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  orderId: '^ord_[A-Za-z0-9]+$',
  url: '^https?://\\S+$',
  email: '^[^@\\s]+@[^@\\s]+$',
  iso: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
  nonEmpty: '^\\S.*$',
  /** `Authorization: Bearer <anything without spaces>` */
  bearer: '^Bearer \\S+$',
  /** an HS256 JWT as Teamtailor's provider key */
  bearerJwt: '^Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
  basic: '^Basic [A-Za-z0-9+/]+={0,2}$',
  json: '^application/json.*$',
} as const;

export const EXAMPLE = {
  uuid: '3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f',
  orderId: 'ord_7c2f0d4e9a1b3c5d7e9f',
  jwt: 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHRlcm5hbFRyaWdnZXJUb2tlbiI6Ii4uLiJ9.c2lnbmF0dXJlLW5vdC1yZWFs',
  bearer: 'Bearer example-token-not-real',
  basic: 'Basic ZXhhbXBsZS11c2VyOmV4YW1wbGUtcGFzc3dvcmQ=',
  secret: 'example-secret-not-real',
} as const;

/**
 * The partner's unified result both ATS contract suites use: the bridge → ATS pacts are recorded from
 * it and their provider states deliver it, so the two agree on every example value.
 */
export const EXAMPLE_RESULT = {
  score: { label: 'Percentage', value: '82', min: '0', max: '100' },
  result: { value: 'passed', source_value: 'Passed' },
  start_date: '2026-03-01T10:20:00.000Z',
  submission_date: '2026-03-01T10:51:00.000Z',
  summary: 'Strong on algorithms',
  result_url: 'http://127.0.0.1:4015/reports/r1',
  attachments: [{ url: 'http://127.0.0.1:4015/reports/r1.pdf', content_type: { value: 'pdf', source_value: 'application/pdf' } }],
};

/** A regex-checked value that the provider state injects (`${name}` expressions) during verification. */
export function injected(re: string, expression: string, example: string): MatchersV3.Matcher<string> {
  return { 'pact:matcher:type': 'regex', regex: re, 'pact:generator:type': 'ProviderState', expression, value: example } as MatchersV3.Matcher<string>;
}

export const url = (example: string) => regex(RE.url, example);
export const email = (example: string) => regex(RE.email, example);
export const iso = (example: string) => regex(RE.iso, example);
export const uuid = (example: string = EXAMPLE.uuid) => regex(RE.uuid, example);
/** JSON answers: the content type, any charset */
const jsonHeaders = () => ({ 'Content-Type': regex(RE.json, 'application/json; charset=utf-8') });

/**
 * A literal application/x-www-form-urlencoded request body, compared field by field. pact-js's
 * `body()` would store it as binary and match only its content type (and Pact cannot match inside
 * a form), so this goes through the builder's interaction, as jsonBody() does.
 */
export function formBody(builder: object, form: Record<string, string>): void {
  const i = (builder as { interaction?: { withRequestBody(body: string, contentType: string): void } }).interaction;
  if (!i) throw new Error('formBody: this pact-js version has no request builder interaction');
  i.withRequestBody(new URLSearchParams(form).toString(), 'application/x-www-form-urlencoded');
}
