/**
 * verify(): judges a partner's real service by the bridge's own rules, in both directions, with the
 * bridge's own code — never with a second copy of a rule (docs/decisions/011).
 *
 * 1. Probe: every origin the partner gave must accept a connection (bounded: "cannot connect to <url>
 *    — is your service running?"; when nothing answers at all, nothing else runs).
 * 2. Package lists: fetched by the bridge's PackageListResolver with the bridge's settings (its timeout,
 *    signing, Basic style), once per ATS and category, explained from its PackageListFailure.
 * 3. A sandbox starts in this process on free ports, except the bridge, which listens on the port the
 *    partner's service is configured with as its StackOne base URL (default 4010), pointed at the
 *    partner's lists (a static package id where a list failed) and webhook with its secret.
 * 4. For each ATS and category a recruiter sends a test through the ATS's emulator; the dispatcher
 *    delivers a real signed order webhook (delivered = the dispatcher's own delivery state: any 2xx) and
 *    verify waits (bounded) for the partner's result update(s). They are judged by the bridge's answers
 *    as its journal records them (hop `result-update`: status, response body, `warnings`); then the
 *    candidate card is read: what the recruiter sees. One more order per category carries the webhook's
 *    inferred parts; every result link is opened as the recruiter would.
 * 5. A Greenhouse order is delivered again (a retry): it must not become a second update.
 * 6. One order's webhook is sent again signed with a wrong secret: the partner must refuse it (4xx).
 */
import net from 'node:net';
import { CATEGORIES, DEFAULT_API_KEY, DEFAULT_WEBHOOK_SECRET, PROVIDERS, resolveConfig, SERVICES, type Category, type ProviderKey, type SandboxConfig } from '../config.ts';
import { startSandbox, type Sandbox } from '../sandbox.ts';
import { Journal } from '../journal.ts';
import { createHttpClient } from '../http/client.ts';
import { SANDBOX_HEADER } from '../http/request-guard.ts';
import { PackageListResolver } from '../bridge/package-list-resolver.ts';
import { manifestOf } from '../ats/registry.ts';
import { DEMO_ACCOUNTS, DEMO_OWNER } from '../demo.ts';
import { DEFAULT_PATHS } from '../contracts/partner-paths.ts';
import type { JournalEntry } from '../journal.ts';
import type { FieldIssue, LinkedAccountRecord, PackageListOutcome } from '../bridge/glossary.ts';
import type { Delivery } from '../bridge/webhook-dispatcher.ts';
import type { SendTestReport } from '../../schemas/generated/sandbox/send-test-report.ts';
import type { CandidateCard } from '../../schemas/generated/sandbox/candidate-card.ts';
import { explainBadSignature, explainPackageList, explainRefusal, explainWebhook, type BridgeErrorBody } from './hints.ts';
import { finishReport, type CardView, type CheckProblem, type ResultUpdateSeen, type VerifyCheck, type VerifyReport } from './report.ts';

/** The port the partner's service calls the bridge on, unless told otherwise (the sandbox's default bridge port). */
export const DEFAULT_BRIDGE_PORT = 4010;
export const DEFAULT_RESULT_TIMEOUT_MS = 10_000;
export const DEFAULT_SETTLE_MS = 500;
const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

export interface VerifyOptions {
  /** where the partner's service listens; the paths below are taken relative to it */
  partnerBaseUrl?: string;
  packageListPath?: string;
  backgroundCheckListPath?: string;
  webhookPath?: string;
  /** full URLs instead of base URL + path */
  packageListUrl?: string;
  backgroundCheckListUrl?: string;
  webhookUrl?: string;
  /** the secret the partner checks x-stackone-signature of the order webhook with */
  webhookSecret?: string;
  /** secret of the package-list signature (default: the webhook secret, as in the sandbox) */
  signingSecret?: string;
  /** the API key: in Basic auth of the package-list call, and what the partner authenticates its result updates with */
  apiKey?: string;
  /** base64(key) as StackOne's docs show (default) or base64(key:) */
  basicStyle?: 'key' | 'key-colon';
  /** the bridge listens here, on 127.0.0.1 (default 4010); 0 for a free port (then the partner must learn it: `onBridge`) */
  bridgePort?: number;
  /** told the bridge's URL once it listens, before any order is sent */
  onBridge?: (bridgeUrl: string) => void | Promise<void>;
  /** how long to wait for the first result update after the webhook was delivered (default 10 s) */
  resultTimeoutMs?: number;
  /** after a result update, how long to wait for another (a second Greenhouse update is refused) */
  settleMs?: number;
  /** the package-list timeout (default: the bridge's own) */
  packageListTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** warnings fail the run */
  strict?: boolean;
  /** also send one order per category with the webhook's inferred parts (default true) */
  variants?: boolean;
  ats?: ProviderKey[];
  categories?: Category[];
}

export class VerifyOptionsError extends Error {}
export class BridgePortInUseError extends Error {}

interface Targets {
  packageList: Record<Category, string>;
  webhook: string;
}

export function targetsOf(o: VerifyOptions): Targets {
  const base = o.partnerBaseUrl?.replace(/\/+$/, '');
  if (base !== undefined && !/^https?:\/\/[^/]/.test(base)) throw new VerifyOptionsError(`--partner-base-url ${JSON.stringify(o.partnerBaseUrl)} is not an http(s) URL`);
  const at = (p: string | undefined, fallback: string): string | undefined => (base ? `${base}${p ?? fallback}` : undefined);
  const assessment = o.packageListUrl ?? at(o.packageListPath, DEFAULT_PATHS.packageList.assessment);
  const background = o.backgroundCheckListUrl ?? o.packageListUrl ?? at(o.backgroundCheckListPath ?? o.packageListPath, DEFAULT_PATHS.packageList.background_check);
  const webhook = o.webhookUrl ?? at(o.webhookPath, DEFAULT_PATHS.webhook);
  if (!assessment || !background || !webhook) throw new VerifyOptionsError('give --partner-base-url, or --package-list-url and --webhook-url');
  for (const u of [assessment, background, webhook]) {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      throw new VerifyOptionsError(`${JSON.stringify(u)} is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new VerifyOptionsError(`${u} is not an http(s) URL`);
  }
  return { packageList: { assessment, background_check: background }, webhook };
}

/** The bridge's own package-list timeout (config default), unless the options set one. */
export function bridgePackageListTimeoutMs(): number {
  return resolveConfig([], () => '').packageList.timeoutMs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(get: () => T | undefined | Promise<T | undefined>, timeoutMs: number, everyMs = 25): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() >= deadline) return undefined;
    await sleep(everyMs);
  }
}

/** Whether something accepts a TCP connection at the URL's host and port. */
function probe(url: string, timeoutMs: number): Promise<{ ok: true } | { ok: false; why: string }> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (r: { ok: true } | { ok: false; why: string }) => {
      socket.destroy();
      resolve(r);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, why: `no connection within ${timeoutMs} ms` }));
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (e: NodeJS.ErrnoException) => done({ ok: false, why: e.code ?? e.message }));
  });
}

const origin = (u: string): string => new URL(u).origin;

export async function verify(o: VerifyOptions): Promise<VerifyReport> {
  const started = Date.now();
  const targets = targetsOf(o);
  const atss = o.ats?.length ? o.ats : [...PROVIDERS];
  const categories = o.categories?.length ? o.categories : [...CATEGORIES];
  const strict = o.strict ?? false;
  const checks: VerifyCheck[] = [];
  const report = (bridgeUrl?: string) => finishReport({ strict, partner: targets, ...(bridgeUrl ? { bridgeUrl } : {}), durationMs: Date.now() - started, checks });

  // 1. is anything there?
  const t0 = Date.now();
  const roles = new Map<string, string[]>();
  for (const [role, url] of [['package list', targets.packageList.assessment], ['background-check list', targets.packageList.background_check], ['webhook', targets.webhook]] as const) {
    if (role === 'background-check list' && url === targets.packageList.assessment) continue;
    roles.set(origin(url), [...(roles.get(origin(url)) ?? []), `${role} ${url}`]);
  }
  const origins = [...roles.keys()];
  const probes = await Promise.all(origins.map(async (u) => ({ u, r: await probe(u, o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS) })));
  const down = probes.filter((p) => !p.r.ok);
  checks.push({
    direction: 'bridge → partner',
    name: 'your service is reachable',
    verdict: down.length ? 'fail' : 'pass',
    summary: down.length ? '' : origins.join(', '),
    problems: down.map((p) => ({
      what: 'cannot connect',
      reason: `cannot connect to ${p.u} — is your service running? (${(p.r as { why: string }).why}; your ${roles.get(p.u)!.join(' and ')})`,
      hint: 'start your service, or pass the URL it listens on',
    })),
    warnings: [],
    durationMs: Date.now() - t0,
  });
  // nothing answers anywhere: stop here; one part down (e.g. the webhook): the rest is still judged, and fast
  if (down.length === origins.length) {
    checks.push({ direction: 'bridge → partner', name: 'the other checks', verdict: 'skip', summary: 'not run: your service cannot be reached', problems: [], warnings: [], durationMs: 0 });
    return report();
  }

  // 2. the package lists, fetched and judged by the bridge's own resolver, with the bridge's settings
  const packageListTimeoutMs = o.packageListTimeoutMs ?? bridgePackageListTimeoutMs();
  const layer: SandboxConfig = {
    inMemory: true,
    referencePartner: false,
    apiKey: o.apiKey ?? DEFAULT_API_KEY,
    packages: { assessment: { listUrl: targets.packageList.assessment }, background_check: { listUrl: targets.packageList.background_check } },
    // subscribed to every order event StackOne documents (the dispatcher sends the configured one)
    webhooks: [{ id: 'wh_your_service', name: 'Your service', url: targets.webhook, secret: o.webhookSecret ?? DEFAULT_WEBHOOK_SECRET, events: [...new Set([...Object.values(resolveConfig([], () => '').events), ...Object.values(SMARTRECRUITERS_GUIDE_EVENTS)])] }],
    packageList: {
      timeoutMs: packageListTimeoutMs,
      authorization: o.basicStyle === 'key-colon' ? 'basic-api-key-colon' : 'basic-api-key',
      ...(o.signingSecret ? { signingSecret: o.signingSecret } : {}),
    },
  };
  const listFailed = await packageListChecks(layer, { atss, categories, packageListTimeoutMs }, checks);

  // 3. a sandbox whose bridge your service can reach; where a list failed, orders use a static package id so the rest is still judged
  const bridgePort = o.bridgePort ?? DEFAULT_BRIDGE_PORT;
  const providers: NonNullable<SandboxConfig['providers']> = {};
  for (const key of listFailed) {
    const [ats, category] = key.split('/') as [ProviderKey, Category];
    ((providers[ats] ??= {}).packages ??= {})[category] = { listUrl: null, staticPackageId: STATIC_PACKAGE_ID };
  }
  let sb: Sandbox;
  try {
    sb = await startSandbox({
      ...layer,
      ...(listFailed.size ? { providers } : {}),
      configFile: false,
      hopWaitMs: 0,
      ports: { ...Object.fromEntries(SERVICES.map((s) => [s, 0])), bridge: bridgePort },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new BridgePortInUseError(`port ${bridgePort} is in use, so the bridge cannot listen where your service calls it: stop what listens there (another ats-sandbox?) or pass --bridge-port`);
    }
    throw e;
  }
  try {
    await o.onBridge?.(sb.urls.bridge);
    await runChecks(sb, o, { targets, atss, categories, strict, packageListTimeoutMs, listFailed }, checks);
    return report(sb.urls.bridge);
  } finally {
    await sb.close();
  }
}

/** The package id orders use when the partner's list failed, so its webhook and results are still judged. */
const STATIC_PACKAGE_ID = 'verify_static_package';

async function packageListChecks(layer: SandboxConfig, plan: { atss: ProviderKey[]; categories: Category[]; packageListTimeoutMs: number }, checks: VerifyCheck[]): Promise<Set<string>> {
  const journal = new Journal();
  const resolver = new PackageListResolver(resolveConfig([layer], () => ''), createHttpClient('bridge', journal));
  const listFailed = new Set<string>();
  try {
    for (const category of plan.categories) {
      const t = Date.now();
      const outcomes = await Promise.all(plan.atss.map(async (ats) => ({ ats, out: await resolver.resolve(accountOf(ats), category) })));
      const failed = outcomes.filter((x): x is { ats: ProviderKey; out: Extract<PackageListOutcome, { ok: false }> } => !x.out.ok);
      for (const f of failed) listFailed.add(`${f.ats}/${category}`);
      const problems: CheckProblem[] = [];
      for (const [, group] of groupBy(failed, (f) => `${f.out.reason}|${f.out.explanation}`)) {
        const e = explainPackageList(group[0].out, plan.packageListTimeoutMs);
        problems.push({ what: e.what, reason: `${group.length === outcomes.length ? '' : `(${group.map((g) => g.ats).join(', ')}) `}${e.reason}`, ...(e.hint ? { hint: e.hint } : {}) });
      }
      const first = outcomes.find((x) => x.out.ok)?.out as Extract<PackageListOutcome, { ok: true }> | undefined;
      checks.push({
        direction: 'bridge → partner',
        name: `package list (${category.replace('_', ' ')})`,
        category,
        verdict: failed.length ? 'fail' : 'pass',
        summary: failed.length ? '' : `${first!.packages.length} package(s): ${first!.packages.map((p) => p.name).slice(0, 5).join(', ')}`,
        problems,
        warnings: [],
        durationMs: Date.now() - t,
      });
    }
  } finally {
    journal.close();
  }
  return listFailed;
}

/** The demo linked account of an ATS, as the resolver needs it (its id and provider go in the list call). */
const accountOf = (ats: ProviderKey): LinkedAccountRecord => ({ ...DEMO_ACCOUNTS[ats], status: 'active', originOwnerId: DEMO_OWNER.id, originOwnerName: DEMO_OWNER.name, createdAt: new Date(0).toISOString() });

interface Plan {
  targets: Targets;
  atss: ProviderKey[];
  categories: Category[];
  strict: boolean;
  packageListTimeoutMs: number;
  /** `ats/category` whose list failed (orders there use a static package id) */
  listFailed: Set<string>;
}

interface OrderRun {
  /** the webhook variant this order was sent with (none: the confirmed webhook) */
  variant?: Variant['id'];
  ats: ProviderKey;
  category: Category;
  send?: SendTestReport;
  delivery?: Delivery;
  check: VerifyCheck;
}

async function runChecks(sb: Sandbox, o: VerifyOptions, plan: Plan, checks: VerifyCheck[]): Promise<void> {
  const bridge = sb.bridge!;
  const deliveryCfg = sb.config.delivery;

  // 4. a recruiter sends a test through each ATS; the partner gets the order webhook and reports back
  const runs: OrderRun[] = plan.atss.flatMap((ats) =>
    plan.categories.map((category) => ({
      ats,
      category,
      check: { direction: 'partner → bridge' as const, name: 'result update', ats, category, verdict: 'fail' as const, summary: '', problems: [], warnings: [], durationMs: 0 },
    })),
  );
  await Promise.all(runs.map((run) => orderRun(sb, o, plan, run, plan.listFailed.has(`${run.ats}/${run.category}`))));

  // the webhooks, as the dispatcher judged them
  for (const category of plan.categories) {
    const mine = runs.filter((r) => r.category === category && r.delivery);
    if (!mine.length) {
      checks.push({ direction: 'bridge → partner', name: `order webhook (${category.replace('_', ' ')})`, category, verdict: 'skip', summary: 'not run: no order was placed', problems: [], warnings: [], durationMs: 0 });
      continue;
    }
    const bad = mine.filter((r) => r.delivery!.state !== 'delivered');
    const problems: CheckProblem[] = [];
    for (const [, group] of groupBy(bad, (r) => `${r.delivery!.attempts[0]?.status}|${r.delivery!.attempts[0]?.error ?? ''}`)) {
      const e = explainWebhook(group[0].delivery!.attempts[0], { timeoutMs: deliveryCfg.timeoutMs, maxAttempts: deliveryCfg.maxAttempts });
      problems.push({ what: e.what, reason: `${group.length === mine.length ? '' : `(${group.map((g) => g.ats).join(', ')}) `}${e.reason}`, ...(e.hint ? { hint: e.hint } : {}) });
    }
    const statuses = [...new Set(mine.filter((r) => r.delivery!.state === 'delivered').map((r) => r.delivery!.attempts.at(-1)!.status))];
    checks.push({
      direction: 'bridge → partner',
      name: `order webhook (${category.replace('_', ' ')})`,
      category,
      verdict: bad.length ? 'fail' : 'pass',
      summary: bad.length ? '' : `${mine.length} delivered, answered HTTP ${statuses.join('/')} (any 2xx counts)`,
      problems,
      warnings: [],
      durationMs: Math.max(...mine.map((r) => r.delivery!.attempts[0]?.durationMs ?? 0)),
    });
  }

  // the order webhook with its inferred parts too (the data copy, Idempotency-Key): a partner must cope with either
  const variants = o.variants === false ? [] : await variantRuns(sb, o, plan, runs);

  // a service that reported the orders sent with the other event names, but not these: say so where it failed
  for (const v of variants.filter((r) => r.variant === 'event-names' && r.check.updates?.some((u) => u.accepted))) {
    const sentAs = resolveConfig([], () => '').events[v.category];
    for (const r of runs.filter((x) => x.category === v.category)) {
      const p = r.check.problems.find((x) => x.what === 'no result update');
      if (p) p.hint = `your service reported an order sent as ${SMARTRECRUITERS_GUIDE_EVENTS[v.category]} but not this one, sent as ${sentAs}: StackOne documents both event names, act on either`;
    }
  }

  // the recruiter opens every link and attachment of the results (the control plane's open-links action)
  await openLinks(sb, plan, [...runs, ...variants]);

  // 5. the same order delivered again (as a retry would) must not become a second Greenhouse update
  const gh = runs.find((r) => r.ats === 'greenhouse' && r.check.verdict !== 'fail' && r.check.updates?.some((u) => u.accepted));
  const repeated = gh ? [await repeatedDelivery(sb, o, gh)] : [];

  // 6. a wrongly signed webhook must be refused
  const t5 = Date.now();
  // on an order already delivered, not on Greenhouse (a partner that does not check would update it twice)
  const rank = (r: OrderRun) => (r.delivery?.state === 'delivered' ? 0 : 2) + Number(r.ats === 'greenhouse');
  const target = runs.filter((r) => r.delivery).sort((a, b) => rank(a) - rank(b))[0];
  if (!target || (target.delivery!.state !== 'delivered' && !target.delivery!.attempts[0]?.status)) {
    const why = target ? 'your webhook could not be reached' : 'no order was placed';
    checks.push({ direction: 'bridge → partner', name: 'wrongly signed order webhook is refused', verdict: 'skip', summary: `not run: ${why}`, problems: [], warnings: [], durationMs: 0 });
  } else {
    const sent = (await action<{ deliveries?: Delivery[] }>(sb, `/_sandbox/actions/orders/${encodeURIComponent(target.delivery!.orderId)}/webhook`, { badSignature: true })).deliveries?.[0];
    const d = sent && (await waitFor(() => bridge.dispatcher.list().find((x) => x.id === sent.id && x.attempts.length > 0), deliveryCfg.timeoutMs + 2_000));
    const e = explainBadSignature(d?.attempts[0]);
    checks.push({
      direction: 'bridge → partner',
      name: 'wrongly signed order webhook is refused',
      verdict: e.ok ? 'pass' : 'fail',
      summary: e.ok ? e.reason : '',
      problems: e.ok ? [] : [{ what: e.what, reason: e.reason, ...(e.hint ? { hint: e.hint } : {}) }],
      warnings: [],
      durationMs: Date.now() - t5,
    });
  }
  checks.push(...runs.map((r) => r.check), ...variants.map((r) => r.check), ...repeated);
}

/**
 * Links that do not open are a warning: StackOne cannot check them (a result URL may be private by
 * design), but the recruiter who clicks sees the error (the guides' row "Result URL or Attachment's
 * URL showing error when opened").
 */
async function openLinks(sb: Sandbox, plan: Plan, runs: OrderRun[]): Promise<void> {
  const byOrder = new Map(runs.filter((r) => r.check.orderId && r.check.card).map((r) => [r.check.orderId!, r]));
  const candidates = [...new Set(runs.filter((r) => byOrder.has(r.check.orderId ?? '')).map((r) => `${r.ats}/${r.send!.candidateId}`))];
  await Promise.all(
    candidates.map(async (key) => {
      const [ats, candidateId] = key.split('/');
      const { links } = await action<{ links: { orderId?: string; verdict: string; explanation: string }[] }>(sb, `/_sandbox/actions/${ats}/candidates/${encodeURIComponent(candidateId)}/open-links`);
      for (const l of links) {
        const run = l.orderId ? byOrder.get(l.orderId) : undefined;
        if (!run || l.verdict === 'ok') continue;
        run.check.warnings.push(`the recruiter opens it: ${l.explanation}`);
        if (run.check.verdict === 'pass') run.check.verdict = plan.strict ? 'fail' : 'warn';
      }
    }),
  );
}

/** The other event names StackOne documents for orders (stackone.md §2.3: the SmartRecruiters guide's). */
const SMARTRECRUITERS_GUIDE_EVENTS: Record<Category, string> = { assessment: 'assessment.created', background_check: 'background_check.created' };

interface Variant {
  id: 'inferred-parts' | 'event-names';
  name: string;
  ats: ProviderKey;
  /** switches the dispatcher reads at each attempt; returns the undo */
  apply(config: Sandbox['config']): () => void;
  /** what the partner must do about it */
  hint: string;
  /** not coping is a failure, or (where what StackOne sends is not settled) a warning */
  severity: 'fail' | 'warn';
}

function variantsOf(plan: Plan): Variant[] {
  const prefer = (a: ProviderKey): ProviderKey => (plan.atss.includes(a) ? a : plan.atss[0]);
  return [
    {
      id: 'inferred-parts',
      name: 'webhook with the inferred parts (data copy, Idempotency-Key)',
      ats: prefer('teamtailor'),
      apply: (c) => {
        const before = c.orderWebhook;
        c.orderWebhook = { dataCopy: true, deliveryHeaders: true };
        return () => void (c.orderWebhook = before);
      },
      hint: 'read the order from event_data and accept (or ignore) the inferred extras: StackOne may send them',
      severity: 'fail',
    },
    {
      id: 'event-names',
      name: `webhook with the SmartRecruiters guide's event names (${Object.values(SMARTRECRUITERS_GUIDE_EVENTS).join(', ')})`,
      ats: prefer('smartrecruiters'),
      apply: (c) => {
        const before = c.events;
        c.events = { ...SMARTRECRUITERS_GUIDE_EVENTS };
        return () => void (c.events = before);
      },
      hint: `StackOne documents both ${Object.values(resolveConfig([], () => '').events).join(' / ')} and ${Object.values(SMARTRECRUITERS_GUIDE_EVENTS).join(' / ')}: act on either`,
      severity: 'warn',
    },
  ];
}

/**
 * One more order per category and variant of what the webhook may carry: its inferred parts ([I]: the
 * order repeated under `data`, the Idempotency-Key and attempt headers; docs/decisions/004), and the
 * other documented event names, switched on in the dispatcher itself. Only where the confirmed webhook
 * was accepted, so that a failure here is about the variant. The variants run one after the other
 * (the switches are the sandbox's), after the confirmed runs.
 */
async function variantRuns(sb: Sandbox, o: VerifyOptions, plan: Plan, runs: OrderRun[]): Promise<OrderRun[]> {
  const all: OrderRun[] = [];
  for (const v of variantsOf(plan)) {
    const out: OrderRun[] = plan.categories
      // where the confirmed order went through (event names: or went unanswered, which the variant may explain)
      .filter((category) =>
        runs.some((r) => r.ats === v.ats && r.category === category && r.delivery?.state === 'delivered' && (r.check.verdict !== 'fail' || (v.id === 'event-names' && r.check.problems.every((p) => p.what === 'no result update')))),
      )
      .map((category) => ({
        variant: v.id,
        ats: v.ats,
        category,
        check: { direction: 'partner → bridge' as const, name: `result update, ${v.name}`, ats: v.ats, category, verdict: 'fail' as const, summary: '', problems: [], warnings: [], durationMs: 0 },
      }));
    if (!out.length) continue;
    const undo = v.apply(sb.config);
    try {
      await Promise.all(out.map((run) => orderRun(sb, o, plan, run, plan.listFailed.has(`${run.ats}/${run.category}`))));
    } finally {
      undo();
    }
    for (const run of out) {
      const c = run.check;
      let problem: CheckProblem | undefined;
      if (run.delivery && run.delivery.state !== 'delivered') {
        const e = explainWebhook(run.delivery.attempts[0], { timeoutMs: sb.config.delivery.timeoutMs, maxAttempts: sb.config.delivery.maxAttempts });
        problem = { what: e.what, reason: `with this variant, ${e.reason}`, hint: v.hint };
      } else if (c.problems.length === 1 && c.problems[0].what === 'no result update') {
        problem = { ...c.problems[0], hint: `${v.hint} (${c.problems[0].hint})` };
      }
      if (!problem) continue;
      const confirmed = runs.find((r) => r.ats === run.ats && r.category === run.category);
      if (problem.what === 'no result update' && confirmed?.check.problems.some((p) => p.what === 'no result update')) {
        Object.assign(c, { verdict: 'skip', summary: 'not judged: your service reported no order sent with the confirmed event names either', problems: [] });
        continue;
      }
      if (v.severity === 'fail') Object.assign(c, { verdict: 'fail', summary: c.summary || '', problems: [problem] });
      else Object.assign(c, { verdict: plan.strict ? 'fail' : 'warn', problems: [], warnings: [...c.warnings, `${problem.reason} → ${problem.hint}`] });
    }
    all.push(...out);
  }
  return all;
}

/**
 * StackOne's retry policy is not documented ([I], stackone.md §7.6), so a second update caused by a
 * repeated delivery is a warning (a failure under --strict), not a refusal of the partner's own doing.
 */
async function repeatedDelivery(sb: Sandbox, o: VerifyOptions, run: OrderRun): Promise<VerifyCheck> {
  const t = Date.now();
  const orderId = run.check.orderId!;
  const check: VerifyCheck = { direction: 'partner → bridge', name: 'a repeated order webhook is reported once', ats: run.ats, category: run.category, orderId, verdict: 'pass', summary: '', problems: [], warnings: [], durationMs: 0 };
  const before = resultHops(sb, orderId).length;
  const sent = (await action<{ deliveries?: Delivery[] }>(sb, `/_sandbox/actions/orders/${encodeURIComponent(orderId)}/webhook`, { badSignature: false })).deliveries?.[0];
  const d = sent && (await waitFor(() => sb.bridge!.dispatcher.list().find((x) => x.id === sent.id && x.attempts.length > 0), sb.config.delivery.timeoutMs + 2_000));
  const settle = Math.max(o.settleMs ?? DEFAULT_SETTLE_MS, 200);
  const more = await waitFor(() => (resultHops(sb, orderId).length > before ? resultHops(sb, orderId) : undefined), settle);
  const extra = (more ?? []).slice(before);
  if (extra.length) {
    const refused = extra.find((h) => h.status >= 400);
    const e = refused ? explainRefusal(refused.status, parseBody(refused.responseBody), { provider: run.ats, atsName: atsName(run.ats) }) : undefined;
    check.warnings.push(
      `order ${orderId} was delivered a second time (as StackOne may retry a delivery) and your service sent ${extra.length} more result update(s)${e ? `; ${e.reason}` : ''} — keep the order id (record_id) and ignore a repeated delivery`,
    );
    check.verdict = o.strict ? 'fail' : 'warn';
    check.summary = `${extra.length} more update(s) after a repeated delivery`;
  } else {
    check.summary = d ? `delivered again (HTTP ${d.attempts[0].status}); no second update within ${fmtS(settle)}` : 'delivered again; no second update';
  }
  check.durationMs = Date.now() - t;
  return check;
}

/** A control-plane action (as a sandbox client sends it: JSON); an answer that is not 2xx is a sandbox fault and throws. */
async function action<T>(sb: Sandbox, path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${sb.urls.controlPlane}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', [SANDBOX_HEADER]: '1' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`the sandbox's control plane answered ${res.status} to POST ${path}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return m;
}

/** As each ATS calls itself ("Greenhouse"), from the registry. */
/** the ATS's own name (the registry's manifest) */
const atsName = (key: ProviderKey): string => manifestOf(key)?.name ?? key;

async function orderRun(sb: Sandbox, o: VerifyOptions, plan: Plan, run: OrderRun, listFailed: boolean): Promise<void> {
  const t = Date.now();
  const c = run.check;
  const finish = () => void (c.durationMs = Date.now() - t);
  const bridge = sb.bridge!;
  try {
    run.send = await sb.admin.sendTest(run.ats, { category: run.category });
  } catch (e) {
    c.problems.push({ what: 'send test', reason: `the recruiter could not send the test: ${(e as Error).message}` });
    return finish();
  }
  const orderId = run.send.orderId;
  if (!run.send.ok || !orderId) {
    c.problems.push({ what: 'send test', reason: `the recruiter could not send the test; ${atsName(run.ats)} shows: ${run.send.recruiterSees ?? 'an error'}` });
    return finish();
  }
  c.orderId = orderId;
  const cfg = sb.config.delivery;
  run.delivery = await waitFor(() => bridge.dispatcher.list().find((d) => d.orderId === orderId && !d.badSignature && d.attempts.length > 0), cfg.timeoutMs + 2_000);
  if (!run.delivery) {
    c.problems.push({ what: 'no webhook', reason: `the bridge made no order webhook attempt for order ${orderId}`, hint: 'a sandbox problem: please report it' });
    return finish();
  }
  if (run.delivery.state !== 'delivered') {
    Object.assign(c, { verdict: 'skip', summary: `not run: your webhook did not accept order ${orderId} (see order webhook)` });
    return finish();
  }

  // the result update(s), as the bridge answered them
  const timeout = o.resultTimeoutMs ?? DEFAULT_RESULT_TIMEOUT_MS;
  const settle = o.settleMs ?? DEFAULT_SETTLE_MS;
  const updates = () => resultHops(sb, orderId);
  const waitStart = Date.now();
  let hops: JournalEntry[] = (await waitFor(() => (updates().length ? updates() : undefined), timeout)) ?? [];
  // after an update, wait a little for another (a second Greenhouse update is refused), within the same bound again
  const cap = Date.now() + timeout;
  while (hops.length) {
    const n: number = hops.length;
    const more: JournalEntry[] | undefined = await waitFor(() => (updates().length > n ? updates() : undefined), Math.min(settle, Math.max(0, cap - Date.now())));
    if (!more) break;
    hops = more;
  }
  c.updates = hops.map(updateSeen);
  if (!hops.length) {
    const seg = run.category === 'assessment' ? 'assessments' : 'background_checks';
    const stray = strayCalls(sb, runIdsOf(sb), waitStart, orderId);
    c.problems.push({
      what: 'no result update',
      reason: `your service received order ${orderId} but sent no result update within ${fmtS(timeout)}${stray.length ? `; the bridge answered other calls from it: ${stray.join('; ')}` : ''}`,
      hint: `after the order webhook, PATCH ${sb.urls.bridge}/unified/ats/${seg}/orders/${orderId}/result (Basic auth with your API key, x-account-id: ${run.send.hops.find((h) => h.accountId)?.accountId ?? sb.accounts[run.ats].id}); your service's StackOne base URL must be ${sb.urls.bridge}; if it needs longer, pass --result-timeout`,
    });
  }
  for (const h of hops) {
    if (h.status >= 200 && h.status < 300) continue;
    const e = explainRefusal(h.status, parseBody(h.responseBody), { provider: run.ats, atsName: atsName(run.ats) });
    const nth = hops.length > 1 ? `update ${hops.indexOf(h) + 1} of ${hops.length}: ` : '';
    c.problems.push({ what: e.what, reason: `${nth}${e.reason}`, ...(e.hint ? { hint: e.hint } : {}) });
  }
  c.warnings = [...new Set(hops.flatMap((h) => hopWarnings(h)))];

  // what the recruiter sees
  try {
    const card = await sb.admin.candidate(run.ats, run.send.candidateId);
    const view = card.results.find((r) => r.orderId === orderId) ?? card.results.find((r) => run.send?.nativeId && r.nativeId === run.send.nativeId);
    if (view) c.card = cardView(view);
  } catch (e) {
    c.problems.push({ what: 'candidate card', reason: `the candidate card could not be read: ${(e as Error).message}`, hint: 'a sandbox problem: please report it' });
  }
  const cardWarnings = c.card?.warnings ?? [];
  const accepted = hops.filter((h) => h.status >= 200 && h.status < 300).length;
  const hasWarnings = c.warnings.length + cardWarnings.length > 0;
  c.verdict = c.problems.length ? 'fail' : hasWarnings ? (plan.strict ? 'fail' : 'warn') : 'pass';
  c.summary = `order ${orderId}: ${hops.length ? `${accepted} of ${hops.length} result update(s) accepted` : 'no result update'}${hasWarnings && plan.strict ? ' (warnings fail under --strict)' : ''}${listFailed ? ` (ordered with the static package id ${STATIC_PACKAGE_ID}: your list failed)` : ''}`;
  finish();
}

const fmtS = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

function parseBody(text: string | undefined): BridgeErrorBody | undefined {
  try {
    const v = text ? JSON.parse(text) : undefined;
    return v && typeof v === 'object' ? (v as BridgeErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/** The bridge's warnings on a hop (`warnings: FieldIssue[]`, optional until every bridge writes it). */
function hopWarnings(h: JournalEntry): string[] {
  const w = (h as JournalEntry & { warnings?: FieldIssue[] }).warnings;
  return Array.isArray(w) ? w.map((i) => `${i.pointer || '(body)'}: ${i.message}`) : [];
}

function updateSeen(h: JournalEntry): ResultUpdateSeen {
  const accepted = h.status >= 200 && h.status < 300;
  const body = accepted ? undefined : parseBody(h.responseBody);
  return { at: h.at, status: h.status, accepted, ...(body?.errorCode ? { errorCode: body.errorCode } : {}), warnings: hopWarnings(h) };
}

const pathOf = (url: string): string => new URL(url, 'http://x').pathname;

/** The result-update hops of an order, and the calls to its result URL refused before the route knew the order (auth). */
function resultHops(sb: Sandbox, orderId: string): JournalEntry[] {
  const resultPath = `/orders/${orderId}/result`;
  return sb.journal
    .query({ service: 'bridge', limit: 5000 })
    .filter((h) => h.direction === 'in' && (h.orderId === orderId ? h.hop === 'result-update' : !h.orderId && /^\/unified\/ats\/[a-z_]+\/orders\//.test(pathOf(h.url)) && pathOf(h.url).endsWith(resultPath)));
}

const runIdsOf = (sb: Sandbox): Set<string> => new Set(sb.bridge!.dispatcher.list().map((d) => d.orderId));

/** Calls to the bridge's unified API that belong to none of the orders sent (a wrong order id, path or account). */
function strayCalls(sb: Sandbox, orderIds: Set<string>, since: number, near: string): string[] {
  const stray = sb.journal
    .query({ service: 'bridge', limit: 5000 })
    .filter((h) => h.direction === 'in' && Date.parse(h.at) >= since - 1_000 && /\/unified\//.test(h.url) && ![...orderIds].some((id) => h.orderId === id || pathOf(h.url).includes(`/orders/${id}/`)));
  // a call that names this order's id in a wrong way (a suffix, another path) is the likeliest explanation
  const mine = stray.filter((h) => h.url.includes(near));
  return (mine.length ? mine : stray)
    .slice(0, 3)
    .map((h) => `${h.method} ${new URL(h.url, 'http://x').pathname} → ${h.status}${parseBody(h.responseBody)?.message ? ` (${parseBody(h.responseBody)!.message})` : ''}`);
}

type ResultCardView = CandidateCard['results'][number];

function cardView(r: ResultCardView): CardView {
  const w = (r as ResultCardView & { warnings?: unknown }).warnings;
  return {
    title: r.title,
    status: r.status.label,
    ...(r.score?.text ? { score: r.score.text } : {}),
    ...(r.label ? { label: r.label } : {}),
    ...(r.summary ? { summary: r.summary } : {}),
    links: r.links,
    attachments: r.attachments,
    ...(r.error ? { error: r.error } : {}),
    warnings: Array.isArray(w) ? w.filter((x): x is string => typeof x === 'string') : [],
  };
}
