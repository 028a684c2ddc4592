/**
 * The verdict of a Pact provider verification (the sandbox's own: the reference partner and the
 * emulators against the pacts), made readable: one entry per interaction, each failure named by field
 * (`body $.data`, `header Content-Type`, `status`) with the reason in plain words. `ats-sandbox verify`
 * does not use this: it judges a partner's service with the bridge's own code (harness/verify/).
 */
interface VerifyProblem {
  /** what is wrong: `status`, `header <name>`, `body <json path>`, `request` */
  field: string;
  reason: string;
  hint?: string;
}

interface InteractionVerdict {
  description: string;
  state?: string;
  /** `POST /webhooks/orders` */
  request: string;
  ok: boolean;
  problems: VerifyProblem[];
}

export interface VerifyReport {
  ok: boolean;
  partnerBaseUrl: string;
  pactFile: string;
  durationMs: number;
  interactions: InteractionVerdict[];
  /** problems outside any interaction (provider-state URL failures, a verifier crash) */
  problems: string[];
}

interface RawMismatch {
  type: string;
  path?: string;
  key?: string;
  mismatch?: string;
  message?: string;
  expected?: unknown;
  actual?: unknown;
}

interface RawOutput {
  result?: boolean;
  errors?: { interaction: string; mismatch?: { type: string; message?: string; mismatches?: RawMismatch[] } }[];
  interactionResults?: { description: string; result: string }[];
}

const ANSI = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g');
const plain = (s: unknown): string => String(s ?? '').replace(ANSI, '');
const short = (s: string, n = 300): string => (s.length > n ? `${s.slice(0, n)}…` : s);

function hintFor(description: string, m: RawMismatch): string | undefined {
  if (m.type === 'BodyMismatch' && /package list/.test(description)) {
    if (m.path === '$' && typeof m.actual === 'string' && m.actual.trimStart().startsWith('[')) return 'the package list answered a bare array; wrap it as {"data": [...]}';
    return 'the package list must answer {"data": [{"id": "...", "name": "..."}, ...]} with at least one package';
  }
  if (m.type === 'StatusMismatch' && /wrong signature/.test(description) && Number(m.actual) < 300) {
    return 'your webhook accepted a request whose x-stackone-signature is wrong: verify base64url(HMAC-SHA256(raw body, secret)) and answer 401 when it does not match';
  }
  if (m.type === 'StatusMismatch' && Number(m.expected) === 401) return undefined;
  if (m.type === 'StatusMismatch' && Number(m.actual) === 401) return 'the request was refused as unauthorised: check --webhook-secret / --signing-secret / --api-key match what your service expects';
  if (m.type === 'StatusMismatch' && Number(m.actual) >= 500) return 'your service failed; StackOne retries a webhook with backoff and then gives up, and an ATS shows an error for a package list';
  if (m.type === 'StatusMismatch' && Number(m.actual) === 404) return 'nothing answers at this path: pass the right --package-list-path / --webhook-path';
  return undefined;
}

/** Pact words a type mismatch backwards ("Expected <actual> to be the same type as <expected>"); say it the right way round. */
function bodyReason(text: string): string {
  const t = /^Type mismatch: Expected ([\s\S]*) \((\w+)\) to be the same type as ([\s\S]*) \((\w+)\)$/.exec(text);
  if (t) return `type mismatch: expected ${t[4].toLowerCase()} like ${short(t[3], 80)}, got ${t[2].toLowerCase()} ${short(t[1], 80)}`;
  return short(text);
}

function problemOf(description: string, m: RawMismatch): VerifyProblem {
  const hint = hintFor(description, m);
  switch (m.type) {
    case 'StatusMismatch':
      return { field: 'status', reason: `expected HTTP ${m.expected}, got ${m.actual}`, ...(hint ? { hint } : {}) };
    case 'HeaderMismatch':
      return { field: `header ${m.key ?? ''}`.trim(), reason: short(plain(m.mismatch)), ...(hint ? { hint } : {}) };
    case 'BodyMismatch':
      return { field: `body ${m.path ?? '$'}`, reason: bodyReason(plain(m.mismatch)), ...(hint ? { hint } : {}) };
    case 'BodyTypeMismatch':
      return { field: 'body', reason: short(plain(m.mismatch ?? `expected ${m.expected}, got ${m.actual}`)), ...(hint ? { hint } : {}) };
    default:
      return { field: m.type, reason: short(plain(m.mismatch ?? m.message ?? JSON.stringify(m))) };
  }
}

/** Parses the verifier's JSON result (pact-core resolves or rejects with it) into a report. */
export function parseVerifierOutput(
  output: string,
  ctx: { partnerBaseUrl: string; pactFile: string; durationMs: number; pact: { interactions: { description: string; request: { method?: string; path: string }; providerStates?: { name: string }[] }[] } },
): VerifyReport {
  let raw: RawOutput | undefined;
  try {
    raw = JSON.parse(output) as RawOutput;
  } catch {
    raw = undefined;
  }
  const report: VerifyReport = { ok: false, partnerBaseUrl: ctx.partnerBaseUrl, pactFile: ctx.pactFile, durationMs: ctx.durationMs, interactions: [], problems: [] };
  if (!raw) {
    report.problems.push(`the verifier did not run: ${short(plain(output), 500)}`);
    return report;
  }
  for (const i of ctx.pact.interactions) {
    const state = i.providerStates?.[0]?.name;
    // an error names its interaction as "Verifying a pact between … Given <state> - <description>"
    const errors = (raw.errors ?? []).filter((e) => e.interaction.endsWith(` - ${i.description}`) || e.interaction.endsWith(i.description));
    const problems = errors.flatMap((e) =>
      e.mismatch?.mismatches?.length ? e.mismatch.mismatches.map((m) => problemOf(i.description, m)) : [{ field: 'request', reason: short(plain(e.mismatch?.message ?? 'failed')) }],
    );
    const result = raw.interactionResults?.find((r) => r.description === i.description)?.result;
    const ok = problems.length === 0 && (result === undefined || result === 'OK');
    if (!ok && problems.length === 0) problems.push({ field: 'request', reason: `verification ${result ?? 'failed'}` });
    report.interactions.push({ description: i.description, ...(state ? { state } : {}), request: `${i.request.method ?? 'POST'} ${i.request.path}`, ok, problems });
  }
  report.ok = raw.result === true && report.interactions.every((i) => i.ok);
  return report;
}

/** Every problem as one line: `a signed request for …: body $ — Type mismatch …`. */
export function failureLines(report: VerifyReport): string[] {
  return [...report.problems, ...report.interactions.flatMap((i) => i.problems.map((p) => `${i.description}: ${p.field}: ${p.reason}${p.hint ? ` (${p.hint})` : ''}`))];
}
