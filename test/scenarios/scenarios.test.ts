/**
 * Every troubleshooting scenario in scenarios/*.json, one test each, each in its own sandbox on free
 * ports (so they run side by side). A failure prints the scenario's own explanation: expected
 * against actual, with the journal entry, and the timeline of hops.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../harness/scenarios/loader.ts';
import { runScenario } from '../../harness/scenarios/runner.ts';
import { renderTimeline } from '../../harness/scenarios/results.ts';

const { scenarios, problems } = loadScenarios();

describe('scenario files', () => {
  it('every file in scenarios/ is a valid scenario named after its file', () => {
    expect(problems).toEqual([]);
    expect(scenarios.length).toBeGreaterThan(0);
  });
});

describe.concurrent('scenarios', () => {
  for (const s of scenarios) {
    it(s.name, async () => {
      const r = await runScenario(s);
      if (!r.ok) throw new Error(`${r.failure}\n\nTimeline:\n${renderTimeline(r.timeline)}`);
    });
  }
});
