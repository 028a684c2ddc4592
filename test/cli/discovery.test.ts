/**
 * The CLI finds its sandbox: after `up --detach --ports 0` (how parallel CI jobs run it) every other
 * command reaches that sandbox with no --url, through the endpoint file; --url and ATS_SANDBOX_URL come
 * first; and when nothing answers, the message names the URL and where it came from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import express from 'express';
import { listen } from '../../harness/http/service-app.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/ats-sandbox.mjs');
let dir: string;
let endpoint: { controlPlane: string; pid: number; urls: Record<string, string> };
let goneUrl: string;

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, ATS_SANDBOX_QUIET: '1', ...extra };
  if (!('ATS_SANDBOX_URL' in extra)) delete e.ATS_SANDBOX_URL;
  return e;
};

/** the real command, run in `dir` (where `up` wrote .sandbox-data/endpoint.json) */
const cli = async (args: string[], extra: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> => {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: dir, env: env(extra), timeout: 20_000 });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-find-'));
  const up = await cli(['up', '--detach', '--ports', '0']);
  expect(up.code, up.err).toBe(0);
  endpoint = JSON.parse(await readFile(path.join(dir, '.sandbox-data', 'endpoint.json'), 'utf8'));
  const gone = await listen(express(), 0, '127.0.0.1');
  await gone.close();
  goneUrl = gone.url;
}, 30_000);

afterAll(async () => {
  try {
    process.kill(endpoint.pid, 'SIGKILL'); // when a test failed before down
  } catch {
    /* stopped by down */
  }
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI finds a sandbox started with up --detach --ports 0', () => {
  it('up --detach returned once it answered, on a free port, and recorded where', async () => {
    expect(endpoint.controlPlane).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(endpoint.controlPlane).not.toBe('http://127.0.0.1:4000');
    expect((await fetch(`${endpoint.controlPlane}/_sandbox/state`)).status).toBe(200);
  });

  it('wait, trigger, show, journal and reset reach it with no --url', async () => {
    const wait = await cli(['wait']);
    expect(wait.out).toContain(`the sandbox answers at ${endpoint.controlPlane} (.sandbox-data/endpoint.json, written by \`up\` (pid ${endpoint.pid}))`);
    const trigger = await cli(['trigger', 'recruitee']);
    expect(trigger.code, trigger.err).toBe(0);
    expect(trigger.out).toMatch(/order ord_\w+/);
    const show = await cli(['show', 'recruitee', 'cand_ada']);
    expect(show.code, show.err).toBe(0);
    expect(show.out).toMatch(/Recruitee · Ada Lovelace/);
    const journal = await cli(['journal', '--json']);
    expect(journal.out.trim().split('\n').map((l) => JSON.parse(l).service)).toContain('bridge');
    expect((await cli(['reset'])).code).toBe(0);
    expect((await cli(['journal', '--json'])).out.trim()).toBe('');
  });

  it('--url comes before ATS_SANDBOX_URL, which comes before the endpoint file; a miss names its source', async () => {
    const viaEnv = await cli(['show', 'recruitee', 'cand_ada'], { ATS_SANDBOX_URL: goneUrl });
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.err).toContain(`no sandbox answers on the control plane at ${goneUrl} (found through ATS_SANDBOX_URL)`);
    const viaFlag = await cli(['show', 'recruitee', 'cand_ada', '--url', endpoint.controlPlane], { ATS_SANDBOX_URL: goneUrl });
    expect(viaFlag.code, viaFlag.err).toBe(0);
    const flagMiss = await cli(['reset', '--url', goneUrl]);
    expect(flagMiss.err).toContain(`at ${goneUrl} (found through --url)`);
    const elsewhere = await cli(['reset', '--data-dir', 'nothing-here']);
    expect(elsewhere.err).toMatch(/at http:\/\/127\.0\.0\.1:4000 \(found through the default; there is no --url, no ATS_SANDBOX_URL, no nothing-here\/endpoint\.json\)/);
  });

  it('down stops it and removes the endpoint file; a second down says nothing is recorded', async () => {
    const down = await cli(['down']);
    expect(down.code, down.err).toBe(0);
    expect(down.out).toContain(`stopped the sandbox at ${endpoint.controlPlane} (pid ${endpoint.pid})`);
    expect(existsSync(path.join(dir, '.sandbox-data', 'endpoint.json'))).toBe(false);
    expect(await fetch(`${endpoint.controlPlane}/_sandbox/state`).then(() => 'answers', () => 'gone')).toBe('gone');
    const again = await cli(['down']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/no sandbox recorded in \.sandbox-data\/endpoint\.json/);
  });

  it('a stale endpoint file (its process gone) is named as such', async () => {
    await writeFile(path.join(dir, '.sandbox-data', 'endpoint.json'), JSON.stringify({ ...endpoint, controlPlane: goneUrl }));
    const r = await cli(['journal']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`at ${goneUrl} (found through .sandbox-data/endpoint.json, written by \`up\` (pid ${endpoint.pid}); its process ${endpoint.pid} is gone, so the file is stale)`);
  });
});
