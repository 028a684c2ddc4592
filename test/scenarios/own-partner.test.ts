/**
 * Scenarios against partner services we did not write (test/fixtures/partners/, written from
 * StackOne's public docs): the correct one passes every scenario that runs (at least 60), a faulty one
 * fails the scenario of its fault with a "→ fix" line, a failing scenario returns long before its
 * timeout, and the fixed bridge port behaves (two runs in a row on it pass; a port in use is exit 2).
 */
import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { partner, type RunningPartner } from '../fixtures/partners/index.ts';
import { findScenario, loadScenarios } from '../../harness/scenarios/loader.ts';
import { runScenarios, type OwnPartner } from '../../harness/scenarios/runner.ts';
import { summarise } from '../../harness/scenarios/reporters.ts';
import { DEFAULT_API_KEY, DEFAULT_WEBHOOK_SECRET } from '../../harness/config.ts';
import { freePort, runCli } from '../helpers.ts';

/** A fixture partner configured to call a bridge on a port of its own; closed after fn. */
async function withPartner<T>(name: string, fn: (p: RunningPartner, own: OwnPartner, bridgePort: number) => Promise<T>): Promise<T> {
  const bridgePort = await freePort();
  const p = await partner(name).start({ stackoneBaseUrl: `http://127.0.0.1:${bridgePort}`, apiKey: DEFAULT_API_KEY, webhookSecret: DEFAULT_WEBHOOK_SECRET });
  try {
    return await fn(p, { listUrl: p.packageListUrl, backgroundCheckListUrl: p.backgroundCheckListUrl, webhookUrl: p.webhookUrl }, bridgePort);
  } finally {
    await p.close();
  }
}

/** The CLI as a user runs it (main() is what bin/ats-sandbox.mjs calls), its output captured. */
const cli = async (...argv: string[]): Promise<{ code: number; out: string }> => {
  const r = await runCli(...argv);
  return { code: r.code, out: r.all };
};

const run = (names: string[], own: OwnPartner, bridgePort: number, timeoutMs?: number) => runScenarios(names.map((n) => findScenario(n)), { partner: own, bridgePort, ...(timeoutMs ? { timeoutMs } : {}) });

describe.concurrent('scenarios against partner services we did not write', () => {
  it('a correct partner: every scenario that runs passes, and at least 60 run; every skip says why', async () => {
    await withPartner('correct', async (_p, own, bridgePort) => {
      const results = await runScenarios(loadScenarios().scenarios, { partner: own, bridgePort });
      const s = summarise(results);
      expect(results.filter((r) => !r.ok).map((r) => r.failure).join('\n\n')).toBe('');
      expect(s.total - s.skipped).toBeGreaterThanOrEqual(60);
      for (const r of results.filter((x) => x.skipped)) expect(r.skipped).toMatch(/^needs the reference partner: it \w+/);
    });
  }, 40_000);

  const faulty: [fixture: string, scenario: string, fix: string][] = [
    ['package-list-bare-array', 'greenhouse-package-list-bare-array', '→ fix: wrap the packages as {"data": [...]}'],
    ['webhook-no-signature-check', 'greenhouse-webhook-bad-signature-refused', '→ fix: verify x-stackone-signature on every webhook'],
    ['greenhouse-duplicate-update', 'greenhouse-duplicate-result-update-refused', '→ fix: update a Greenhouse test once, with its final result'],
    ['webhook-not-idempotent', 'greenhouse-duplicate-result-update-refused', '→ fix: update a Greenhouse test once, with its final result'],
  ];
  for (const [fixture, scenario, fix] of faulty) {
    it(`${fixture} fails ${scenario}, with expected against got and the fix`, async () => {
      await withPartner(fixture, async (_p, own, bridgePort) => {
        const [r] = await run([scenario], own, bridgePort);
        expect(r.ok).toBe(false);
        expect(r.failure).toMatch(/expected .+, got /);
        expect(r.failure).toContain(fix);
        expect(r.failure!.trimEnd().split('\n').pop()).toMatch(/^ {2}→ fix: /);
      });
    }, 20_000);
  }

  it('a failing scenario stops waiting once it has failed, and shows the answer that explains it', async () => {
    await withPartner('result-numeric-score', async (_p, own, bridgePort) => {
      const [r] = await run(['greenhouse-happy-path-assessment'], own, bridgePort, 15_000);
      expect(r.ok).toBe(false);
      expect(r.durationMs).toBeLessThan(5_000);
      expect(r.failure).toContain('status.label: expected "Completed", got');
      expect(r.failure).toMatch(/body: +\{.*"statusCode":400/);
      expect(r.failure).toContain('→ fix: ');
    });
  }, 20_000);
});

// the CLI's output is captured through console: one run at a time
describe('ats-sandbox scenario run against your partner', () => {
  it('the CLI: two scenarios in a row on the same bridge port both pass', async () => {
    await withPartner('correct', async (_p, own, bridgePort) => {
      const { code, out } = await cli('scenario', 'run', 'recruitee-happy-path-assessment', 'recruitee-happy-path-background-check', '--partner-list-url', own.listUrl!, '--background-check-list-url', own.backgroundCheckListUrl!, '--webhook-url', own.webhookUrl!, '--bridge-port', String(bridgePort));
      expect(out).toContain(`the bridge listens on http://127.0.0.1:${bridgePort}`);
      expect(out).toMatch(/2 passed, 0 failed \(2 scenarios/);
      expect(code).toBe(0);
    });
  }, 20_000);

  it('a bridge port in use is a usage error (exit 2), not a scenario failure', async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const { code, out } = await cli('scenario', 'run', 'greenhouse-happy-path-assessment', '--partner-list-url', 'http://127.0.0.1:9/packages', '--webhook-url', 'http://127.0.0.1:9/hook', '--bridge-port', String(port));
      expect(code).toBe(2);
      expect(out).toContain(`port ${port} is in use: `);
      expect(out).not.toContain('failed');
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });
});
