/**
 * `npx tsx bench/scenario-clock.ts`: every scenario three ways in one run (issue 16, ADR 014):
 *   real-tiny      waits sleep, delays made tiny (10 ms completions and retries: the pre-clock default)
 *   real-realistic waits sleep, the sandbox's realistic delays (1 s completion, 500 ms+ retries)
 *   virtual        the clock starts frozen and waits advance it, realistic delays (the default now)
 */
import { loadScenarios } from '../harness/scenarios/loader.ts';
import { runScenarios, VIRTUAL_SCENARIO_DEFAULTS, type RunOptions } from '../harness/scenarios/runner.ts';

const defs = loadScenarios().scenarios;
const modes: Array<[string, RunOptions]> = [
  ['real-tiny', { time: 'real' }],
  ['virtual', { time: 'virtual' }],
  ['real-realistic', { time: 'real', config: VIRTUAL_SCENARIO_DEFAULTS }],
];
for (const [name, o] of modes) {
  const t0 = Date.now();
  const results = await runScenarios(defs, o);
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  console.log(`${name.padEnd(15)} ${String(Date.now() - t0).padStart(6)} ms  ${results.length - failed.length}/${results.length} passed${failed.length ? `  failed: ${failed.join(', ')}` : ''}`);
}
