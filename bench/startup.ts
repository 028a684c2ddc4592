/**
 * Start-up: the real `npm start` process until every service answers, beside a bare node process
 * that starts seven node:http servers (the floor for "a node process with seven listeners"), and
 * startSandbox() in process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVICES, type ServiceName } from '../harness/config.ts';
import { startSandbox } from '../harness/sandbox.ts';
import { sleep } from './stats.ts';

export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<net.Server>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** Spawns a command, polls every URL until all answer, stops the process group; resolves with the ms until all answered. */
async function timeUntilAnswering(cmd: string, args: string[], urls: string[], limitMs = 20_000): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: process.cwd(), detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ATS_SANDBOX_QUIET: '1' } });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    const pending = new Set(urls);
    while (pending.size) {
      if (performance.now() - t0 > limitMs) throw new Error(`${cmd} ${args.join(' ')}: not all services answered within ${limitMs} ms (${[...pending].join(', ')}). ${stderr.slice(0, 500)}`);
      if (child.exitCode !== null) throw new Error(`${cmd} exited with ${child.exitCode}: ${stderr.slice(0, 500)}`);
      await Promise.all([...pending].map(async (u) => (await answers(u)) && pending.delete(u)));
      if (pending.size) await sleep(5);
    }
    return performance.now() - t0;
  } finally {
    const signal = (s: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, s);
      } catch {
        /* the group is gone */
      }
    };
    if (child.exitCode === null) signal('SIGINT');
    await Promise.race([exited, sleep(5_000)]);
    if (child.exitCode === null) signal('SIGKILL');
  }
}

export interface StartupFigures {
  npmStartMs: number[];
  cliMs: number[];
  bareNodeMs: number[];
  inProcessMs: number[];
  /** `node bin/ats-sandbox.mjs --help` until it exits, beside a bare `node -e ''`, interleaved */
  helpMs: number[];
  bareExitMs: number[];
}

/** ms from spawn to exit of `node ...args` (stdout discarded). */
function timeToExit(args: string[]): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`node ${args.join(' ')} exited with ${code}`))));
  });
}

export async function measureStartup(rounds = 3): Promise<StartupFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ats-bench-start-'));
  const out: StartupFigures = { npmStartMs: [], cliMs: [], bareNodeMs: [], inProcessMs: [], helpMs: [], bareExitMs: [] };
  try {
    await timeToExit(['bin/ats-sandbox.mjs', '--help']); // dist/ up to date, caches warm
    for (let i = 0; i < rounds * 4; i++) {
      out.bareExitMs.push(await timeToExit(['-e', '']));
      out.helpMs.push(await timeToExit(['bin/ats-sandbox.mjs', '--help']));
    }
    for (let i = 0; i < rounds; i++) {
      const ports = await freePorts(SERVICES.length);
      const portMap = Object.fromEntries(SERVICES.map((s, j) => [s, ports[j]])) as Record<ServiceName, number>;
      const config = path.join(dir, `config-${i}.json`);
      writeFileSync(config, JSON.stringify({ ports: portMap }));
      const urls = ports.map((p) => `http://127.0.0.1:${p}/`);
      const dataDir = path.join(dir, `data-${i}`);
      const bare = `const http=require('node:http');for(const p of ${JSON.stringify(ports)})http.createServer((q,s)=>s.end('{}')).listen(p,'127.0.0.1');process.on('SIGINT',()=>process.exit(0));`;
      out.bareNodeMs.push(await timeUntilAnswering(process.execPath, ['-e', bare], urls));
      out.npmStartMs.push(await timeUntilAnswering('npm', ['start', '--silent', '--', '--config', config, '--data-dir', dataDir], urls));
      out.cliMs.push(await timeUntilAnswering(process.execPath, ['bin/ats-sandbox.mjs', 'up', '--config', config, '--data-dir', `${dataDir}-cli`], urls));
    }
    for (let i = 0; i < rounds + 2; i++) {
      const t0 = performance.now();
      const sb = await startSandbox({ ports: 0, dataDir: path.join(dir, `inproc-${i}`), configFile: false });
      out.inProcessMs.push(performance.now() - t0);
      await sb.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
