/**
 * `npx tsx bench/clock.ts`: the sandbox clock's own cost (ADR 014): 20,000 timers spread over 7 days,
 * each doing an async step, run by one advance. (Compared once with @sinonjs/fake-timers' tickAsync on
 * the same load, installed outside the project: see the ADR for both figures.)
 */
import { SandboxClock } from '../harness/clock.ts';

const N = 20_000;
const c = new SandboxClock();
c.freeze('2030-01-01T00:00:00Z');
let ran = 0;
for (let i = 0; i < N; i++) c.setTimeout(async () => void (await Promise.resolve(), ran++), Math.floor(Math.random() * 7 * 86_400_000));
const t = performance.now();
await c.advance('7d');
console.log(`${N} timers over 7 days: ${(performance.now() - t).toFixed(0)} ms (ran ${ran})`);
