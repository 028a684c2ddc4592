/**
 * `npm run bench`: the sandbox's costs beside bare node:http on loopback, measured side by side in
 * one run (interleaved rounds, medians), printed as a table and written to bench/results.json.
 * Every loop is bounded; nothing leaves 127.0.0.1. BENCH_QUICK=1 runs fewer rounds.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '../harness/sandbox.ts';
import { PROVIDERS } from '../harness/config.ts';
import type { JournalEntry } from '../harness/journal.ts';
import { basic } from '../harness/signing.ts';
import { bareHopServer, replayChain, type Hop } from './bare.ts';
import { captureHops, Completions, loopThroughput, ORDER_BODY, runLoop, runLoopDetailed, type LoopKind } from './loops.ts';
import { LoadGenerator } from './load.ts';
import { seedJournal, seedOrders, type Template } from './seed.ts';
import { measureStartup } from './startup.ts';
import { interleave, median, renderTable, round, type Row } from './stats.ts';

const QUICK = process.env.BENCH_QUICK === '1';
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const ROUNDS = QUICK ? 3 : 5;
const SEQ_LOOPS = QUICK ? 5 : 10;
const CONC_TOTAL = QUICK ? 24 : 48;
const CONCURRENCY = 8;
const ORDERS_AT_SCALE = 10_000;
const JOURNAL_AT_SCALE = 100_000;

const rows: Row[] = [];
const results: Record<string, unknown> = { startedAt: new Date().toISOString(), node: process.version, quick: QUICK };
const tmp = mkdtempSync(path.join(tmpdir(), 'ats-bench-'));
const log = (s: string) => process.stderr.write(`${s}\n`);

async function sandboxAt(name: string, extra: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  return startSandbox({ ports: 0, configFile: false, dataDir: path.join(tmp, name), partner: { completeAfterMs: 0 }, ...extra });
}

/** The ATSs whose emulator completes a loop (send-test ok and the card fills in). */
async function readyKinds(sb: Sandbox, done: Completions): Promise<LoopKind[]> {
  const kinds: LoopKind[] = ['unified'];
  for (const p of PROVIDERS) {
    try {
      await runLoop(sb, p, done);
      kinds.push(p);
    } catch (e) {
      log(`  ${p}: not ready (${(e as Error).message.slice(0, 120)})`);
    }
  }
  return kinds;
}

async function loopOverhead(sb: Sandbox, done: Completions, kinds: LoopKind[]): Promise<void> {
  const out: Record<string, unknown> = {};
  for (const kind of kinds) {
    const hops = await captureHops(sb, kind, done);
    // The same payloads on both sides: a candidate's card lists every test sent to them, so it grows
    // loop after loop (three demo candidates); the baseline answers the card the sandbox last showed.
    const sandboxLoop = async (): Promise<number> => {
      const run = await runLoopDetailed(sb, kind, done);
      if (run.recruiterHops.length === 4) {
        hops[hops.length - 2].response = run.recruiterHops[2].response;
        hops[hops.length - 1].response = run.recruiterHops[3].response;
      }
      return run.ms;
    };
    const bare = await bareHopServer(() => hops);
    try {
      // one sandbox loop and one bare chain after the other, so both see the same moment of a noisy machine
      const seq = await interleave(ROUNDS * SEQ_LOOPS, sandboxLoop, () => timed(() => replayChain(bare.url, hops)));
      const conc = await interleave(
        ROUNDS,
        () => loopThroughput(CONC_TOTAL, CONCURRENCY, sandboxLoop),
        () => loopThroughput(CONC_TOTAL, CONCURRENCY, () => replayChain(bare.url, hops)),
      );
      const seqRatio = median(seq.sandbox) / median(seq.bare);
      const concRatio = median(conc.bare) / median(conc.sandbox);
      out[kind] = { hops: hops.length, sequentialMs: { sandbox: seq.sandbox.map((x) => round(x)), bare: seq.bare.map((x) => round(x)) }, loopsPerSecond: { sandbox: conc.sandbox.map((x) => round(x)), bare: conc.bare.map((x) => round(x)) }, seqRatio: round(seqRatio), concRatio: round(concRatio) };
      const what = kind === 'unified' ? 'unified loop (order → webhook → result → stored)' : `${kind} loop (send test → … → card)`;
      rows.push({ figure: `${what}, sequential median`, value: `${round(median(seq.sandbox), 1)} ms vs bare ${round(median(seq.bare), 1)} ms = ${round(seqRatio)}×`, target: '≤ 3×', ok: seqRatio <= 3, note: `${hops.length} hops` });
      rows.push({ figure: `${what}, ${CONCURRENCY} concurrent`, value: `${round(median(conc.sandbox), 1)}/s vs bare ${round(median(conc.bare), 1)}/s = ${round(concRatio)}×`, target: '≤ 3×', ok: concRatio <= 3 });
      log(`  ${kind}: seq ${round(seqRatio)}× conc ${round(concRatio)}×`);
    } finally {
      await bare.close();
    }
  }
  results.loops = out;
}

async function unifiedRps(load: LoadGenerator): Promise<void> {
  const sb = await sandboxAt('rps', { only: ['bridge', 'partner', 'controlPlane'], partner: { autoComplete: false } });
  const bare = await bareHopServer(() => []);
  try {
    const auth = { authorization: basic(sb.apiKey, ''), 'x-account-id': sb.accounts.greenhouse.id, 'content-type': 'application/json' };
    const ids: string[] = [];
    for (let i = 0; i < 400; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => fetch(`${sb.urls.bridge}/unified/ats/assessments/orders`, { method: 'POST', headers: auth, body: JSON.stringify(ORDER_BODY) }).then((r) => r.json() as Promise<{ id: string }>)));
      ids.push(...batch.map((b) => b.id));
    }
    const body = JSON.stringify(sb.partner!.resultFor({ id: 'x', deliveryIds: [], accountId: '', provider: 'greenhouse', event: '', category: 'assessment', receivedAt: new Date().toISOString(), payload: { event_data: { candidate: { id: 'c1' } } } as never }));
    // rounds long enough (a few hundred ms even for the bare server) that connection set-up and the
    // load generator's start do not weigh on one side more than on the other; one warm-up round each
    const count = QUICK ? 2_000 : 4_000;
    const job = (urls: string[]) => ({ urls, method: 'PATCH', headers: auth, body, count, concurrency: 32 });
    const statuses: Record<string, number> = {};
    await load.run(job(ids.map((id) => `${sb.urls.bridge}/unified/ats/assessments/orders/${id}/result`)));
    await load.run(job([`${bare.url}/h/x`]));
    const r = await interleave(
      ROUNDS,
      async () => {
        const x = await load.run(job(ids.map((id) => `${sb.urls.bridge}/unified/ats/assessments/orders/${id}/result`)));
        for (const [k, v] of Object.entries(x.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
        return (count / x.ms) * 1000;
      },
      async () => (count / (await load.run(job([`${bare.url}/h/x`]))).ms) * 1000,
    );
    const ratio = median(r.sandbox) / median(r.bare);
    results.unifiedRps = { sandbox: r.sandbox.map((x) => round(x)), bare: r.bare.map((x) => round(x)), ratio: round(ratio), statuses };
    rows.push({ figure: 'unified API result updates/s (32 in flight)', value: `${Math.round(median(r.sandbox))}/s vs bare ${Math.round(median(r.bare))}/s = ${round(ratio)}`, target: '≥ 0.4', ok: ratio >= 0.4, note: `statuses ${JSON.stringify(statuses)}` });
    log(`  rps ratio ${round(ratio)}`);
  } finally {
    await bare.close();
    await sb.close();
  }
}

async function costAtScale(kinds: LoopKind[]): Promise<void> {
  const empty = await sandboxAt('empty');
  const big = await sandboxAt('big');
  const doneEmpty = new Completions(empty);
  const doneBig = new Completions(big);
  try {
    const templates: Template[] = [];
    const journalSample: JournalEntry[] = [];
    const stop = big.journal.subscribe((e) => journalSample.length < 500 && journalSample.push(e));
    for (const k of kinds) templates.push(await runLoopDetailed(big, k, doneBig, 'cand_ada'));
    stop();
    const heap = () => (gc(), round(process.memoryUsage().heapUsed / 2 ** 20, 1));
    const heapBefore = heap();
    const t0 = performance.now();
    const added = await seedOrders(big, templates, ORDERS_AT_SCALE);
    const t1 = performance.now();
    const heapOrders = heap();
    await seedJournal(big, journalSample, JOURNAL_AT_SCALE);
    const t2 = performance.now();
    const heapJournal = heap();
    log(`  seeded ${added} orders in ${Math.round(t1 - t0)} ms, ${JOURNAL_AT_SCALE} journal entries in ${Math.round(t2 - t1)} ms`);
    const out: Record<string, unknown> = { ordersSeeded: added, journalEntries: big.journal.lastSeq, seedMs: { orders: Math.round(t1 - t0), journal: Math.round(t2 - t1) }, heapMb: { before: heapBefore, afterOrders: heapOrders, afterJournal: heapJournal } };
    for (const k of kinds) {
      for (let i = 0; i < 3; i++) {
        await runLoop(empty, k, doneEmpty);
        await runLoop(big, k, doneBig);
      }
      const r = await interleave(ROUNDS * SEQ_LOOPS, () => runLoop(big, k, doneBig), () => runLoop(empty, k, doneEmpty));
      const ratio = median(r.sandbox) / median(r.bare);
      out[k] = { bigMs: r.sandbox.map((x) => round(x)), emptyMs: r.bare.map((x) => round(x)), ratio: round(ratio) };
      rows.push({ figure: `${k} loop at ${added} orders + ${JOURNAL_AT_SCALE} journal ÷ empty`, value: `${round(median(r.sandbox), 1)} ms ÷ ${round(median(r.bare), 1)} ms = ${round(ratio)}`, target: '≤ 1.2', ok: ratio <= 1.2 });
      log(`  ${k} at scale ${round(ratio)}`);
    }
    // a sandbox process of its own on a copy of the grown state, with its own 100,000 journal entries
    const copy = path.join(tmp, 'big-copy');
    cpSync(big.config.dataDir!, copy, { recursive: true, filter: (f) => !f.endsWith('journal.jsonl') });
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./memory-child.ts', import.meta.url)), copy, kinds.join(','), String(JOURNAL_AT_SCALE)], { encoding: 'utf8', timeout: 120_000 });
    const last = child.stdout?.trim().split('\n').pop() ?? '';
    if (!last.startsWith('{')) throw new Error(`memory-child failed (${child.status ?? child.signal}): ${child.stderr?.slice(-800)}`);
    const mem = JSON.parse(last) as { rssMb: number; peakRssMb: number; heapUsedMb: number; externalMb: number; orders: number; journalSeq: number };
    out.memory = { ...mem, benchHeapMb: { before: heapBefore, afterOrders: heapOrders, afterJournal: heapJournal } };
    results.scale = out;
    rows.push({ figure: 'resident memory at that size, at rest', value: `${mem.rssMb} MB (heap ${mem.heapUsedMb} MB; ${mem.orders} orders, ${mem.journalSeq} journal entries)`, target: '< 250 MB', ok: mem.rssMb < 250, note: `own process; peak while appending 100,000 entries ${mem.peakRssMb} MB; heap growth: orders +${round(heapOrders - heapBefore, 1)} MB, journal window +${round(heapJournal - heapOrders, 1)} MB` });
  } finally {
    doneEmpty.close();
    doneBig.close();
    await empty.close();
    await big.close();
  }
}

async function startup(): Promise<void> {
  const s = await measureStartup(QUICK ? 2 : 3);
  results.startup = s;
  const npm = median(s.npmStartMs);
  const inproc = median(s.inProcessMs.slice(1));
  const help = median(s.helpMs);
  const bare = median(s.bareExitMs);
  rows.push({ figure: 'ats-sandbox --help, until it exits', value: `${Math.round(help)} ms vs bare node -e '' ${Math.round(bare)} ms = ${round(help / bare)}×`, target: '≤ 5×', ok: help / bare <= 5, note: `medians of ${s.helpMs.length}, interleaved` });
  rows.push({ figure: 'npm start until every service answers', value: `${Math.round(npm)} ms (node bin/ats-sandbox.mjs: ${Math.round(median(s.cliMs))} ms; bare node, 7 listeners: ${Math.round(median(s.bareNodeMs))} ms)`, target: '≤ 1000 ms', ok: npm <= 1000 });
  rows.push({ figure: 'startSandbox() in process', value: `${round(inproc, 1)} ms median (first ${round(s.inProcessMs[0], 1)} ms)`, target: '≤ 200 ms', ok: inproc <= 200 && s.inProcessMs[0] <= 200 });
}

const timed = async (f: () => Promise<void>): Promise<number> => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

async function main(): Promise<void> {
  const only = new Set((process.env.BENCH_ONLY ?? 'startup,loops,rps,scale').split(','));
  const load = await LoadGenerator.start();
  try {
    if (only.has('startup')) {
      log('start-up…');
      await startup();
    }
    const sb = await sandboxAt('loops');
    const done = new Completions(sb);
    let kinds: LoopKind[] = ['unified'];
    try {
      kinds = await readyKinds(sb, done);
      if (only.has('loops')) {
        log(`loops (${kinds.join(', ')})…`);
        await loopOverhead(sb, done, kinds);
      }
    } finally {
      done.close();
      await sb.close();
    }
    if (only.has('rps')) {
      log('unified API requests/s…');
      await unifiedRps(load);
    }
    if (only.has('scale')) {
      log('cost as state grows…');
      await costAtScale(kinds);
    }
  } finally {
    load.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  results.rows = rows;
  writeFileSync(fileURLToPath(new URL('./results.json', import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${renderTable(rows)}\n\n(bench/results.json; sequential loops: medians of ${ROUNDS * SEQ_LOOPS} loops, each beside a bare chain; throughputs: medians of ${ROUNDS} interleaved rounds; memory at rest after full collections)`);
}

await main();
process.exit(0);
