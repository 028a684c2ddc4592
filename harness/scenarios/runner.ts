/**
 * runScenario(): one scenario in its own sandbox (free ports, in memory, tiny delays), so scenarios
 * never see each other's orders and can run side by side. Setup (config layer, partner behaviour,
 * External Trigger Token, faults) → steps → expectations → a timeline of every hop and an
 * explanation of any failure. runScenarios() runs many with a concurrency limit.
 */
import net from 'node:net';
import { startServices, type Sandbox } from '../services.ts';
import { REFERENCE_WEBHOOK_URL, SERVICES, type SandboxConfig } from '../config.ts';
import { explainScenario, explainStep, forOwnPartner, needsReferencePartner, stepId, type Scenario } from './definitions.ts';
import { checkExpectation } from './expectations.ts';
import { runStep } from './steps.ts';
import { RunContext } from './context.ts';
import { RELAY_WEBHOOK_PATH, startWebhookRelay, type Relay } from './relay.ts';
import { explainFailure, hopView, type ExpectationOutcome, type ScenarioResult, type StepMarker, type StepOutcome, type TimelineItem } from './results.ts';

export interface OwnPartner {
  /** your Package's List Endpoint URL (both categories, unless backgroundCheckListUrl is given) */
  listUrl?: string;
  /** your background-check Package's List Endpoint URL, when it is another one */
  backgroundCheckListUrl?: string;
  /** your order webhook receiver */
  webhookUrl?: string;
  webhookSecret?: string;
}

export interface RunOptions {
  /** run against your own partner service instead of the reference partner */
  partner?: OwnPartner;
  /**
   * With your own partner: the one fixed port, the bridge's, because your partner calls StackOne at
   * the URL it was configured with (default 4010); every other service takes a free port.
   */
  bridgePort?: number;
  /** how long waits and eventual expectations may take (default: the scenario's timeoutMs, else 4000; 15000 with your own partner) */
  timeoutMs?: number;
  /** a last config layer over everything (tests) */
  config?: SandboxConfig;
  /**
   * virtual (default with the reference partner): the scenario's sandbox starts frozen and every wait
   * advances its clock, with the sandbox's realistic delays; real: waits sleep, delays made tiny.
   * Against your own partner it is always real (its own timers are out of the sandbox's reach).
   */
  time?: 'virtual' | 'real';
}

/** On virtual time the delays cost nothing: the sandbox's own realistic ones (retries over seconds). */
export const VIRTUAL_SCENARIO_DEFAULTS: SandboxConfig = {
  partner: { completeAfterMs: 1_000 },
  delivery: { baseDelayMs: 500, maxDelayMs: 30_000, maxAttempts: 4, timeoutMs: 2_000 },
  packageList: { timeoutMs: 2_000 },
};

export const isVirtual = (o: RunOptions): boolean => !o.partner && o.time !== 'real';

/** Scenario defaults: every delay tiny so a scenario takes a fraction of a second. */
export const SCENARIO_DEFAULTS: SandboxConfig = {
  partner: { completeAfterMs: 10 },
  delivery: { baseDelayMs: 10, maxDelayMs: 40, maxAttempts: 4, timeoutMs: 2_000 },
  packageList: { timeoutMs: 2_000 },
};

/** Against your own partner: retries still quick, but its answers judged by the bridge's own time limits. */
export const OWN_PARTNER_DEFAULTS: SandboxConfig = {
  delivery: { baseDelayMs: 10, maxDelayMs: 40, maxAttempts: 4 },
};

export { needsReferencePartner };

export const DEFAULT_BRIDGE_PORT = 4010;

/** The fix when a scenario failed because the recruiter could not order at all. */
const NO_ORDER_FIX = "the recruiter could not order: read the answer of your package list above (the bridge's words say what was wrong with it)";

/** A port another process holds: a usage error (exit 2), never a scenario failure. */
export class PortInUseError extends Error {
  readonly code = 'PORT_IN_USE';
  constructor(
    readonly port: number,
    detail: string,
  ) {
    super(`port ${port} is in use: ${detail}; stop what listens there (an \`ats-sandbox up\` still running?) or pass --bridge-port with a free port and configure your partner with that bridge URL`);
  }
}

/** Throws PortInUseError when something already listens on the port. */
export async function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortInUseError(port, `another process listens on ${host}:${port}`) : e));
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

function merge(...layers: (SandboxConfig | undefined)[]): SandboxConfig {
  const out: Record<string, unknown> = {};
  const into = (t: Record<string, unknown>, s: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(s)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && t[k] && typeof t[k] === 'object' && !Array.isArray(t[k])) into(t[k] as Record<string, unknown>, v as Record<string, unknown>);
      else t[k] = structuredClone(v);
    }
  };
  for (const l of layers) if (l) into(out, l as Record<string, unknown>);
  return out as SandboxConfig;
}

/** Against your own partner, a scenario with faults on "the partner" reaches your webhook through a relay it can fault. */
const viaRelay = (s: Scenario, o: RunOptions): boolean => Boolean(o.partner?.webhookUrl && s.setup?.faults?.some((f) => f.target === 'partner'));

export function configFor(s: Scenario, o: RunOptions = {}): SandboxConfig {
  const own: SandboxConfig | undefined = o.partner
    ? {
        ...OWN_PARTNER_DEFAULTS,
        referencePartner: false,
        ...(o.partner.listUrl || o.partner.backgroundCheckListUrl
          ? { packages: { assessment: { listUrl: o.partner.listUrl ?? null }, background_check: { listUrl: o.partner.backgroundCheckListUrl ?? o.partner.listUrl ?? null } } }
          : {}),
        ...(o.partner.webhookUrl
          ? { webhooks: [{ id: 'wh_yours', name: 'Your webhook', url: viaRelay(s, o) ? `{partner}${RELAY_WEBHOOK_PATH}` : o.partner.webhookUrl, ...(o.partner.webhookSecret ? { secret: o.partner.webhookSecret } : {}) }] }
          : {}),
      }
    : { referencePartner: true };
  // {webhookUrl} in the setup's config: your receiver, else the reference partner's
  const webhookUrl = o.partner?.webhookUrl ?? REFERENCE_WEBHOOK_URL;
  const setup = s.setup?.config && (withStrings(s.setup.config, (x) => x.replaceAll('{webhookUrl}', webhookUrl)) as SandboxConfig);
  return merge(o.partner ? undefined : isVirtual(o) ? VIRTUAL_SCENARIO_DEFAULTS : SCENARIO_DEFAULTS, own, setup, o.config);
}

function withStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => withStrings(x, f));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withStrings(x, f)]));
  return v;
}

/** The ports of one run: all free (0), but the bridge's fixed when your own partner calls it. */
function portsFor(o: RunOptions): SandboxConfig['ports'] {
  return Object.fromEntries(SERVICES.map((s) => [s, o.partner && s === 'bridge' ? (o.bridgePort ?? DEFAULT_BRIDGE_PORT) : 0])) as SandboxConfig['ports'];
}

/**
 * Runs one scenario in its own sandbox. Against your own partner, its ownPartner variant runs (or it is
 * skipped with the reason). Throws PortInUseError when the bridge port is taken (a usage error).
 */
export async function runScenario(written: Scenario, o: RunOptions = {}): Promise<ScenarioResult> {
  const started = Date.now();
  const base = { name: written.name, ats: written.ats, category: written.category, description: written.description, explanation: explainScenario(written) };
  let def = written;
  let fix = written.seed?.fix;
  if (o.partner) {
    const own = forOwnPartner(written);
    if ('skip' in own) return { ...base, ok: true, skipped: `needs the reference partner: ${own.skip}`, durationMs: 0, steps: [], expectations: [], timeline: [] };
    def = own.scenario;
    fix = own.fix;
    base.description = def.description;
  }
  // a scenario that moves the clock (days of retries, an expiry) cannot run on real time: skipped, saying why
  if (!isVirtual(o) && def.steps.some((s) => s.action === 'advance-clock')) {
    return { ...base, ok: true, skipped: 'needs the virtual clock (it has advance-clock steps): run it with the reference partner and without --time real', durationMs: 0, steps: [], expectations: [], timeline: [] };
  }
  const timeoutMs = o.timeoutMs ?? def.timeoutMs ?? (o.partner ? 15_000 : 4_000);
  const markers: StepMarker[] = [];
  const steps: StepOutcome[] = [];
  const expectations: ExpectationOutcome[] = [];
  let sb: Sandbox | undefined;
  let relay: Relay | undefined;
  let error: string | undefined;
  try {
    try {
      sb = await startServices({ ...configFor(def, o), ports: portsFor(o), configFile: false, inMemory: true, hopWaitMs: 0, ownApiKey: !o.partner });
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { port?: number };
      if (err.code === 'EADDRINUSE') throw new PortInUseError(err.port ?? o.bridgePort ?? DEFAULT_BRIDGE_PORT, err.message);
      throw e;
    }
    if (o.partner?.webhookUrl && viaRelay(def, o)) {
      relay = await startWebhookRelay(sb.journal, o.partner.webhookUrl);
      sb.urls.partner = relay.url; // the webhook URL is {partner}/_relay/webhook, read at delivery time
    }
    const ctx = new RunContext(def, sb, timeoutMs, o.partner?.webhookUrl);
    if (isVirtual(o)) {
      sb.clock.freeze(def.clockStart);
      ctx.virtual = true;
    }
    await applySetup(def, ctx, markers, relay);
    for (const [i, step] of def.steps.entries()) {
      const id = stepId(step, i);
      const marker: StepMarker = { kind: 'step', at: sb.clock.iso(), id, action: step.action, explanation: explainStep(ctx.subst(step), def), ok: true, afterSeq: sb.journal.lastSeq };
      markers.push(marker);
      const t0 = Date.now();
      const run = await runStep(step, id, ctx);
      ctx.records.set(id, run.record);
      const failure = run.failure && { expected: run.failure.expected, actual: run.failure.actual, ...('entry' in run.failure && run.failure.entry ? { entry: hopView(run.failure.entry) } : {}) };
      marker.ok = !failure;
      const noOrder = Boolean(run.failure && 'noOrder' in run.failure && run.failure.noOrder) || (run.failure?.actual ?? '').startsWith('no order was created');
      steps.push({ id, action: step.action, explanation: marker.explanation, ok: !failure, durationMs: Date.now() - t0, output: run.record.output, ...(failure ? { failure } : {}), ...(noOrder ? { noOrder } : {}), ...(run.failure && 'fix' in run.failure && run.failure.fix ? { fix: run.failure.fix } : step.action === 'wait' && step.until?.fix ? { fix: step.until.fix } : {}) });
      if (failure) break;
    }
    if (steps.every((s) => s.ok)) {
      // expectations are independent: check them side by side (eventual ones wait)
      // once one has failed the scenario has failed: the others stop waiting (one last look each)
      const outcomes = await Promise.all(
        def.expectations.map(async (e, index) => {
          const r = await checkExpectation(e, ctx);
          const cutShort = !r.ok && ctx.failed.signal.aborted;
          if (!r.ok) ctx.failed.abort();
          return {
            index,
            type: e.type,
            ok: r.ok,
            ...(cutShort ? { cutShort: true } : {}),
            ...(r.noOrder ? { noOrder: true } : {}),
            ...(r.fix || e.fix ? { fix: r.fix ?? e.fix } : {}),
            explanation: r.expected,
            expected: r.expected,
            actual: r.actual,
            ...(e.why ? { why: e.why } : {}),
            ...(r.entry ? { entry: hopView(r.entry) } : {}),
            ...(r.cause ? { cause: hopView(r.cause) } : {}),
            ...(r.closest?.length ? { closest: r.closest.map((c) => ({ entry: hopView(c.entry), differences: c.differences })) } : {}),
          } satisfies ExpectationOutcome;
        }),
      );
      expectations.push(...outcomes);
    }
  } catch (e) {
    if (e instanceof PortInUseError) throw e;
    error = (e as Error).message;
  }
  const timeline = sb ? timelineOf(sb, markers) : [];
  await sb?.close();
  await relay?.close();
  const ok = !error && steps.every((s) => s.ok) && expectations.length === def.expectations.length && expectations.every((e) => e.ok);
  const result: ScenarioResult = { ...base, ok, durationMs: Date.now() - started, steps, expectations, timeline, ...(error ? { error } : {}) };
  if (!ok) {
    // the first failed expectation in the scenario's order names the fix (expectations go from the cause to its effects);
    // one that failed only because no order was made points at the send-test instead
    const failedStep = steps.find((x) => !x.ok);
    const noOrder = failedStep?.noOrder || expectations.some((x) => x.noOrder);
    const firstFix = (failedStep && !failedStep.noOrder ? failedStep.fix : undefined) ?? [...expectations].sort((a, b) => a.index - b.index).find((x) => !x.ok && !x.noOrder && x.fix)?.fix ?? (noOrder ? NO_ORDER_FIX : fix);
    if (firstFix) result.fix = firstFix;
    result.failure = explainFailure(result);
  }
  return result;
}

async function applySetup(def: Scenario, ctx: RunContext, markers: StepMarker[], relay?: Relay): Promise<void> {
  const s = def.setup;
  if (!s) return;
  const must = async (what: string, method: string, path: string, body: unknown, okStatus: number) => {
    const out = await ctx.control(method, path, ctx.subst(body));
    if (out.status !== okStatus) throw new Error(`setup: ${what} was refused: HTTP ${out.status} ${JSON.stringify(out.json)}`);
    markers.push({ kind: 'step', at: ctx.sb.clock.iso(), id: 'setup', action: 'setup', explanation: what, ok: true, afterSeq: ctx.sb.journal.lastSeq });
  };
  if (s.partner) await must(`the reference partner behaves: ${JSON.stringify(s.partner)}`, 'PUT', '/_sandbox/partner/behaviour', s.partner, 200);
  if (s.triggerToken) await must(`${def.ats} sends the External Trigger Token ${JSON.stringify(s.triggerToken)}`, 'PUT', `/_sandbox/actions/${def.ats}/trigger-token`, { token: s.triggerToken }, 200);
  for (const f of s.faults ?? []) {
    const what = `fault on ${f.target === 'partner' && relay ? 'the way to your webhook' : f.target}: ${f.route.method ?? '*'} ${f.route.path} → ${f.action.type}`;
    if (f.target === 'partner' && relay) {
      const out = await ctx.call(`${relay.url}/_sandbox/faults`, 'POST', f);
      if (out.status !== 201) throw new Error(`setup: ${what} was refused: HTTP ${out.status} ${JSON.stringify(out.json)}`);
      markers.push({ kind: 'step', at: ctx.sb.clock.iso(), id: 'setup', action: 'setup', explanation: what, ok: true, afterSeq: ctx.sb.journal.lastSeq });
    } else await must(what, 'POST', '/_sandbox/faults', f, 201);
  }
}

function timelineOf(sb: Sandbox, markers: StepMarker[]): TimelineItem[] {
  // hops in journal order, each step marker before the first hop that came after it
  const hops = sb.journal.query({ limit: 5000 }).map(hopView);
  const out: TimelineItem[] = [];
  let m = 0;
  for (const h of hops) {
    while (m < markers.length && markers[m].afterSeq < h.seq) out.push(markers[m++]);
    out.push(h);
  }
  return [...out, ...markers.slice(m)];
}

export interface RunManyOptions extends RunOptions {
  /** how many scenarios run at once (default 4; 1 with default ports) */
  concurrency?: number;
  onResult?: (r: ScenarioResult) => void;
}

/** Runs many scenarios (one at a time against your own partner: its bridge port is fixed); throws PortInUseError first when that port is taken. */
export async function runScenarios(defs: Scenario[], o: RunManyOptions = {}): Promise<ScenarioResult[]> {
  if (o.partner) await assertPortFree(o.bridgePort ?? DEFAULT_BRIDGE_PORT);
  const limit = o.partner ? 1 : Math.max(1, o.concurrency ?? 4);
  const results: ScenarioResult[] = new Array(defs.length);
  let next = 0;
  const worker = async () => {
    while (next < defs.length) {
      const i = next++;
      results[i] = await runScenario(defs[i], o);
      o.onResult?.(results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, defs.length) }, worker));
  return results;
}
