/**
 * Secrets never reach the journal, the logs or the dashboard: headers that carry credentials are
 * masked by name, and every secret value the sandbox knows (API keys, tokens, client and webhook
 * secrets) is masked wherever it appears in text.
 */
import { ATS_SECRET_HEADERS } from './ats/registry.ts';

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);
/** a header that carries credentials: the common ones above, and each ATS's own (its manifest) */
const isSecretHeader = (name: string): boolean => SECRET_HEADERS.has(name) || ATS_SECRET_HEADERS.has(name);

const known = new Set<string>();
/** every known secret in one pattern (longest first), built again when one is added */
let knownPattern: RegExp | undefined;

/** Remembers a secret so that `redact` masks it wherever it appears (also its base64 forms). */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < 6) return;
  const size = known.size;
  known.add(value);
  known.add(Buffer.from(value).toString('base64'));
  known.add(Buffer.from(`${value}:`).toString('base64'));
  if (known.size !== size) knownPattern = undefined;
}

function secretsPattern(): RegExp {
  knownPattern ??= new RegExp([...known].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return knownPattern;
}

/** `v1.sandbox.demo-key` → `v1.s…(masked)` */
function mask(value: string): string {
  if (!value) return value;
  const scheme = /^(Basic|Bearer|Token)\s+/i.exec(value);
  if (scheme) return `${scheme[1]} ${mask(value.slice(scheme[0].length))}`;
  return `${value.slice(0, Math.min(4, Math.floor(value.length / 4)))}…(masked)`;
}

/** Fields whose values are credentials wherever they appear, in JSON or form-encoded bodies. */
const SECRET_FIELDS = 'access_token|refresh_token|id_token|client_secret|clientSecret|accessToken|password|secret|api_key|apiKey|token|externalTriggerToken';
const JSON_FIELD = new RegExp(`("(?:${SECRET_FIELDS})"\\s*:\\s*")([^"]+)(")`, 'g');
const FORM_FIELD = new RegExp(`(^|[&?])((?:${SECRET_FIELDS})=)([^&\\s]+)`, 'g');

export function redact(text: string): string {
  if (!text || text.length < 6) return text;
  let out = text;
  // the field patterns need a quote or an equals sign: most header values have neither
  if (out.includes('"')) out = out.replace(JSON_FIELD, (_m, a: string, v: string, b: string) => `${a}${mask(v)}${b}`);
  if (out.includes('=')) out = out.replace(FORM_FIELD, (_m, a: string, k: string, v: string) => `${a}${k}${mask(safeDecode(v))}`);
  if (known.size === 0) return out;
  return out.replace(secretsPattern(), (s) => mask(s));
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

export function maskHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const value = Array.isArray(v) ? v.join(', ') : String(v);
    out[k.toLowerCase()] = isSecretHeader(k.toLowerCase()) ? mask(value) : redact(value);
  }
  return out;
}

/** Query parameters whose values are credentials in a URL (`?api_key=`, `token=`, `sig=` …). */
const SECRET_PARAM = /(key|token|secret|password|passwd|pwd|signature|sig|auth|credential|session|code)$/i;

/** A URL as the journal keeps it: credential-like query values masked, and every known secret too. */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return redact(url);
  const query = url.slice(q + 1).replace(/([^&=#]+)=([^&#]*)/g, (m, name: string, value: string) => (SECRET_PARAM.test(safeDecode(name).replace(/[-_]/g, '')) && value ? `${name}=${encodeURIComponent(mask(safeDecode(value)))}` : m));
  return redact(`${url.slice(0, q)}?${query}`);
}
