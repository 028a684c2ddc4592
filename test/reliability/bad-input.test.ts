/**
 * Bad input against every route of every service: the bridge, the four emulators, the control plane
 * and the reference partner. Each route gets generated input (malformed JSON, wrong types, missing and
 * extra fields, huge strings, deep nesting, oversized bodies, wrong content types, `__proto__` keys, bad
 * ids and queries), sent with real credentials recorded from a full loop so it reaches the handlers.
 * Every answer is a clear 4xx in that service's error shape (never a 5xx, never a hang), the processes
 * stay up, prototypes stay clean, and refused input leaves the stored state as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { PROVIDERS, type ServiceName } from '../../harness/config.ts';
import { ApiError } from '../../harness/errors.ts';
import { validate } from '../../harness/schemas/registry.ts';
import { sidesOf } from '../../harness/ats/sides.ts';
import { partnerHeaders } from '../helpers.ts';
import { appRoutes, bridgeRoutes, controlPlaneRoutes, partnerRoutes, recordCalls, type Recorded, type RouteInfo } from './routes.ts';
import { pathInputs, probeBodies, refuseBodies, type BadInput } from './inputs.ts';
import { diffSnapshots, pool, send, settle, snapshot, until, type Answer } from './support.ts';

interface Target {
  route: RouteInfo;
  base: string;
  /** path and query of a real request to this route */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** the schema the route validates its body against, where known */
  schema?: string;
}

interface Tried {
  target: Target;
  input: BadInput;
  answer?: Answer;
  error?: string;
}

/** Routes that are sandbox plumbing and act without reading a body (reset, expire tokens): only parser-level input. */
const ACTS_WITHOUT_BODY = [/\/_sandbox\/reset$/, /\/_partner\/reset$/, /\/_sandbox\/oauth\/expire-tokens$/, /\/redeliver$/, /\/_sandbox\/teamtailor\/activate$/, /\/_sandbox\/recruiter\//, /\/_sandbox\/inline\//];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const PARAMS: Record<string, string> = { category: 'assessments', ats: 'greenhouse', provider: 'greenhouse', kind: 'assessment', segment: 'assessments', codename: 'stackone-sandbox', companyId: '90112' };

let sb: Sandbox;
let dataDir: string;
let recorded: Recorded[];
let targets: Target[];
const tried: Tried[] = [];

function serviceOf(url: string): ServiceName | undefined {
  return (Object.entries(sb.urls) as [ServiceName, string][]).find(([, base]) => url.startsWith(`${base}/`))?.[0];
}

function buildTargets(): Target[] {
  const routes: RouteInfo[] = [
    ...bridgeRoutes(sb),
    ...PROVIDERS.flatMap((p) => appRoutes(p, sb.emulators[p]!.app)),
    ...controlPlaneRoutes(),
    ...partnerRoutes(),
  ].filter((r) => !r.pattern.includes('/_sandbox/faults') || r.method === 'POST');
  const defaults: Record<string, { body: unknown; schema?: string }> = {
    'POST /unified/ats/:category/orders': { body: { package: { id: 'pkg_logic' }, candidate: { id: 'cand_bad' } }, schema: 'unified/order' },
    'POST /unified/ats/background_checks/packages': { body: { name: 'Check', tests: [{ name: 'ID' }] }, schema: 'unified/background-check-package-write' },
    'PATCH /unified/ats/background_checks/packages/:id': { body: { name: 'Check' }, schema: 'unified/background-check-package-write' },
    'PATCH /unified/ats/:category/orders/:id/result': { body: { summary: 'x' }, schema: 'unified/result-update' },
    'POST /_sandbox/actions/:ats/send-test': { body: { candidateId: 'cand_grace' }, schema: 'sandbox/send-test' },
    'PUT /_partner/behaviour': { body: { complete: false } },
  };
  return routes.map((route) => {
    const base = sb.urls[route.service];
    const rec = recorded.find((r) => r.method === route.method && serviceOf(r.url) === route.service && route.regex.test(new URL(r.url).pathname));
    const d = defaults[`${route.method} ${route.pattern}`];
    const filled = route.pattern.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? 'x').replace(/\*\w+/g, 'x').replace(/\{[^}]*\}/g, '');
    const headers = rec ? { ...rec.headers } : route.service === 'bridge' && !route.pattern.startsWith('/external-trigger') ? partnerHeaders(sb, 'greenhouse') : { 'content-type': 'application/json' };
    const recUrl = rec && new URL(rec.url);
    return {
      route,
      base,
      path: recUrl ? recUrl.pathname + recUrl.search : filled,
      headers,
      body: rec ? rec.body : d ? JSON.stringify(d.body) : BODY_METHODS.has(route.method) ? '{}' : undefined,
      schema: d?.schema,
    };
  });
}

function inputsFor(t: Target, kind: BadInput['kind']): BadInput[] {
  // plumbing, and routes whose real request has no body (they never read one): only what the JSON parser itself refuses
  const plumbing = ACTS_WITHOUT_BODY.some((re) => re.test(t.route.pattern)) || (BODY_METHODS.has(t.route.method) && !t.body);
  const out: BadInput[] = [];
  if (BODY_METHODS.has(t.route.method)) {
    const bodies = kind === 'refuse' ? refuseBodies() : probeBodies(parsed(t.body));
    out.push(...(plumbing ? bodies.filter((b) => /^(malformed|oversized|deep)/.test(b.name)) : bodies));
    if (kind === 'refuse' && /[:*]/.test(t.route.pattern)) out.push(...pathInputs(t.route.pattern).filter((p) => p.kind === 'refuse' && p.name !== 'unknown id').map((p) => ({ ...p, body: t.body })));
  } else if (!plumbing) {
    out.push(...pathInputs(t.route.pattern).filter((p) => p.kind === kind));
  }
  return out;
}

function parsed(body: string | undefined): unknown {
  try {
    return body ? JSON.parse(body) : {};
  } catch {
    return {}; // a form-encoded route (OAuth token): probed with JSON objects
  }
}

async function attempt(t: Target, input: BadInput): Promise<Tried> {
  const headers: Record<string, string> = { ...t.headers };
  if (input.contentType) headers['content-type'] = input.contentType;
  else if (input.body !== undefined) headers['content-type'] = 'application/json';
  const p = input.path ?? t.path.split('?')[0];
  const query = input.query ?? t.path.split('?')[1];
  const body = input.body === undefined ? undefined : input.name.includes('invalid UTF-8') ? Buffer.from(input.body, 'latin1') : input.body;
  if (input.name === 'invalid UTF-8 in a string') headers['content-type'] = t.headers['content-type'] ?? 'application/json';
  try {
    const answer = await send(`${t.base}${p}${query ? `?${query}` : ''}`, { method: t.route.method, headers, body });
    return { target: t, input, answer };
  } catch (e) {
    return { target: t, input, error: (e as Error).message };
  }
}

/** The keys every error of this service carries. */
function errorKeys(service: ServiceName, status: number, pattern: string): string[] | undefined {
  if (pattern.startsWith('/external-trigger/')) return undefined; // each ATS's partner-API error shape, checked per ATS
  if (pattern.endsWith('/oauth/token')) return ['error', 'error_description']; // OAuth token endpoints answer in RFC 6749 §5.2 form
  if (status === 431) return undefined; // Node's own header-size limit answers before any app code
  if (pattern.startsWith('/reports/')) return undefined; // report links are pages for a browser (HTML, PDF, plain-text 404)
  if (service === 'bridge' || service === 'controlPlane') return ['statusCode', 'message', 'timestamp', 'errorCode'];
  if (service === 'partner') return ['error'];
  const body = sidesOf(service as (typeof PROVIDERS)[number]).emulator.renderError(new ApiError(status, 'ValidationError', 'x')).body;
  return body && typeof body === 'object' ? Object.keys(body) : undefined;
}

function problems(list: Tried[], mustRefuse: (t: Tried) => boolean): string[] {
  const out: string[] = [];
  for (const x of list) {
    const where = `${x.target.route.service} ${x.target.route.method} ${x.target.route.pattern} [${x.input.name}]`;
    if (x.error) {
      out.push(`${where}: no answer (${x.error})`);
      continue;
    }
    const a = x.answer!;
    if (a.status >= 500) out.push(`${where}: ${a.status} ${a.text.slice(0, 200)}`);
    else if (mustRefuse(x) && (a.status < 400 || a.status >= 500)) out.push(`${where}: accepted with ${a.status} ${a.text.slice(0, 160)}`);
    if (a.status >= 400 && a.status < 500) {
      const keys = errorKeys(x.target.route.service, a.status, x.target.route.pattern);
      const body = a.json as Record<string, unknown> | undefined;
      if (keys && (!body || typeof body !== 'object' || keys.some((k) => !(k in body)))) out.push(`${where}: ${a.status} not in the service's error shape (${keys.join(', ')}): ${a.text.slice(0, 160)}`);
      if (!a.text && a.status !== 431) out.push(`${where}: ${a.status} with an empty body`);
    }
  }
  return out;
}

async function servicesUp(): Promise<void> {
  for (const [name, base] of Object.entries(sb.urls)) {
    const a = await send(`${base}/_sandbox/does-not-exist`);
    expect(a.status, `${name} still answers`).toBeLessThan(500);
  }
}

const clean = () => {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted, 'Object.prototype polluted').toBeUndefined();
  expect(probe.isAdmin, 'Object.prototype polluted').toBeUndefined();
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ats-bad-input-'));
  sb = await startSandbox({ ports: 0, configFile: false, dataDir, partner: { completeAfterMs: 0 } });
  recorded = recordCalls(sb);
  for (const p of PROVIDERS) {
    const r = await sb.admin.sendTest(p, { candidateId: 'cand_grace' });
    expect(r.ok, `${p} send-test: ${r.recruiterSees}`).toBe(true);
    await sb.admin.waitForCard(p, 'cand_grace', (c) => c.results.some((x) => x.orderId === r.orderId && x.status.tone === 'success'), 8_000);
  }
  await send(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ complete: false }) });
  await settle(sb);
  targets = buildTargets();
}, 30_000);

afterAll(async () => {
  await sb?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  const by = (k: BadInput['kind']) => tried.filter((x) => x.input.kind === k).length;
  console.log(`bad input: ${tried.length} inputs tried (${by('refuse')} that must be refused, ${by('probe')} probes) against ${targets?.length ?? 0} routes of ${Object.keys(sb?.urls ?? {}).length} services`);
});

describe('bad input', () => {
  it('that cannot be read as the right JSON is refused with a clear 4xx everywhere, and changes nothing', async () => {
    const before = snapshot(dataDir);
    const journalBefore = sb.journal.lastSeq;
    const work = targets.flatMap((t) => inputsFor(t, 'refuse').map((input) => ({ t, input })));
    const results = await pool(work, 6, ({ t, input }) => attempt(t, input));
    tried.push(...results);
    expect(problems(results, () => true)).toEqual([]);
    await settle(sb);
    const after = snapshot(dataDir);
    if (process.env.DEBUG_BAD) for (const f of diffSnapshots(before, after)) console.log(f, before.get(f), '\n=====\n', after.get(f));
    expect(diffSnapshots(before, after), 'state files changed').toEqual([]);
    expect(sb.journal.lastSeq).toBeGreaterThan(journalBefore);
    clean();
    await servicesUp();
  }, 30_000);

  it('with wrong types, missing or extra fields, huge strings, `__proto__` keys and odd queries never gets a 5xx', async () => {
    const work = targets.flatMap((t) => inputsFor(t, 'probe').map((input) => ({ t, input })));
    const results = await pool(work, 6, ({ t, input }) => attempt(t, input));
    tried.push(...results);
    // where the route has a schema, anything the schema refuses must be refused
    const schemaSays = (x: Tried) => x.target.schema !== undefined && x.input.body !== undefined && !validate(x.target.schema, JSON.parse(x.input.body)).valid;
    expect(problems(results, schemaSays)).toEqual([]);
    clean();
    await servicesUp();
    const accepted = results.filter((x) => x.answer && x.answer.status < 400);
    console.log(`probes accepted by lenient routes: ${accepted.length} of ${results.length}: ${[...new Set(accepted.map((x) => `${x.target.route.service} ${x.target.route.method} ${x.target.route.pattern}`))].join('; ')}`);
  }, 30_000);
});
