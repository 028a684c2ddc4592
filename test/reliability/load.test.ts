/**
 * Load: 1,000 concurrent result updates over 200 orders placed from the four ATSs, through the unified
 * API. Every acknowledged update is in the bridge's store (in memory and in the files on disk) and
 * each order's ATS card shows one of its acknowledged results; Greenhouse acknowledges exactly one per
 * test. Then 50 concurrent updates of one fresh Greenhouse test: exactly one is accepted.
 */
import { parseStateFile } from '../../harness/store/state-log-file.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { PROVIDERS, type ProviderKey } from '../../harness/config.ts';
import type { ResultRecord } from '../../harness/bridge/glossary.ts';
import type { StoredResult } from '../../harness/bridge/order-book.ts';
import { partnerHeaders, resultPath } from '../helpers.ts';
import { pool, send, snapshot } from './support.ts';

const SOAK = Number(process.env.SOAK ?? 1);
const ORDERS = 200 * SOAK;
const UPDATES = 1_000 * SOAK;

let sb: Sandbox;
let dataDir: string;

interface Placed {
  ats: ProviderKey;
  orderId: string;
  candidateId: string;
}

const result = (sb: Sandbox, orderId: string, n: number) => ({
  score: { label: 'Percentage', value: String(n % 101), min: '0', max: '100' },
  start_date: '2026-03-01T10:20:00.000Z',
  submission_date: '2026-03-01T11:45:00.000Z',
  summary: `update ${n}`,
  result: { value: 'passed', source_value: 'Passed' },
  result_url: `${sb.urls.partner}/reports/${orderId}?n=${n}`,
});

async function placeOrders(count: number): Promise<Placed[]> {
  const candidates = ['cand_ada', 'cand_juston', 'cand_grace'];
  return pool(Array.from({ length: count }, (_, i) => i), 16, async (i) => {
    const ats = PROVIDERS[i % PROVIDERS.length];
    const candidateId = candidates[i % candidates.length];
    const r = await sb.emulators[ats]!.sendTest({ candidateId });
    if (!r.ok || !r.orderId) throw new Error(`${ats} send-test failed: ${r.recruiterSees}`);
    return { ats, orderId: r.orderId, candidateId };
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ats-load-'));
  // the partner receives the orders but leaves the results to this test
  sb = await startSandbox({ ports: 0, configFile: false, dataDir, partner: { autoComplete: false }, hopWaitMs: 0 });
}, 20_000);

afterAll(async () => {
  await sb?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('load', () => {
  it(`${UPDATES} concurrent result updates over ${ORDERS} orders of the four ATSs: every acknowledged one is stored and shown`, async () => {
    const orders = await placeOrders(ORDERS);
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: UPDATES }, async (_, n) => {
        const o = orders[n % orders.length];
        const a = await send(`${sb.urls.bridge}${resultPath('assessment', o.orderId)}`, { method: 'PATCH', headers: partnerHeaders(sb, o.ats), body: JSON.stringify(result(sb, o.orderId, n)), timeoutMs: 30_000 });
        return { n, o, status: a.status, text: a.text };
      }),
    );
    const ms = performance.now() - t0;
    const acked = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    console.log(`load: ${UPDATES} updates in ${Math.round(ms)} ms (${Math.round((UPDATES / ms) * 1000)}/s), ${acked.length} acknowledged, refused: ${JSON.stringify(Object.fromEntries([...new Set(refused.map((a) => a.status))].map((s) => [s, refused.filter((a) => a.status === s).length])))}`);
    // only Greenhouse refuses, and only repeats (409): nothing failed for want of capacity
    expect(refused.filter((a) => !(a.o.ats === 'greenhouse' && a.status === 409)).map((a) => `${a.o.ats} ${a.status} ${a.text.slice(0, 120)}`)).toEqual([]);

    const files = snapshot(dataDir);
    // an order's results are records of their own (bridge/order-results.*), each naming its order
    const onDisk = new Map<string, ResultRecord[]>();
    for (const [f, text] of files) {
      if (!f.startsWith(`bridge${path.sep}order-results.`)) continue;
      for (const r of Object.values(parseStateFile<StoredResult>(text).data)) onDisk.set(r.orderId, [...(onDisk.get(r.orderId) ?? []), r.record]);
    }
    const cards = new Map<string, Awaited<ReturnType<Sandbox['admin']['candidate']>>>();
    for (const ats of PROVIDERS) for (const c of ['cand_ada', 'cand_juston', 'cand_grace']) cards.set(`${ats}/${c}`, await sb.emulators[ats]!.card(c));

    const missing: string[] = [];
    for (const o of orders) {
      const mine = acked.filter((a) => a.o.orderId === o.orderId).map((a) => `update ${a.n}`);
      if (o.ats === 'greenhouse') expect(mine, `greenhouse ${o.orderId} acknowledged once`).toHaveLength(1);
      else expect(mine.length, `${o.ats} ${o.orderId}`).toBe(UPDATES / ORDERS);
      const inMemory = sb.bridge!.orders.byId(o.orderId)!.results.filter((r) => r.outcome === 'delivered').map((r) => r.body.summary);
      const inFile = (onDisk.get(o.orderId) ?? []).filter((r) => r.outcome === 'delivered').map((r) => r.body.summary);
      for (const s of mine) {
        if (!inMemory.includes(s)) missing.push(`${o.orderId} ${s} not in the store`);
        if (!inFile.includes(s)) missing.push(`${o.orderId} ${s} not in the state file`);
      }
      const shown = cards.get(`${o.ats}/${o.candidateId}`)!.results.find((r) => r.orderId === o.orderId);
      const text = JSON.stringify(shown);
      if (!shown || !mine.some((s) => text.includes(`n=${s.split(' ')[1]}`) || text.includes(s))) missing.push(`${o.ats} card of ${o.candidateId} shows none of ${o.orderId}'s acknowledged results: ${text?.slice(0, 200)}`);
    }
    expect(missing).toEqual([]);
  }, 60_000 * SOAK);

  it('50 concurrent updates of one Greenhouse test: exactly one is accepted, the others refused with 409', async () => {
    const [o] = await placeOrders(1).then(() => sb.emulators.greenhouse!.sendTest({ candidateId: 'cand_grace' })).then((r) => [{ ats: 'greenhouse' as const, orderId: r.orderId!, candidateId: 'cand_grace' }]);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) => send(`${sb.urls.bridge}${resultPath('assessment', o.orderId)}`, { method: 'PATCH', headers: partnerHeaders(sb, 'greenhouse'), body: JSON.stringify(result(sb, o.orderId, 5000 + n)) }).then((a) => ({ n, ...a }))),
    );
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual(Array(49).fill(409));
    const card = await sb.emulators.greenhouse!.card('cand_grace');
    expect(JSON.stringify(card.results.find((r) => r.orderId === o.orderId))).toContain(`n=${5000 + ok[0].n}`);
    const stored = sb.bridge!.orders.byId(o.orderId)!;
    expect(stored.resultCounts).toEqual({ delivered: 1, refused: 49 });
  }, 30_000);
});
