/**
 * runScenario(): one scenario in its own sandbox (free ports, in memory, tiny delays), so scenarios
 * never see each other's orders and can run side by side. Setup (config layer, partner behaviour,
 * External Trigger Token, faults) → steps → expectations → a timeline of every hop and an
 * explanation of any failure. runScenarios() runs many with a concurrency limit.
 */
import { startServices, type Sandbox } from '../services.ts';
import type { SandboxConfig } from '../config.ts';
import { explainScenario, explainStep, stepId, type Scenario } from './definitions.ts';
import { checkExpectation } from './expectations.ts';
import { runStep } from './steps.ts';
import { RunContext } from './context.ts';
import { explainFailure, hopView, type ExpectationOutcome, type ScenarioResult, type StepMarker, type StepOutcome, type TimelineItem } from './results.ts';

export interface OwnPartner {
  /** your Package's List Endpoint URL (both categories) */
  listUrl?: string;
  /** your order webhook receiver */
  webhookUrl?: string;
  webhookSecret?: string;
}

export interface RunOptions {
  /** run against your own partner service instead of the reference partner */
  partner?: OwnPartner;
  /** 0: free ports (default; the reference partner finds the bridge by itself); 'default': 4000, 4010, … (your partner calls the bridge on :4010) */
  ports?: 0 | 'default';
  /** how long waits and eventual expectations may take (default: the scenario's timeoutMs, else 4000; 15000 with your own partner) */
  timeoutMs?: number;
  /** a last config layer over everything (tests) */
  config?: SandboxConfig;
}

/** Scenario defaults: every delay tiny so a scenario takes a fraction of a second. */
const SCENARIO_DEFAULTS: SandboxConfig = {
  partner: { completeAfterMs: 10 },
  delivery: { baseDelayMs: 10, maxDelayMs: 40, maxAttempts: 4, timeoutMs: 2_000 },
  packageList: { timeoutMs: 2_000 },
};

/** Why a scenario cannot run against your own partner service (it drives the reference partner), or undefined. */
function needsReferencePartner(s: Scenario): string | undefined {
  if (s.setup?.partner) return 'it switches the reference partner to a broken behaviour';
  if (s.setup?.faults?.some((f) => f.target === 'partner')) return 'it injects a fault into the reference partner';
  if (s.steps.some((st) => st.action === 'set-partner' || (st.action === 'inject-fault' && st.fault.target === 'partner'))) return 'it drives the reference partner';
  if (JSON.stringify(s).includes('{partner}')) return 'it uses URLs of the reference partner';
  return undefined;
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

function configFor(s: Scenario, o: RunOptions = {}): SandboxConfig {
  const own: SandboxConfig | undefined = o.partner
    ? {
        referencePartner: false,
        ...(o.partner.listUrl ? { packages: { assessment: { listUrl: o.partner.listUrl }, background_check: { listUrl: o.partner.listUrl } } } : {}),
        ...(o.partner.webhookUrl ? { webhooks: [{ id: 'wh_yours', name: 'Your webhook', url: o.partner.webhookUrl, ...(o.partner.webhookSecret ? { secret: o.partner.webhookSecret } : {}) }] } : {}),
      }
    : { referencePartner: true };
  return merge(SCENARIO_DEFAULTS, own, s.setup?.config, o.config);
}

export async function runScenario(def: Scenario, o: RunOptions = {}): Promise<ScenarioResult> {
  const started = Date.now();
  const base = { name: def.name, ats: def.ats, category: def.category, description: def.description, explanation: explainScenario(def) };
  if (o.partner) {
    const why = needsReferencePartner(def);
    if (why) return { ...base, ok: true, skipped: `needs the reference partner: ${why}`, durationMs: 0, steps: [], expectations: [], timeline: [] };
  }
  const timeoutMs = o.timeoutMs ?? def.timeoutMs ?? (o.partner ? 15_000 : 4_000);
  const markers: StepMarker[] = [];
  const steps: StepOutcome[] = [];
  const expectations: ExpectationOutcome[] = [];
  let sb: Sandbox | undefined;
  let error: string | undefined;
  try {
    sb = await startServices({ ...configFor(def, o), ...(o.ports === 'default' ? {} : { ports: 0 }), configFile: false, inMemory: true, hopWaitMs: 0, ownApiKey: !o.partner });
    const ctx = new RunContext(def, sb, timeoutMs);
    await applySetup(def, ctx, markers);
    for (const [i, step] of def.steps.entries()) {
      const id = stepId(step, i);
      const marker: StepMarker = { kind: 'step', at: new Date().toISOString(), id, action: step.action, explanation: explainStep(ctx.subst(step), def), ok: true, afterSeq: sb.journal.lastSeq };
      markers.push(marker);
      const t0 = Date.now();
      const run = await runStep(step, id, ctx);
      ctx.records.set(id, run.record);
      const failure = run.failure && { expected: run.failure.expected, actual: run.failure.actual, ...('entry' in run.failure && run.failure.entry ? { entry: hopView(run.failure.entry) } : {}) };
      marker.ok = !failure;
      steps.push({ id, action: step.action, explanation: marker.explanation, ok: !failure, durationMs: Date.now() - t0, output: run.record.output, ...(failure ? { failure } : {}) });
      if (failure) break;
    }
    if (steps.every((s) => s.ok)) {
      // expectations are independent: check them side by side (eventual ones wait)
      const outcomes = await Promise.all(
        def.expectations.map(async (e, index) => {
          const r = await checkExpectation(e, ctx);
          return {
            index,
            type: e.type,
            ok: r.ok,
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
    error = (e as Error).message;
  }
  const timeline = sb ? timelineOf(sb, markers) : [];
  await sb?.close();
  const ok = !error && steps.every((s) => s.ok) && expectations.length === def.expectations.length && expectations.every((e) => e.ok);
  const result: ScenarioResult = { ...base, ok, durationMs: Date.now() - started, steps, expectations, timeline, ...(error ? { error } : {}) };
  if (!ok) result.failure = explainFailure(result);
  return result;
}

async function applySetup(def: Scenario, ctx: RunContext, markers: StepMarker[]): Promise<void> {
  const s = def.setup;
  if (!s) return;
  const must = async (what: string, method: string, path: string, body: unknown, okStatus: number) => {
    const out = await ctx.control(method, path, ctx.subst(body));
    if (out.status !== okStatus) throw new Error(`setup: ${what} was refused: HTTP ${out.status} ${JSON.stringify(out.json)}`);
    markers.push({ kind: 'step', at: new Date().toISOString(), id: 'setup', action: 'setup', explanation: what, ok: true, afterSeq: ctx.sb.journal.lastSeq });
  };
  if (s.partner) await must(`the reference partner behaves: ${JSON.stringify(s.partner)}`, 'PUT', '/_sandbox/partner/behaviour', s.partner, 200);
  if (s.triggerToken) await must(`${def.ats} sends the External Trigger Token ${JSON.stringify(s.triggerToken)}`, 'PUT', `/_sandbox/actions/${def.ats}/trigger-token`, { token: s.triggerToken }, 200);
  for (const f of s.faults ?? []) await must(`fault on ${f.target}: ${f.route.method ?? '*'} ${f.route.path} → ${f.action.type}`, 'POST', '/_sandbox/faults', f, 201);
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

export async function runScenarios(defs: Scenario[], o: RunManyOptions = {}): Promise<ScenarioResult[]> {
  const limit = o.ports === 'default' ? 1 : Math.max(1, o.concurrency ?? 4);
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
