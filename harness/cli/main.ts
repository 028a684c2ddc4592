/**
 * ats-sandbox: the command line. `up` runs the sandbox; the other commands drive a running one
 * through its control plane, found by --url, ATS_SANDBOX_URL, the endpoint file `up` writes in its
 * data dir, or http://127.0.0.1:4000 (./endpoint.ts), the same API CI uses.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Sandbox, StartOptions } from '../sandbox.ts';
import { PROVIDERS, SERVICES, type ProviderKey, type ServiceName } from '../names.ts';
import { AdminClient, AdminError } from '../control-plane/client.ts';
import { renderCard, renderReport, hopLine, table } from './format.ts';
import { alive, answers, clearEndpoint, dataDirFor, readEndpoint, resolveTarget, URL_ENV, writeEndpoint, type Endpoint, type Target } from './endpoint.ts';

// Each command imports only what it needs: `--help` and the client commands load no server code, and
// the heavy ones (Pact, json-schema-to-typescript) load only behind their own command
// (bench/: --help beside a bare node, npm start until every service answers).
const sandboxModule = () => import('../sandbox.ts');
const schemasCli = () => import('./schemas.ts');
const scenarioCli = () => import('./scenario.ts');
const verifyCli = () => import('./verify.ts');

async function helpText(command: string): Promise<string | undefined> {
  if (command === 'verify') return (await verifyCli()).VERIFY_HELP;
  if (command === 'contracts') return (await verifyCli()).CONTRACTS_HELP;
  if (command === 'scenario') return (await scenarioCli()).SCENARIO_HELP;
  return HELP[command];
}

const HELP: Record<string, string> = {
  '': `ats-sandbox: ATS emulators, a StackOne-style bridge and a reference partner, on your machine.

usage: ats-sandbox <command> [options]    (every command takes --help)

  up                      run the sandbox (npm start does this); --detach runs it in the background
  wait                    wait until the sandbox answers (CI: after up --detach)
  down                    stop the sandbox that up started (CI)
  trigger <ats>           a recruiter sends a test; prints the order id and every hop
  show <ats> <candidate>  the candidate card as the recruiter sees it
  journal [--follow]      every hop between the services
  reset                   forget orders, results and the journal
  schemas generate|check  regenerate schemas/generated and the OpenAPI document, or fail when they drifted
  schemas import-openapi FILE   update schemas/unified from a StackOne OpenAPI document
  verify --partner-base-url URL  judge your partner service by the bridge's rules, both ways
  contracts publish-dir   copy contracts/pacts/ to contracts/published/ (what verify reads)
  clock freeze|advance|resume|show   the sandbox's virtual clock (advance 7d runs what falls due)
  scenario list|explain|run   reproduce a customer's problem: troubleshooting scenarios

ATSs: ${PROVIDERS.join(', ')}

Which sandbox: every command but up talks to the control plane at --url, else $${URL_ENV}, else the one
recorded by up in <data dir>/endpoint.json (--data-dir, default .sandbox-data), else http://127.0.0.1:4000.`,
  clock: `usage: ats-sandbox clock show|freeze [ISO date]|advance DURATION|resume

  show                 the clock: real or frozen, its time, the timers waiting and the next one
  freeze [ISO date]    stop time (at that instant, else now); deliveries, retries, completions wait
  advance DURATION     move time forward (90s, 2h, 7d, 1h30m, 2w): runs what falls due, in time order,
                       and returns when the sandbox is quiet again
  resume               let time run again from where it stands
  --json               print the answer as JSON`,
  up: `usage: ats-sandbox up [options]

  --partner-list-url URL     your Package's List Endpoint (both categories), instead of the reference partner
  --webhook-url URL          your order webhook receiver
  --webhook-secret S         its signing secret (x-stackone-signature)
  --static-package-id ID     a Static Package ID (used when there is no list URL)
  --auth-type T              partner | public+partner (hiring team in orders) | public (no External Trigger Token), for every ATS
  --config FILE              a sandbox.config.json (default ./sandbox.config.json when present)
  --host H                   interface to bind (default 127.0.0.1)
  --data-dir DIR             state folder (default .sandbox-data)
  --in-memory                keep no state on disk
  --strict                   refuse (400) what the bridge would accept with a warning
  --allow-remote-targets     let scenarios and settings sent over HTTP point URLs beyond 127.0.0.1
  --only a,b                 start only these services (${SERVICES.join(', ')})
  --ports 0                  every service on a free port (parallel CI jobs); see --json for the URLs
  --json                     print the URLs and credentials as JSON
  --detach                   start in the background, wait until every service answers, print the URLs and
                             return (output in <data dir>/up.log); stop it with ats-sandbox down

  up records where it listens in <data dir>/endpoint.json; the other commands read it.`,
  trigger: `usage: ats-sandbox trigger <ats> [--category assessment|background_check] [--package ID] [--candidate ID] [--json] [--url CONTROL_PLANE] [--data-dir DIR]`,
  show: `usage: ats-sandbox show <ats> <candidate> [--json] [--url CONTROL_PLANE] [--data-dir DIR]   (candidates: cand_ada, cand_juston, cand_grace)`,
  journal: `usage: ats-sandbox journal [--follow] [--order ID] [--service S] [--limit N] [--json] [--url CONTROL_PLANE] [--data-dir DIR]`,
  reset: `usage: ats-sandbox reset [--url CONTROL_PLANE] [--data-dir DIR]`,
  wait: `usage: ats-sandbox wait [--timeout SECONDS] [--url CONTROL_PLANE] [--data-dir DIR]

  waits until the sandbox's control plane answers (default 30 s); exit 1 when it does not`,
  down: `usage: ats-sandbox down [--timeout SECONDS] [--data-dir DIR]

  stops the sandbox that \`up\` recorded in <data dir>/endpoint.json (SIGTERM, then waits for it to exit)`,
  schemas: `usage: ats-sandbox schemas generate|check|import-openapi FILE`,
};

const common: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, url: { type: 'string' }, 'data-dir': { type: 'string' } };

/** The sandbox a client command talks to, kept for the message when nothing answers there. */
let target: Target | undefined;

function client(v: { url?: unknown; 'data-dir'?: unknown }): AdminClient {
  const t = resolveTarget({ url: v.url as string | undefined, dataDir: v['data-dir'] as string | undefined });
  target = t;
  return new AdminClient(() => t.url);
}

class UsageError extends Error {}

function help(command: string): number {
  console.log(HELP[command]);
  return 0;
}

function args(argv: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args: argv, options: { ...common, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const ats = (v: string | undefined): ProviderKey => {
  if (!v || !PROVIDERS.includes(v as ProviderKey)) throw new UsageError(`name an ATS: ${PROVIDERS.join(', ')}${v ? ` (not ${JSON.stringify(v)})` : ''}`);
  return v as ProviderKey;
};

async function up(argv: string[]): Promise<number> {
  const { values: v } = args(argv, {
    'partner-list-url': { type: 'string' },
    'webhook-url': { type: 'string' },
    'webhook-secret': { type: 'string' },
    'static-package-id': { type: 'string' },
    'auth-type': { type: 'string' },
    config: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'in-memory': { type: 'boolean' },
    strict: { type: 'boolean' },
    'allow-remote-targets': { type: 'boolean' },
    only: { type: 'string' },
    ports: { type: 'string' },
    detach: { type: 'boolean' },
  });
  if (v.help) return help('up');
  if (v.detach) return detach(argv.filter((a) => a !== '--detach'), v['data-dir'] as string | undefined, Boolean(v.json));
  const opts: StartOptions = { configFile: (v.config as string | undefined) ?? undefined };
  const listUrl = v['partner-list-url'] as string | undefined;
  const staticId = v['static-package-id'] as string | undefined;
  if (listUrl || staticId) {
    const src = { ...(listUrl ? { listUrl } : {}), ...(staticId ? { staticPackageId: staticId } : {}) };
    opts.packages = { assessment: src, background_check: src };
  }
  if (v['webhook-url']) opts.webhooks = [{ id: 'wh_cli', url: v['webhook-url'] as string, ...(v['webhook-secret'] ? { secret: v['webhook-secret'] as string } : {}) }];
  if (v['auth-type']) {
    const t = v['auth-type'] as string;
    if (t !== 'partner' && t !== 'public+partner' && t !== 'public') throw new UsageError('--auth-type is partner, public+partner or public');
    opts.providers = Object.fromEntries(PROVIDERS.map((p) => [p, { authType: t }]));
  }
  if (v.ports !== undefined) {
    if (v.ports !== '0') throw new UsageError('--ports takes 0 (free ports); set fixed ports in sandbox.config.json');
    opts.ports = 0;
  }
  if (v.host) opts.host = v.host as string;
  if (v['data-dir']) opts.dataDir = v['data-dir'] as string;
  if (v['in-memory']) opts.inMemory = true;
  if (v.strict) opts.strict = true;
  if (v['allow-remote-targets']) opts.allowRemoteTargets = true;
  if (v.only) {
    const only = (v.only as string).split(',').map((s) => s.trim()) as ServiceName[];
    const bad = only.filter((s) => !SERVICES.includes(s));
    if (bad.length) throw new UsageError(`--only: unknown service ${bad.join(', ')}; known: ${SERVICES.join(', ')}`);
    opts.only = only;
  }
  const started = performance.now();
  const { startSandbox } = await sandboxModule();
  const sb = await startSandbox(opts);
  const ms = Math.round(performance.now() - started);
  const running = (Object.keys(sb.urls) as ServiceName[]).filter((s) => !opts.only || opts.only.includes(s));
  // where it listens, for the other commands (split mode: the process that runs the control plane)
  const endpointDir = v['data-dir'] ? path.resolve(v['data-dir'] as string) : (sb.config.dataDir ?? dataDirFor(undefined));
  const previous = running.includes('controlPlane') ? readEndpoint(endpointDir) : undefined;
  if (previous && previous.pid !== process.pid && alive(previous.pid)) {
    console.error(`ats-sandbox: ${path.relative(process.cwd(), path.join(endpointDir, 'endpoint.json'))} recorded another running sandbox (${previous.controlPlane}, pid ${previous.pid}); it now records this one. Give each sandbox its own --data-dir to keep both.`);
  }
  const endpointFile = running.includes('controlPlane')
    ? writeEndpoint(endpointDir, { controlPlane: sb.urls.controlPlane, urls: Object.fromEntries(running.map((s) => [s, sb.urls[s]])), apiKey: sb.apiKey, accounts: sb.accounts, pid: process.pid, startedAt: new Date().toISOString() })
    : undefined;
  const urlFlag = sb.urls.controlPlane === 'http://127.0.0.1:4000' ? '' : ` --url ${sb.urls.controlPlane}`;
  if (v.json) {
    console.log(JSON.stringify({ urls: Object.fromEntries(running.map((s) => [s, sb.urls[s]])), apiKey: sb.apiKey, accounts: sb.accounts, startedInMs: ms, pid: process.pid, ...(endpointFile ? { endpointFile } : {}) }));
  } else {
    console.log(`ats-sandbox is up in ${ms} ms${opts.only ? ` (${opts.only.join(', ')})` : ''}\n`);
    console.log(table(running.map((s) => [s, sb.urls[s]]), ['service', 'url']));
    console.log(`\nAPI key (Basic auth user name, empty password): ${sb.apiKey}`);
    console.log(`Package lists: ${describeSource(sb)}`);
    console.log(`Order webhooks: ${sb.config.webhooks.map((w) => `${w.url} (secret ${w.secret}; events ${w.events.join(', ')})`).join('; ') || 'none'}\n`);
    console.log(table(Object.values(sb.accounts).map((a) => [a.provider, a.id, a.externalTriggerToken, sb.config.providers[a.provider].authType]), ['ats', 'x-account-id', 'External Trigger Token', 'auth type']));
    console.log(`\nTry:  curl -u '${sb.apiKey}:' -H 'x-account-id: ${sb.accounts.greenhouse.id}' ${sb.urls.bridge}/unified/ats/assessments/packages`);
    console.log(`      npx ats-sandbox trigger greenhouse${urlFlag} && npx ats-sandbox show greenhouse cand_ada${urlFlag}`);
    if (endpointFile) console.log(`      (from this folder the commands find it without --url: ${path.relative(process.cwd(), endpointFile) || endpointFile}; elsewhere set ${URL_ENV}=${sb.urls.controlPlane})`);
    console.log(`\nDashboard and control plane: ${sb.urls.controlPlane}/   ·   Ctrl-C stops.`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (endpointFile) clearEndpoint(endpointDir, process.pid);
  await sb.close();
  if (!v.json) console.log('\nstopped');
  return 0;
}

/**
 * `up --detach`: the same `up` in a process of its own (output in <data dir>/up.log); returns once every
 * service answers, printing where, or fails with the end of the log when the process exits first.
 */
async function detach(argv: string[], dataDir: string | undefined, json: boolean): Promise<number> {
  const dir = dataDirFor(dataDir);
  const previous = readEndpoint(dir);
  if (previous && alive(previous.pid)) {
    console.error(`ats-sandbox: a sandbox recorded in ${path.relative(process.cwd(), path.join(dir, 'endpoint.json'))} still runs (${previous.controlPlane}, pid ${previous.pid}); this one replaces that record and down will stop this one only. Give each sandbox its own --data-dir to keep both.`);
  }
  mkdirSync(dir, { recursive: true });
  const log = path.join(dir, 'up.log');
  const fd = openSync(log, 'w');
  const { PACKAGE_ROOT } = await import('../assets.ts');
  const bin = path.join(PACKAGE_ROOT, 'bin', 'ats-sandbox.mjs');
  const child = spawn(process.execPath, [bin, 'up', ...argv.filter((a) => a !== '--json'), '--json'], {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, ATS_SANDBOX_SKIP_BUILD_CHECK: '1' },
  });
  closeSync(fd);
  let exit: number | null | undefined;
  child.once('exit', (code, signal) => (exit = code ?? (signal ? 1 : 0)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const line = readFileSync(log, 'utf8').split('\n').find((l) => l.startsWith('{'));
    if (line) {
      child.unref();
      const up = JSON.parse(line) as Omit<Endpoint, 'controlPlane'> & { endpointFile?: string };
      if (json) console.log(JSON.stringify({ ...up, log }));
      else {
        const cp = up.urls.controlPlane;
        console.log(`ats-sandbox is up in the background (pid ${up.pid}; output in ${path.relative(process.cwd(), log)})\n`);
        console.log(table(Object.entries(up.urls).map(([s, u]) => [s, u ?? '']), ['service', 'url']));
        console.log(`\nAPI key: ${up.apiKey}`);
        if (cp) console.log(`Other commands find it through ${up.endpointFile ? path.relative(process.cwd(), up.endpointFile) : '--url'}, or pass --url ${cp} (or set ${URL_ENV}=${cp}).`);
        console.log('Stop it with: npx ats-sandbox down');
      }
      return 0;
    }
    if (exit !== undefined || Date.now() > deadline) {
      if (exit === undefined) child.kill('SIGTERM');
      const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-15).join('\n');
      console.error(`ats-sandbox: the sandbox ${exit === undefined ? 'did not start within 30 s' : `exited (${exit}) before it was up`}. Its output (${log}):\n${tail}`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitCommand(argv: string[]): Promise<number> {
  const { values: v } = args(argv, { timeout: { type: 'string' } });
  if (v.help) return help('wait');
  const seconds = Number((v.timeout as string | undefined) ?? 30);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError('--timeout is a number of seconds');
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    // read the target again each round: `up` writes its endpoint file only once it listens
    const t = resolveTarget({ url: v.url as string | undefined, dataDir: v['data-dir'] as string | undefined });
    if (await answers(t.url)) {
      console.log(v.json ? JSON.stringify({ url: t.url, source: t.source }) : `the sandbox answers at ${t.url} (${t.source})`);
      return 0;
    }
    if (Date.now() > deadline) {
      console.error(`ats-sandbox: no sandbox answered at ${t.url} within ${seconds} s (found through ${t.source})`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function down(argv: string[]): Promise<number> {
  const { values: v } = args(argv, { timeout: { type: 'string' } });
  if (v.help) return help('down');
  const dir = dataDirFor(v['data-dir'] as string | undefined);
  const e = readEndpoint(dir);
  const file = path.relative(process.cwd(), path.join(dir, 'endpoint.json'));
  if (!e) {
    console.error(`ats-sandbox: no sandbox recorded in ${file}: down stops the one \`up\` started with this data dir (pass --data-dir)`);
    return 1;
  }
  if (v.url && (v.url as string).replace(/\/+$/, '') !== e.controlPlane) {
    console.error(`ats-sandbox: ${file} records the sandbox at ${e.controlPlane}, not ${v.url as string}; down stops only a sandbox \`up\` recorded`);
    return 1;
  }
  if (!alive(e.pid)) {
    clearEndpoint(dir, e.pid);
    console.log(`the sandbox recorded in ${file} (pid ${e.pid}) had already stopped; removed the stale file`);
    return 0;
  }
  process.kill(e.pid, 'SIGTERM');
  const deadline = Date.now() + Number((v.timeout as string | undefined) ?? 10) * 1000;
  while (alive(e.pid)) {
    if (Date.now() > deadline) {
      console.error(`ats-sandbox: the sandbox (pid ${e.pid}) did not stop; it was sent SIGTERM`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  clearEndpoint(dir, e.pid);
  console.log(`stopped the sandbox at ${e.controlPlane} (pid ${e.pid})`);
  return 0;
}

function describeSource(sb: Sandbox): string {
  const a = sb.config.providers.teamtailor.packages;
  const one = (s: { listUrl: string | null; staticPackageId: string | null }) => s.listUrl ?? (s.staticPackageId ? `static ${s.staticPackageId}` : 'none (the ATSs will show their error)');
  return `assessments ${one(a.assessment)}; background checks ${one(a.background_check)}`;
}

async function trigger(argv: string[]): Promise<number> {
  const { values: v, positionals } = args(argv, { category: { type: 'string' }, package: { type: 'string' }, candidate: { type: 'string' } });
  if (v.help) return help('trigger');
  const category = (v.category as string | undefined) ?? 'assessment';
  if (category !== 'assessment' && category !== 'background_check') throw new UsageError('--category is assessment or background_check');
  const report = await client(v).sendTest(ats(positionals[0]), {
    category,
    ...(v.package ? { packageId: v.package as string } : {}),
    ...(v.candidate ? { candidateId: v.candidate as string } : {}),
  });
  console.log(v.json ? JSON.stringify(report, null, 2) : renderReport(report));
  return report.ok ? 0 : 1;
}

async function show(argv: string[]): Promise<number> {
  const { values: v, positionals } = args(argv, {});
  if (v.help) return help('show');
  const card = await client(v).candidate(ats(positionals[0]), positionals[1] ?? 'cand_ada');
  console.log(v.json ? JSON.stringify(card, null, 2) : renderCard(card));
  return 0;
}

async function journal(argv: string[]): Promise<number> {
  const { values: v } = args(argv, { follow: { type: 'boolean', short: 'f' }, order: { type: 'string' }, service: { type: 'string' }, limit: { type: 'string' } });
  if (v.help) return help('journal');
  const admin = client(v);
  let after: number | undefined;
  for (;;) {
    const entries = await admin.journal({ after, orderId: v.order as string | undefined, service: v.service as string | undefined, limit: (v.limit as string | undefined) ?? 200 });
    for (const e of entries) console.log(v.json ? JSON.stringify(e) : hopLine(e));
    if (entries.length) after = entries[entries.length - 1].seq;
    if (!v.follow) return 0;
    after ??= 0;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function reset(argv: string[]): Promise<number> {
  const { values: v } = args(argv, {});
  if (v.help) return help('reset');
  await client(v).reset();
  console.log('reset: orders, results, deliveries and the journal are gone; accounts and demo data stay');
  return 0;
}

/** `--out FILE` (verify, scenario run): its folder is created, as CI jobs write reports/…xml into a fresh checkout. */
function makeOutDir(argv: string[]): void {
  const i = argv.findIndex((a) => a === '--out' || a.startsWith('--out='));
  const file = i < 0 ? undefined : argv[i].startsWith('--out=') ? argv[i].slice(6) : argv[i + 1];
  if (file && !file.startsWith('-')) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'verify' || command === 'scenario') makeOutDir(rest);
  try {
    switch (command) {
      case 'up':
        return await up(rest);
      case 'trigger':
        return await trigger(rest);
      case 'show':
        return await show(rest);
      case 'journal':
        return await journal(rest);
      case 'reset':
        return await reset(rest);
      case 'wait':
        return await waitCommand(rest);
      case 'down':
        return await down(rest);
      case 'scenario':
        return await (await scenarioCli()).scenarioCommand(rest);
      case 'clock': {
        const { values: v, positionals } = args(rest, {});
        if (v.help) return help('clock');
        const { clockCli } = await import('./clock.ts');
        return await clockCli(client(v), positionals, Boolean(v.json)).catch((e: Error) => {
          if (e.name !== 'ClockUsageError') throw e;
          throw new UsageError(e.message);
        });
      }
      case 'schemas':
        if (rest.includes('--help') || rest.includes('-h')) return help('schemas');
        return await (await schemasCli()).schemasCommand(rest[0], rest.slice(1)).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'ERR_MODULE_NOT_FOUND' || !e.message.includes('json-schema-to-typescript')) throw e;
          console.error('ats-sandbox: `schemas generate` and `schemas check` are for a checkout of ats-sandbox (they rewrite its schemas/generated/); `npm ci` there installs json-schema-to-typescript, which they need.');
          return 2;
        });
      case 'verify':
        return await (await verifyCli()).verifyCommand(rest);
      case 'contracts':
        return await (await verifyCli()).contractsCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log((await helpText(rest[0] ?? '')) ?? HELP['']);
        return 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (e) {
    if (e instanceof UsageError || (command === 'verify' || command === 'contracts' ? e instanceof (await verifyCli()).VerifyUsageError : false)) {
      console.error(`ats-sandbox: ${(e as Error).message}\n\n${(await helpText(command ?? '')) ?? HELP['']}`);
      return 2;
    }
    if (e instanceof (await import('../config.ts')).ConfigError) {
      console.error(`ats-sandbox: ${e.message}`);
      return 2;
    }
    if (e instanceof AdminError) {
      console.error(`ats-sandbox: ${e.message}`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException & { cause?: { code?: string } };
    if (err.code === 'EADDRINUSE') {
      console.error(`ats-sandbox: a port is already in use (${err.message}). Is another sandbox running? Stop it, or set other ports in sandbox.config.json.`);
      return 1;
    }
    const where = target ? ` at ${target.url} (found through ${target.source})` : '';
    if (err.cause?.code === 'ECONNREFUSED') {
      console.error(`ats-sandbox: no sandbox answers on the control plane${where}. Start one with \`npm start\` or \`ats-sandbox up --detach\`, or pass --url / set ${URL_ENV}.`);
      return 1;
    }
    if (e instanceof TypeError && e.message === 'fetch failed') {
      console.error(`ats-sandbox: could not reach the control plane${where}: ${(err.cause as Error | undefined)?.message ?? e.message}. Check --url / ${URL_ENV}.`);
      return 1;
    }
    throw e;
  }
}
