/**
 * ats-sandbox: the command line. `up` runs the sandbox; the other commands drive a running one
 * through its control plane (default http://127.0.0.1:4000), the same API CI uses.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { startSandbox, type StartOptions } from '../sandbox.ts';
import { ConfigError, PROVIDERS, SERVICES, type ProviderKey, type ServiceName } from '../config.ts';
import { AdminClient, AdminError } from '../control-plane/client.ts';
import { renderCard, renderReport, hopLine, table } from './format.ts';

// The heavy subcommands (Pact, json-schema-to-typescript, prettier, js-yaml) load only when used, so
// `up` does not pay ~1 s of module loading for them (bench/: npm start until every service answers).
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
  '': `ats-sandbox: four emulated ATSs, a StackOne-style bridge and a reference partner, on your machine.

usage: ats-sandbox <command> [options]    (every command takes --help)

  up                      run the sandbox (npm start does this)
  trigger <ats>           a recruiter sends a test; prints the order id and every hop
  show <ats> <candidate>  the candidate card as the recruiter sees it
  journal [--follow]      every hop between the services
  reset                   forget orders, results and the journal
  schemas generate|check  regenerate schemas/generated and the OpenAPI document, or fail when they drifted
  schemas import-openapi FILE   update schemas/unified from a StackOne OpenAPI document
  verify --partner-base-url URL  check your partner service against the bridge → partner pacts
  contracts publish-dir   copy contracts/pacts/ to contracts/published/ (what verify reads)
  scenario list|explain|run   reproduce a customer's problem: troubleshooting scenarios

ATSs: ${PROVIDERS.join(', ')}`,
  up: `usage: ats-sandbox up [options]

  --partner-list-url URL     your Package's List Endpoint (both categories), instead of the reference partner
  --webhook-url URL          your order webhook receiver
  --webhook-secret S         its signing secret (x-stackone-signature)
  --static-package-id ID     a Static Package ID (used when there is no list URL)
  --auth-type T              partner | public+partner (hiring team in orders), for every ATS
  --config FILE              a sandbox.config.json (default ./sandbox.config.json when present)
  --host H                   interface to bind (default 127.0.0.1)
  --data-dir DIR             state folder (default .sandbox-data)
  --in-memory                keep no state on disk
  --allow-remote-targets     let scenarios and settings sent over HTTP point URLs beyond 127.0.0.1
  --only a,b                 start only these services (${SERVICES.join(', ')})
  --ports 0                  every service on a free port (parallel CI jobs); see --json for the URLs
  --json                     print the URLs and credentials as JSON`,
  trigger: `usage: ats-sandbox trigger <ats> [--category assessment|background_check] [--package ID] [--candidate ID] [--json] [--url CONTROL_PLANE]`,
  show: `usage: ats-sandbox show <ats> <candidate> [--json] [--url CONTROL_PLANE]   (candidates: cand_ada, cand_juston, cand_grace)`,
  journal: `usage: ats-sandbox journal [--follow] [--order ID] [--service S] [--limit N] [--json] [--url CONTROL_PLANE]`,
  reset: `usage: ats-sandbox reset [--url CONTROL_PLANE]`,
  schemas: `usage: ats-sandbox schemas generate|check|import-openapi FILE`,
};

const common: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, url: { type: 'string', default: 'http://127.0.0.1:4000' } };

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
    'allow-remote-targets': { type: 'boolean' },
    only: { type: 'string' },
    ports: { type: 'string' },
  });
  if (v.help) return help('up');
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
    if (t !== 'partner' && t !== 'public+partner') throw new UsageError('--auth-type is partner or public+partner');
    opts.providers = Object.fromEntries(PROVIDERS.map((p) => [p, { authType: t }]));
  }
  if (v.ports !== undefined) {
    if (v.ports !== '0') throw new UsageError('--ports takes 0 (free ports); set fixed ports in sandbox.config.json');
    opts.ports = 0;
  }
  if (v.host) opts.host = v.host as string;
  if (v['data-dir']) opts.dataDir = v['data-dir'] as string;
  if (v['in-memory']) opts.inMemory = true;
  if (v['allow-remote-targets']) opts.allowRemoteTargets = true;
  if (v.only) {
    const only = (v.only as string).split(',').map((s) => s.trim()) as ServiceName[];
    const bad = only.filter((s) => !SERVICES.includes(s));
    if (bad.length) throw new UsageError(`--only: unknown service ${bad.join(', ')}; known: ${SERVICES.join(', ')}`);
    opts.only = only;
  }
  const started = performance.now();
  const sb = await startSandbox(opts);
  const ms = Math.round(performance.now() - started);
  const running = (Object.keys(sb.urls) as ServiceName[]).filter((s) => !opts.only || opts.only.includes(s));
  if (v.json) {
    console.log(JSON.stringify({ urls: Object.fromEntries(running.map((s) => [s, sb.urls[s]])), apiKey: sb.apiKey, accounts: sb.accounts, startedInMs: ms }));
  } else {
    console.log(`ats-sandbox is up in ${ms} ms${opts.only ? ` (${opts.only.join(', ')})` : ''}\n`);
    console.log(table(running.map((s) => [s, sb.urls[s]]), ['service', 'url']));
    console.log(`\nAPI key (Basic auth user name, empty password): ${sb.apiKey}`);
    console.log(`Package lists: ${describeSource(sb)}`);
    console.log(`Order webhooks: ${sb.config.webhooks.map((w) => `${w.url} (secret ${w.secret}; events ${w.events.join(', ')})`).join('; ') || 'none'}\n`);
    console.log(table(Object.values(sb.accounts).map((a) => [a.provider, a.id, a.externalTriggerToken, sb.config.providers[a.provider].authType]), ['ats', 'x-account-id', 'External Trigger Token', 'auth type']));
    console.log(`\nTry:  curl -u '${sb.apiKey}:' -H 'x-account-id: ${sb.accounts.greenhouse.id}' ${sb.urls.bridge}/unified/ats/assessments/packages`);
    console.log(`      npx ats-sandbox trigger greenhouse && npx ats-sandbox show greenhouse cand_ada`);
    console.log(`\nDashboard and control plane: ${sb.urls.controlPlane}/   ·   Ctrl-C stops.`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sb.close();
  if (!v.json) console.log('\nstopped');
  return 0;
}

function describeSource(sb: Awaited<ReturnType<typeof startSandbox>>): string {
  const a = sb.config.providers.teamtailor.packages;
  const one = (s: { listUrl: string | null; staticPackageId: string | null }) => s.listUrl ?? (s.staticPackageId ? `static ${s.staticPackageId}` : 'none (the ATSs will show their error)');
  return `assessments ${one(a.assessment)}; background checks ${one(a.background_check)}`;
}

async function trigger(argv: string[]): Promise<number> {
  const { values: v, positionals } = args(argv, { category: { type: 'string' }, package: { type: 'string' }, candidate: { type: 'string' } });
  if (v.help) return help('trigger');
  const category = (v.category as string | undefined) ?? 'assessment';
  if (category !== 'assessment' && category !== 'background_check') throw new UsageError('--category is assessment or background_check');
  const report = await new AdminClient(() => v.url as string).sendTest(ats(positionals[0]), {
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
  const card = await new AdminClient(() => v.url as string).candidate(ats(positionals[0]), positionals[1] ?? 'cand_ada');
  console.log(v.json ? JSON.stringify(card, null, 2) : renderCard(card));
  return 0;
}

async function journal(argv: string[]): Promise<number> {
  const { values: v } = args(argv, { follow: { type: 'boolean', short: 'f' }, order: { type: 'string' }, service: { type: 'string' }, limit: { type: 'string' } });
  if (v.help) return help('journal');
  const admin = new AdminClient(() => v.url as string);
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
  await new AdminClient(() => v.url as string).reset();
  console.log('reset: orders, results, deliveries and the journal are gone; accounts and demo data stay');
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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
      case 'scenario':
        return await (await scenarioCli()).scenarioCommand(rest);
      case 'schemas':
        if (rest.includes('--help') || rest.includes('-h')) return help('schemas');
        return await (await schemasCli()).schemasCommand(rest[0], rest.slice(1));
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
    if (e instanceof ConfigError) {
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
    if (err.cause?.code === 'ECONNREFUSED') {
      console.error('ats-sandbox: no sandbox answers on the control plane. Start one with `npm start` (or pass --url).');
      return 1;
    }
    if (e instanceof TypeError && e.message === 'fetch failed') {
      console.error(`ats-sandbox: could not reach the control plane: ${(err.cause as Error | undefined)?.message ?? e.message}. Check --url.`);
      return 1;
    }
    throw e;
  }
}
