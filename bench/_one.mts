import { findScenario } from '../harness/scenarios/loader.ts';
import { runScenario } from '../harness/scenarios/runner.ts';
import * as C from '../harness/clock.ts';
const name = process.argv[2]!;
const orig = C.SandboxClock.prototype.advance;
C.SandboxClock.prototype.advance = async function (by) { const t = Date.now(); const r = await orig.call(this, by); console.log('advance', by, '->', r.now.slice(11), 'ran', r.ran.map((x) => x.label.slice(0, 30)), Date.now() - t, 'ms'); return r; };
const r = await runScenario(findScenario(name), { time: 'virtual' });
console.log(r.ok, r.durationMs, r.steps.map((s) => [s.id, s.durationMs]));
