/**
 * The package as a user gets it: `npm pack`, then `npm install <tarball>` into a fresh project (from the
 * local npm cache where it can). Plain Node imports every entry point, a strict nodenext TypeScript
 * project compiles against the published types, the bin runs with no loader, and the CI steps of
 * docs/ci.md run as written there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';

const run = promisify(execFile);
const ROOT = path.resolve('.');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let tmp: string;
let app: string;
let installedMb: number;
const env: NodeJS.ProcessEnv = { ...process.env, PACT_DO_NOT_TRACK: 'true', ATS_SANDBOX_QUIET: '1', npm_config_update_notifier: 'false' };
delete env.ATS_SANDBOX_URL;

const npm = (args: string[], cwd: string) => run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, env, timeout: 90_000 });

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'ats-pkg-'));
  app = path.join(tmp, 'app');
  await mkdir(app);
  // dist/ is up to date (test/global-setup.ts); --ignore-scripts skips prepack's second build
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, env, timeout: 60_000 });
  const tarball = path.join(tmp, (JSON.parse(stdout) as Array<{ filename: string }>)[0].filename);
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'partner-app', private: true, type: 'module' }));
  await npm(['install', tarball], app);
  installedMb = Number((await run('du', ['-sk', path.join(app, 'node_modules')])).stdout.split('\t')[0]) / 1024;
  // msw, the optional peer that `ats-sandbox/msw` needs: this checkout's copy, linked (a second install
  // would add seconds); @types/node came with the package (through @types/express)
  await symlink(path.join(ROOT, 'node_modules', 'msw'), path.join(app, 'node_modules', 'msw'), 'dir');
}, 180_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the packed package, installed into a fresh project', () => {
  it('installs in at most 70 MB, without the maintainers’ tools', () => {
    expect(installedMb).toBeLessThanOrEqual(70);
    for (const dev of ['tsx', 'esbuild', 'typescript', 'prettier', 'json-schema-to-typescript', 'concurrently', 'vitest']) {
      expect(existsSync(path.join(app, 'node_modules', dev)), dev).toBe(false);
    }
    // compiled JavaScript and declarations, no TypeScript sources
    const pkg = path.join(app, 'node_modules', 'ats-sandbox');
    expect(existsSync(path.join(pkg, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(path.join(pkg, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(path.join(pkg, 'index.ts'))).toBe(false);
    expect(existsSync(path.join(pkg, 'harness', 'sandbox.ts'))).toBe(false);
  });

  it('imports every entry point from plain Node, and finds its schemas, scenarios, dashboard and pacts', async () => {
    const script = `
      const root = await import('ats-sandbox');
      const schemas = await import('ats-sandbox/schemas');
      const msw = await import('ats-sandbox/msw');
      const schema = (await import('ats-sandbox/schemas/unified/result-update.schema.json', { with: { type: 'json' } })).default;
      const pact = (await import('ats-sandbox/contracts/ats-sandbox-bridge-partner.json', { with: { type: 'json' } })).default;
      const manifest = (await import('ats-sandbox/package.json', { with: { type: 'json' } })).default;
      const bad = schemas.validate('unified/result-update', { score: { value: {} } });
      const sb = await root.startSandbox({ ports: 0 });
      const page = await fetch(sb.urls.controlPlane + '/');
      const html = await page.text();
      const scenarios = root.loadScenarios().scenarios.length;
      await sb.close();
      console.log(JSON.stringify({ startSandbox: typeof root.startSandbox, validate: typeof schemas.validate, bridgeHandlers: typeof msw.createBridgeHandlers,
        schemaId: schema.$id, pactConsumer: pact.consumer.name, name: manifest.name, badValid: bad.valid, badPointer: bad.issues[0]?.pointer,
        dashboard: page.status + ' ' + html.includes('<html'), scenarios }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app, env, timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({
      startSandbox: 'function',
      validate: 'function',
      bridgeHandlers: 'function',
      schemaId: 'https://ats-sandbox.local/schemas/unified/result-update.schema.json',
      pactConsumer: 'ats-sandbox-bridge',
      name: 'ats-sandbox',
      badValid: false,
      badPointer: expect.stringMatching(/^\/score/),
      dashboard: '200 true',
      scenarios: expect.any(Number),
    });
    expect(JSON.parse(stdout).scenarios).toBeGreaterThan(10);
  });

  it('type-checks a strict nodenext TypeScript consumer with 0 errors (declaration files checked too)', async () => {
    await writeFile(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, resolveJsonModule: true, types: ['node'] }, files: ['consumer.ts'] }),
    );
    await writeFile(
      path.join(app, 'consumer.ts'),
      `import { startSandbox, runScenario, type Sandbox, type StartOptions, type Scenario, type OrderWebhook } from 'ats-sandbox';
import { validate, type ResultUpdate, type Verdict } from 'ats-sandbox/schemas';
import { createBridgeHandlers } from 'ats-sandbox/msw';
import schema from 'ats-sandbox/schemas/unified/result-update.schema.json' with { type: 'json' };

const options: StartOptions = { ports: 0, inMemory: true };
const sb: Sandbox = await startSandbox(options);
const update: ResultUpdate = {};
const verdict: Verdict = validate('unified/result-update', update);
const hook: OrderWebhook | undefined = undefined;
const scenario: Scenario | undefined = undefined;
console.log(sb.urls.bridge, verdict.valid, createBridgeHandlers, schema.$id, hook, scenario, runScenario);
await sb.close();
`,
    );
    const r = await run(process.execPath, [TSC, '-p', app], { cwd: app, env, timeout: 60_000 }).catch((e: { stdout: string; code: number }) => e);
    expect('stdout' in r ? r.stdout : '').toBe('');
  });

  it('runs the bin with no loader: help, a maintainer command explained, the scenarios listed', async () => {
    const bin = path.join(app, 'node_modules', '.bin', 'ats-sandbox');
    const help = await run(bin, ['--help'], { cwd: app, env });
    expect(help.stdout).toMatch(/usage: ats-sandbox <command>/);
    const list = await run(bin, ['scenario', 'list'], { cwd: app, env });
    expect(list.stdout).toMatch(/greenhouse-duplicate-result-update-refused/);
    const gen = await run(bin, ['schemas', 'check'], { cwd: app, env }).catch((e: { code: number; stderr: string }) => e);
    expect(gen).toMatchObject({ code: 2, stderr: expect.stringMatching(/for a checkout of ats-sandbox/) });
  });

  describe('the CI steps of docs/ci.md', () => {
    let partner: Sandbox;
    // verify's bridge listens where the partner service calls StackOne: a port found free, told to both
    let bridgeUrl: string;
    beforeAll(async () => {
      const port = await new Promise<number>((resolve) => {
        const s = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as net.AddressInfo).port;
          s.close(() => resolve(p));
        });
      });
      bridgeUrl = `http://127.0.0.1:${port}`;
      partner = await startSandbox({
        ports: { controlPlane: 0, bridge: port, teamtailor: 0, recruitee: 0, greenhouse: 0, smartrecruiters: 0, partner: 0 },
        only: ['partner'],
        configFile: false,
        inMemory: true,
        partner: { completeAfterMs: 20 },
      });
    });
    afterAll(async () => {
      await partner?.close();
    });

    it('start the sandbox detached on free ports, run the partner’s tests, verify and a scenario with JUnit output, and stop it', async () => {
      const doc = await readFile(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
      const block = /<!-- ci-steps:start -->\s*```sh\n([\s\S]*?)```\s*<!-- ci-steps:end -->/.exec(doc)?.[1];
      expect(block).toBeTruthy();
      // the partner's own tests, and one scenario instead of all (each runs a sandbox of its own)
      const steps = block!
        .replace(/^npm test\b.*$/m, 'node partner-test.mjs')
        .replace('scenario run --all', 'scenario run greenhouse-duplicate-result-update-refused');
      expect(steps).toContain('node partner-test.mjs');
      expect(steps).toContain('scenario run greenhouse-duplicate-result-update-refused');
      await writeFile(
        path.join(app, 'partner-test.mjs'),
        `import { readFileSync } from 'node:fs';
const e = JSON.parse(readFileSync('.sandbox-data/endpoint.json', 'utf8'));
const res = await fetch(process.env.STACKONE_BASE_URL + '/unified/ats/assessments/packages', {
  headers: { authorization: 'Basic ' + Buffer.from(e.apiKey + ':').toString('base64'), 'x-account-id': e.accounts.greenhouse.id },
});
if (res.status !== 200) { console.error('packages answered', res.status); process.exit(1); }
console.log('partner tests passed against', process.env.STACKONE_BASE_URL);
`,
      );
      const out = await run('sh', ['-e', '-c', steps], { cwd: app, env: { ...env, PARTNER_URL: partner.urls.partner, ATS_SANDBOX_BRIDGE_URL: bridgeUrl }, timeout: 90_000 }).catch((e: { stdout: string; stderr: string; code: number }) => {
        throw new Error(`the CI steps failed (${e.code}):\n${e.stdout}\n${e.stderr}`);
      });
      expect(out.stdout).toMatch(/ats-sandbox is up in the background/);
      expect(out.stdout).toMatch(/the sandbox answers at http:\/\/127\.0\.0\.1:\d+ \(\.sandbox-data\/endpoint\.json/);
      expect(out.stdout).toMatch(/partner tests passed against http:\/\/127\.0\.0\.1:\d+/);
      expect(out.stdout).toMatch(/order ord_\w+/);
      expect(out.stdout).toMatch(/stopped the sandbox at http:\/\/127\.0\.0\.1:\d+/);
      expect(await readFile(path.join(app, 'reports', 'verify.xml'), 'utf8')).toMatch(/<testsuite[^>]*failures="0"/);
      expect(await readFile(path.join(app, 'reports', 'scenarios.xml'), 'utf8')).toMatch(/<testsuite[^>]*failures="0"/);
      expect(existsSync(path.join(app, '.sandbox-data', 'endpoint.json'))).toBe(false);
    });
  });
});
