/**
 * The virtual clock (issue 16): freeze, advance and resume over HTTP, every date the sandbox writes read
 * from it, and retries over hours and days run by an advance in well under a second.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { parseDuration } from '../../harness/clock.ts';
import { partnerHeaders } from '../helpers.ts';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const json = { 'content-type': 'application/json' };
const clockCall = async (s: Sandbox, body?: unknown) => {
  const r = await fetch(`${s.urls.controlPlane}/_sandbox/clock`, body === undefined ? { headers: { 'x-ats-sandbox': '1' } } : { method: 'POST', headers: json, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as any };
};
const placeOrder = async (s: Sandbox): Promise<string> => {
  const a = await fetch(`${s.urls.bridge}/unified/ats/assessments/orders`, { method: 'POST', headers: partnerHeaders(s, 'teamtailor'), body: JSON.stringify({ package: { id: 'pkg_logic' }, candidate: { id: 'c1' } }) });
  expect(a.status).toBe(200);
  return ((await a.json()) as { id: string }).id;
};
const behaviour = (s: Sandbox, b: Record<string, unknown>) => fetch(`${s.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: json, body: JSON.stringify(b) });

describe('virtual clock', () => {
  it('parses durations', () => {
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration(250)).toBe(250);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('freezes, advances and resumes over HTTP; refuses a bad command with a 400', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true });
    expect((await clockCall(sb)).json.mode).toBe('real');
    const f = await clockCall(sb, { freeze: '2030-01-01T00:00:00.000Z' });
    expect(f.json).toMatchObject({ mode: 'frozen', now: '2030-01-01T00:00:00.000Z' });
    const a = await clockCall(sb, { advance: '7d' });
    expect(a.json).toMatchObject({ mode: 'frozen', now: '2030-01-08T00:00:00.000Z' });
    expect(sb.clock.now()).toBe(Date.parse('2030-01-08T00:00:00.000Z'));
    for (const bad of [{ advance: 'soon' }, { freeze: 'yesterday' }, { resume: false }, {}, { advance: '1d', resume: true }]) {
      const r = await clockCall(sb, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.json.errorCode).toBe('ValidationError');
    }
    const r = await clockCall(sb, { resume: true });
    expect(r.json.mode).toBe('real');
    expect(Date.parse(r.json.now) - Date.parse('2030-01-08T00:00:00.000Z')).toBeLessThan(5_000);
  });

  it('stamps orders and journal hops with the virtual time', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { completeAfterMs: 3_600_000 } });
    sb.clock.freeze('2031-05-05T10:00:00.000Z');
    const id = await placeOrder(sb);
    await sb.clock.runDue();
    expect(sb.bridge!.orders.byId(id)!.createdAt).toBe('2031-05-05T10:00:00.000Z');
    const hops = sb.journal.query({ orderId: id, limit: 50 });
    expect(hops.length).toBeGreaterThan(0);
    for (const h of hops) expect(h.at).toBe('2031-05-05T10:00:00.000Z');
    // the reference partner completes an hour later, in virtual time
    expect(sb.bridge!.orders.byId(id)!.results).toHaveLength(0);
    const rep = await sb.clock.advance('1h');
    expect(rep.ran.map((r) => r.label)).toContain(`reference partner completes order ${id}`);
    expect(sb.bridge!.orders.byId(id)!.results).toHaveLength(1);
    const result = sb.journal.query({ orderId: id, hop: 'result-update', limit: 50 });
    expect(result[0]!.at).toBe('2031-05-05T11:00:00.000Z');
  });

  it('runs a retry schedule spanning days in one advance, in time order, in under a second', async () => {
    sb = await startSandbox({ ports: 0, configFile: false, inMemory: true, partner: { completeAfterMs: 0 }, delivery: { baseDelayMs: 3_600_000, maxDelayMs: 86_400_000, maxAttempts: 8 } });
    await behaviour(sb, { webhook: 'fail-then-recover', failuresBeforeRecovery: 5 });
    sb.clock.freeze('2030-03-01T00:00:00.000Z');
    const id = await placeOrder(sb);
    const t0 = Date.now();
    const rep = await sb.clock.advance('7d');
    expect(Date.now() - t0).toBeLessThan(1_000);
    const d = sb.bridge!.dispatcher.list().find((x) => x.orderId === id)!;
    expect(d.state).toBe('delivered');
    expect(d.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500, 500, 200]);
    const at = d.attempts.map((a) => Date.parse(a.at));
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(Math.min(86_400_000, 3_600_000 * 2 ** (i - 1)) / 2);
    expect(at[at.length - 1]! - at[0]!).toBeGreaterThan(12 * 3_600_000);
    expect(rep.ran.length).toBeGreaterThanOrEqual(5); // the first attempt was due at once: it ran without an advance
    expect(sb.bridge!.orders.byId(id)!.results).toHaveLength(1);
  });
});

describe('scenarios on virtual time', () => {
  it('runs a partner down for two days, delivered by a retry schedule over a week, in about a second at most', async () => {
    const { findScenario } = await import('../../harness/scenarios/loader.ts');
    const { runScenario } = await import('../../harness/scenarios/runner.ts');
    const r = await runScenario(findScenario('teamtailor-webhook-partner-down-two-days'));
    expect(r.ok, JSON.stringify(r.expectations.filter((e) => !e.ok))).toBe(true);
    expect(r.durationMs).toBeLessThan(1_500);
    // on real time the clock cannot be advanced: skipped, saying why, instead of waiting a week
    const real = await runScenario(findScenario('teamtailor-webhook-partner-down-two-days'), { time: 'real' });
    expect(real.skipped).toContain('virtual clock');
    expect(real.durationMs).toBe(0);
  });
});
