/**
 * The implementations of scenario steps: what the recruiter and the partner do. A step records what
 * it produced (its output, which `step` expectations read); it fails only when it could not be
 * carried out (a wait that timed out, a setup call the sandbox refused).
 */
import { randomUUID } from 'node:crypto';
import { TRACE_HEADER } from '../http/service-app.ts';
import type { ScenarioStep } from './definitions.ts';
import { checkExpectation, type CheckResult } from './expectations.ts';
import { sleep, type RunContext, type StepRecord } from './context.ts';

export interface StepRun {
  record: StepRecord;
  /** why the step could not be carried out */
  failure?: CheckResult | { expected: string; actual: string };
}

const RESULT_SEGMENT = { assessment: 'assessments', background_check: 'background_checks' } as const;

export async function runStep(step: ScenarioStep, id: string, ctx: RunContext): Promise<StepRun> {
  const s = ctx.subst(step);
  const record = (output: Record<string, unknown>, traceId?: string): StepRecord => ({ id, action: s.action, output, ...(traceId ? { traceId } : {}) });
  switch (s.action) {
    case 'send-test': {
      const body = { category: s.category ?? ctx.def.category, ...(s.packageId ? { packageId: s.packageId } : {}), ...(s.candidateId ? { candidateId: s.candidateId } : {}) };
      const out = await ctx.control('POST', `/_sandbox/actions/${ctx.def.ats}/send-test`, body);
      ctx.lastSendTest = id;
      ctx.lastRecruiterStep = id;
      ctx.lastCandidateId = s.candidateId ?? 'cand_ada';
      if (out.status !== 200) return { record: record({ status: out.status, ok: false, error: out.json }) };
      const { hops: _hops, ...report } = out.json as Record<string, unknown> & { orderId?: string; traceId?: string };
      if (report.orderId) ctx.lastOrderId = report.orderId;
      return { record: record({ status: out.status, ...report }, report.traceId) };
    }
    case 'activate': {
      const traceId = `scenario-${randomUUID().slice(0, 8)}`;
      const out = await ctx.control('POST', `/_sandbox/actions/${ctx.def.ats}/activate`, { category: s.category ?? ctx.def.category }, { [TRACE_HEADER]: traceId });
      ctx.lastRecruiterStep = id;
      const rec = record({ status: out.status, ...(out.json as object) }, traceId);
      return out.status === 200 ? { record: rec } : { record: rec, failure: { expected: `${ctx.def.ats} has an activation form`, actual: `HTTP ${out.status} ${JSON.stringify(out.json)}` } };
    }
    case 'update-result': {
      const orderId = ctx.orderOf(s.order);
      if (!orderId) return { record: record({ status: 0 }), failure: { expected: 'an order to write the result of', actual: 'no order was created before this step (did the send-test fail?)' } };
      const out = await ctx.asPartner('PATCH', `/unified/ats/${RESULT_SEGMENT[s.category ?? ctx.def.category]}/orders/${encodeURIComponent(orderId)}/result`, s.body);
      return { record: record({ status: out.status, body: out.json, orderId }, out.traceId) };
    }
    case 'partner-call': {
      const out = await ctx.asPartner(s.method, s.path, s.body);
      return { record: record({ status: out.status, body: out.json }, out.traceId) };
    }
    case 'wait': {
      // on virtual time the clock is advanced instead of slept on: waitedMs is the sandbox's time
      const now = () => (ctx.virtual ? ctx.sb.clock.now() : Date.now());
      const started = now();
      if (s.forMs) await (ctx.virtual ? ctx.sb.clock.advance(s.forMs) : sleep(s.forMs, ctx.failed.signal));
      if (!s.until) return { record: record({ ok: true, waitedMs: now() - started }) };
      const r = await checkExpectation(s.until, ctx, s.timeoutMs ?? ctx.timeoutMs);
      const rec = record({ ok: r.ok, waitedMs: now() - started });
      return r.ok ? { record: rec } : { record: rec, failure: { ...r, expected: `${r.expected} within ${s.timeoutMs ?? ctx.timeoutMs} ms` } };
    }
    case 'hire': {
      const candidate = s.candidateId ?? ctx.lastCandidateId ?? 'cand_ada';
      const out = await ctx.control('POST', `/_sandbox/actions/${ctx.def.ats}/candidates/${encodeURIComponent(candidate)}/hire`);
      const rec = record({ status: out.status, body: out.json });
      return out.status === 200 ? { record: rec } : { record: rec, failure: { expected: `${ctx.def.ats} lets the recruiter hire ${candidate}`, actual: `HTTP ${out.status} ${JSON.stringify(out.json)}` } };
    }
    case 'advance-clock': {
      if (!ctx.virtual) return { record: record({ ok: false }), failure: { expected: 'the sandbox on virtual time', actual: 'this run is on real time (your own partner, or --time real): the clock cannot be advanced' } };
      const rep = await ctx.sb.clock.advance(s.by);
      return { record: record({ ok: true, now: rep.now, ran: rep.ran.length, timers: rep.ran }) };
    }
    case 'open-links': {
      const candidate = s.candidateId ?? ctx.lastCandidateId ?? 'cand_ada';
      const out = await ctx.control('POST', `/_sandbox/actions/${ctx.def.ats}/candidates/${encodeURIComponent(candidate)}/open-links`);
      return { record: record({ status: out.status, ...(out.json as object) }) };
    }
    case 'send-webhook': {
      const orderId = ctx.orderOf(s.order);
      if (!orderId) return { record: record({ status: 0 }), failure: { expected: 'an order whose webhook to send', actual: 'no order was created before this step' } };
      const out = await ctx.control('POST', `/_sandbox/actions/orders/${encodeURIComponent(orderId)}/webhook`, { badSignature: s.badSignature === true });
      return { record: record({ status: out.status, ...(out.json as object) }) };
    }
    case 'set-partner': {
      const out = await ctx.control('PUT', '/_sandbox/partner/behaviour', s.behaviour);
      const rec = record({ status: out.status, body: out.json });
      return out.status === 200 ? { record: rec } : { record: rec, failure: { expected: 'the reference partner takes the behaviour', actual: `HTTP ${out.status} ${JSON.stringify(out.json)}` } };
    }
    case 'inject-fault': {
      const out = await ctx.control('POST', '/_sandbox/faults', s.fault);
      const rec = record({ status: out.status, body: out.json });
      return out.status === 201 ? { record: rec } : { record: rec, failure: { expected: 'the fault is injected', actual: `HTTP ${out.status} ${JSON.stringify(out.json)}` } };
    }
  }
}
