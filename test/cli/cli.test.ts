/** The ats-sandbox command as a user runs it: a real `up` process, then trigger, show, journal and reset against it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.ts';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { listen } from '../../harness/http/service-app.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/ats-sandbox.mjs');
let up: ChildProcess;
let urls: Record<string, string>;
let exited: Promise<number | null>;
let upDir: string;

/** The real command, in a process of its own (slow: tsx starts each time). */
const spawned = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { timeout: 20_000 });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
};

/** The same command through main(), in this process, with its output captured. */
const cli = runCli;

beforeAll(async () => {
  // its own working directory: `up` records its endpoint in ./.sandbox-data, not in the checkout's
  upDir = await mkdtemp(path.join(tmpdir(), 'cli-up-'));
  up = spawn('node', [BIN, 'up', '--ports', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'], cwd: upDir });
  exited = new Promise((r) => up.on('exit', (code) => r(code)));
  urls = await new Promise((resolve, reject) => {
    let buf = '';
    up.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).urls);
    });
    up.on('exit', (code) => reject(new Error(`up exited ${code}`)));
    setTimeout(() => reject(new Error('up did not print its URLs')), 15_000);
  });
}, 20_000);

afterAll(async () => {
  if (up.exitCode === null) up.kill('SIGINT');
  await exited;
  await rm(upDir, { recursive: true, force: true });
});

describe('ats-sandbox CLI', () => {
  it('trigger prints each step, the order id and the hops', async () => {
    const r = await spawned('trigger', 'greenhouse', '--category', 'background_check', '--url', urls.controlPlane);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/greenhouse: send background check to cand_ada/);
    expect(r.out).toMatch(/✓ open the send-test form: \d package\(s\) offered/);
    expect(r.out).toMatch(/order ord_\w+/);
    expect(r.out).toMatch(/greenhouse → bridge\s+external-trigger/);
    expect(r.out).toMatch(/bridge → partner\s+order-webhook/);
  });

  it('show prints the candidate card as the recruiter sees it', async () => {
    let out = '';
    for (let i = 0; i < 50 && !out.includes('View Report'); i++) {
      out = (await cli('show', 'greenhouse', 'cand_ada', '--url', urls.controlPlane)).out;
      await new Promise((x) => setTimeout(x, 100));
    }
    expect(out).toContain('Greenhouse · Ada Lovelace');
    expect(out).toMatch(/View Report ↗ http/);
    expect(out).toMatch(/Notes: Clear: identity verified/);
  });

  it('journal lists hops as JSON lines, and reset empties it', async () => {
    const j = await cli('journal', '--json', '--url', urls.controlPlane);
    const hops = j.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(hops.some((h) => h.hop === 'package-list')).toBe(true);
    expect((await cli('reset', '--url', urls.controlPlane)).code).toBe(0);
    expect((await cli('journal', '--json', '--url', urls.controlPlane)).out.trim()).toBe('');
  });

  it('explains usage mistakes with exit code 2 and an unreachable sandbox with exit code 1', async () => {
    const bad = await cli('trigger', 'workday');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/name an ATS: teamtailor, recruitee, greenhouse, smartrecruiters \(not "workday"\)/);
    const gone = await listen(express(), 0, '127.0.0.1');
    await gone.close();
    const none = await cli('show', 'greenhouse', 'cand_ada', '--url', gone.url);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no sandbox answers on the control plane/);
  });

  it('refuses to start with a bad config file, naming the field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cli-'));
    try {
      const file = path.join(dir, 'sandbox.config.json');
      await writeFile(file, JSON.stringify({ delivery: { maxAttempts: 'three' } }));
      const r = await spawned('up', '--config', file, '--ports', '0');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/\/delivery\/maxAttempts must be integer/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops cleanly on Ctrl-C', async () => {
    up.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
