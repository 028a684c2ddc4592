/** Every troubleshooting row of StackOne's guides is a scenario, or is listed with why only a screen can cause it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios } from '../../harness/scenarios/loader.ts';
import { sameSymptom, troubleshootingRows } from '../../harness/scenarios/troubleshooting-rows.ts';

describe('troubleshooting coverage', () => {
  const { scenarios } = loadScenarios();
  let TROUBLESHOOTING_ROWS: Awaited<ReturnType<typeof troubleshootingRows>>;
  beforeAll(async () => {
    TROUBLESHOOTING_ROWS = await troubleshootingRows();
  });
  it('28 rows; each has a scenario or a reason, never both', () => {
    expect(TROUBLESHOOTING_ROWS.length).toBe(28);
    for (const r of TROUBLESHOOTING_ROWS) {
      const found = scenarios.filter((s) => s.ats === r.ats && s.seed && sameSymptom(s.seed.symptom, r.symptom));
      expect(found.length > 0 !== Boolean(r.screenOnly), `${r.ats}: ${r.symptom} (${found.map((s) => s.name).join(', ') || 'no scenario'})`).toBe(true);
    }
    expect(TROUBLESHOOTING_ROWS.filter((r) => !r.screenOnly).length).toBe(23);
  });

  it("every scenario's seed names a row of its ATS's guide", () => {
    for (const s of scenarios.filter((x) => x.seed)) {
      expect(TROUBLESHOOTING_ROWS.some((r) => r.ats === s.ats && sameSymptom(r.symptom, s.seed!.symptom)), `${s.name}: ${s.seed!.symptom}`).toBe(true);
    }
  });
});
