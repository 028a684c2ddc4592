/**
 * Secrets never reach the journal, the logs or the dashboard: headers that carry credentials are
 * masked by name, and every secret value the sandbox knows (API keys, tokens, client and webhook
 * secrets) is masked wherever it appears in text.
 */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'rt-partner-secret',
  'teamtailor-api-token',
  'x-api-key',
  'x-smarttoken',
]);

const known = new Set<string>();

/** Remembers a secret so that `redact` masks it wherever it appears (also its base64 forms). */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < 6) return;
  known.add(value);
  known.add(Buffer.from(value).toString('base64'));
  known.add(Buffer.from(`${value}:`).toString('base64'));
}

/** `v1.sandbox.demo-key` → `v1.s…(masked)` */
export function mask(value: string): string {
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
  if (!text) return text;
  let out = text.replace(JSON_FIELD, (_m, a: string, v: string, b: string) => `${a}${mask(v)}${b}`).replace(FORM_FIELD, (_m, a: string, k: string, v: string) => `${a}${k}${mask(decodeURIComponent(v))}`);
  if (known.size === 0) return out;
  for (const s of known) if (out.includes(s)) out = out.split(s).join(mask(s));
  return out;
}

export function maskHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const value = Array.isArray(v) ? v.join(', ') : String(v);
    out[k.toLowerCase()] = SECRET_HEADERS.has(k.toLowerCase()) ? mask(value) : redact(value);
  }
  return out;
}
