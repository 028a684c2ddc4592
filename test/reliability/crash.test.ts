/**
 * Crash: the sandbox runs as a real process (`ats-sandbox up --data-dir … --json`), takes a burst of
 * order and result writes, and is killed with SIGKILL in the middle of it. Started again on the same
 * data dir, every state file parses, every write it acknowledged before the kill is there, and the
 * order webhooks it could not deliver (the receiver was down during the first run) are sent.
 */
import { parseStateFile } from '../../harness/store/state-log-file.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import express from 'express';
import { listen, type Listening } from '../../harness/http/service-app.ts';
import { basic } from '../../harness/signing.ts';
import { until } from './support.ts';

const SOAK = Number(process.env.SOAK ?? 1);
const ACKS_BEFORE_KILL = 120 * SOAK;

interface Running {
  proc: ChildProcess;
  bridge: string;
  apiKey: string;
  account: string;
}

const procs: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function up(dataDir: string, config: string): Promise<Running> {
  const proc = spawn(process.execPath, ['bin/ats-sandbox.mjs', 'up', '--ports', '0', '--json', '--data-dir', dataDir, '--config', config], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ATS_SANDBOX_QUIET: '1' } });
  procs.push(proc);
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const info = await new Promise<{ urls: Record<string, string>; apiKey: string; accounts: Record<string, { id: string }> }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start within 15 s: ${err}`)), 15_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    proc.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${err}`)));
  });
  return { proc, bridge: info.urls.bridge, apiKey: info.apiKey, account: info.accounts.greenhouse.id };
}

const headers = (r: Running) => ({ authorization: basic(r.apiKey, ''), 'x-account-id': r.account, 'content-type': 'application/json' });

describe('crash', () => {
  it('kill -9 during a burst of writes loses nothing acknowledged; pending webhooks are sent after the restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ats-crash-'));
    dirs.push(dataDir);
    const hookPort = await freePort();
    const config = path.join(dataDir, '..', `${path.basename(dataDir)}.config.json`);
    dirs.push(config);
    // no reference partner: the webhook goes to a receiver that is down for the whole first run
    await writeFile(config, JSON.stringify({ webhooks: [{ url: `http://127.0.0.1:${hookPort}/hook` }], delivery: { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 50 } }));

    const first = await up(path.join(dataDir, 'state'), config);
    const ackedOrders: string[] = [];
    const ackedResults: { order: string; summary: string }[] = [];
    let stop = false;
    let n = 0;
    const worker = async () => {
      while (!stop) {
        try {
          const o = await fetch(`${first.bridge}/unified/ats/assessments/orders`, { method: 'POST', headers: headers(first), body: JSON.stringify({ package: { id: 'pkg_logic' }, candidate: { id: `c${n++}` } }) });
          if (o.status !== 200) continue;
          const { id } = (await o.json()) as { id: string };
          ackedOrders.push(id);
          const summary = `result ${n++}`;
          const body = JSON.stringify({ summary, score: { value: '50', min: '0', max: '100' }, result_url: `http://127.0.0.1:${hookPort}/r/${id}` });
          const r = await fetch(`${first.bridge}/unified/ats/assessments/orders/${id}/result`, { method: 'PATCH', headers: headers(first), body });
          if (r.status === 200) ackedResults.push({ order: id, summary });
        } catch {
          return; // the process is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await until('a burst of acknowledged writes', () => ackedOrders.length + ackedResults.length >= ACKS_BEFORE_KILL, 20_000, 5);
    first.proc.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await new Promise<void>((r) => (first.proc.exitCode !== null || first.proc.signalCode !== null ? r() : first.proc.once('exit', () => r())));
    expect(first.proc.signalCode).toBe('SIGKILL');

    // every state file reads: each line of its log parses, but for a last line cut by the kill (an append that
    // was never acknowledged); the journal's complete lines parse
    const files: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) e.isDirectory() ? await walk(path.join(d, e.name)) : files.push(path.join(d, e.name));
    };
    await walk(path.join(dataDir, 'state'));
    const state = files.filter((f) => f.endsWith('.json'));
    expect(state.length).toBeGreaterThan(0);
    for (const f of state) expect(() => parseStateFile(readFileSync(f, 'utf8')), f).not.toThrow();
    const journal = (await readFile(path.join(dataDir, 'state', 'journal.jsonl'), 'utf8')).split('\n').slice(0, -1);
    for (const line of journal) expect(() => JSON.parse(line)).not.toThrow();

    // the receiver comes up, the sandbox starts again on the same data dir
    const received = new Map<string, number>();
    const app = express();
    app.use(express.json());
    app.post('/hook', (req, res) => {
      received.set(req.body.record_id, (received.get(req.body.record_id) ?? 0) + 1);
      res.json({ ok: true });
    });
    const receiver: Listening = await listen(app, hookPort, '127.0.0.1');
    try {
      const second = await up(path.join(dataDir, 'state'), config);
      const st = (await (await fetch(`${second.bridge}/_sandbox/state`, { headers: headers(second) })).json()) as { orders: { id: string; status: string; resultCounts?: { delivered: number }; results: { body: { summary?: string } }[] }[] };
      const byId = new Map(st.orders.map((o) => [o.id, o]));
      expect(ackedOrders.filter((id) => !byId.has(id)), 'acknowledged orders lost').toEqual([]);
      expect(ackedResults.filter((r) => !byId.get(r.order)?.results.some((x) => x.body.summary === r.summary)), 'acknowledged results lost').toEqual([]);
      // an order's status and counts are read back from its results
      for (const id of new Set(ackedResults.map((r) => r.order))) {
        expect(byId.get(id)?.status, id).toBe('result_delivered');
        expect(byId.get(id)?.resultCounts?.delivered ?? 0, id).toBeGreaterThanOrEqual(ackedResults.filter((r) => r.order === id).length);
      }
      await until('every acknowledged order’s webhook delivered after the restart', () => ackedOrders.every((id) => received.has(id)), 15_000);
      console.log(`crash: ${ackedOrders.length} orders and ${ackedResults.length} results acknowledged before kill -9, all there after the restart; ${received.size} pending webhooks delivered`);
      second.proc.kill('SIGINT');
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
