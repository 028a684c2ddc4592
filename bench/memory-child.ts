/**
 * Resident memory of a sandbox at scale, in a process of its own (the bench process holds other
 * sandboxes): starts on a copy of the grown data dir, runs real loops, appends journal entries cloned
 * from them up to the target count, runs loops again, and prints its memory as JSON: the peak seen
 * while it worked (sampled every 20 ms) and the resident size at rest (after two full collections,
 * each followed by idle time, once V8 has handed back the pages they freed).
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startSandbox } from '../harness/sandbox.ts';
import type { JournalEntry } from '../harness/journal.ts';
import { Completions, runLoop, type LoopKind } from './loops.ts';
import { seedJournal } from './seed.ts';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const [dataDir, kindsArg, journalArg] = process.argv.slice(2);
const kinds = kindsArg.split(',') as LoopKind[];
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
const sb = await startSandbox({ ports: 0, configFile: false, dataDir, partner: { completeAfterMs: 0 } });
const done = new Completions(sb);
const sample: JournalEntry[] = [];
const stop = sb.journal.subscribe((e) => sample.length < 500 && sample.push(e));
for (const k of kinds) for (let i = 0; i < 3; i++) await runLoop(sb, k, done);
stop();
await seedJournal(sb, sample, Number(journalArg));
for (const k of kinds) for (let i = 0; i < 3; i++) await runLoop(sb, k, done);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
// at rest: two full collections (the second one shrinks the heap the first one emptied), each followed
// by idle time for V8's background sweeping and unmapping (right after a collection, the pages it
// freed are still counted)
for (const idleMs of [1_000, 2_000]) {
  gc();
  await new Promise((r) => setTimeout(r, idleMs));
}
const m = process.memoryUsage();
const mb = (x: number) => Math.round((x / 2 ** 20) * 10) / 10;
process.stdout.write(`${JSON.stringify({ rssMb: mb(m.rss), peakRssMb: mb(peak), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external), heapTotalMb: mb(m.heapTotal), orders: sb.bridge!.orders.size, journalSeq: sb.journal.lastSeq })}\n`);
done.close();
await sb.close();
process.exit(0);
