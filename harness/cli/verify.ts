/**
 * `ats-sandbox verify`: judges a partner's real service by the bridge's own rules, in both directions
 * (harness/verify/run.ts), and `ats-sandbox contracts publish-dir`: refresh the shipped copy of the pacts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, PROVIDERS, type Category, type ProviderKey } from '../config.ts';
import { PACTS_DIR, publishPacts, PUBLISHED_DIR } from '../contracts/pact-files.ts';
import { BridgePortInUseError, DEFAULT_BRIDGE_PORT, DEFAULT_RESULT_TIMEOUT_MS, DEFAULT_SETTLE_MS, bridgePackageListTimeoutMs, targetsOf, verify, VerifyOptionsError, type VerifyOptions } from '../verify/run.ts';
import { renderJson, renderJunit, renderText } from '../verify/report.ts';

export const VERIFY_HELP = `usage: ats-sandbox verify --partner-base-url URL [options]
       ats-sandbox verify --package-list-url URL --webhook-url URL [options]

Judges your running service by the bridge's own rules, both ways:
  bridge → partner  your package list (fetched and judged as the bridge does: its ${bridgePackageListTimeoutMs()} ms timeout),
                    the order webhook (any 2xx counts as delivered, as the bridge's dispatcher counts it),
                    and a webhook signed with a wrong secret (must be refused with a 4xx, e.g. 401);
  partner → bridge  for each ATS and category a recruiter sends a test, your service gets a real signed
                    order webhook and must PATCH its result to the bridge; each update is judged by the
                    bridge (refusals, warnings, a second Greenhouse update), and the report shows what the
                    recruiter sees on the candidate card.
verify starts its own sandbox in this process: every service on a free port except the bridge, which
listens on --bridge-port so that your service, configured with http://127.0.0.1:<port> as its StackOne
base URL, reaches it. Exit status: 0 all pass, 1 a check failed (or warned, with --strict), 2 usage error.

your service
  --partner-base-url URL          where your service listens, e.g. http://127.0.0.1:8080
  --package-list-path P           your Package's List Endpoint path (default /packages/assessments)
  --background-check-list-path P  the background-check list path (default: --package-list-path, else /packages/background-checks)
  --webhook-path P                your order webhook path (default /webhooks/orders)
  --package-list-url URL          the list's full URL instead of base URL + path (both categories)
  --background-check-list-url URL a separate list URL for background checks
  --webhook-url URL               the webhook's full URL instead of base URL + path
  --webhook-secret S              the secret your webhook checks x-stackone-signature with (default the sandbox's)
  --signing-secret S              secret of the package-list signature (default: --webhook-secret)
  --api-key K                     the StackOne API key your service uses (Basic auth both ways; default the sandbox's)
  --basic key|key-colon           Basic value of the list call: base64(key) as StackOne's docs show (default) or base64(key:)

the bridge
  --bridge-port N                 the port the bridge listens on, on 127.0.0.1 (default ${DEFAULT_BRIDGE_PORT}); your service's
                                  StackOne base URL must be http://127.0.0.1:N
  --bridge-url URL                the same, as your service is configured: http://127.0.0.1:N or http://localhost:N
                                  (default: env ATS_SANDBOX_BRIDGE_URL); only one of --bridge-port / --bridge-url

judging
  --result-timeout MS             how long to wait for your first result update per order (default ${DEFAULT_RESULT_TIMEOUT_MS})
  --settle MS                     after an update, how long to wait for another one (default ${DEFAULT_SETTLE_MS})
  --list-timeout MS               the package-list timeout (default the bridge's own, ${bridgePackageListTimeoutMs()})
  --ats LIST                      only these ATSs, comma-separated (default all: ${PROVIDERS.join(',')})
  --category LIST                 only these categories (default both: ${CATEGORIES.join(',')})
  --strict                        warnings fail the run (what the bridge accepted on a best guess)
  --skip-variants                 do not send the extra orders per category whose webhook differs where StackOne's
                                  docs are not settled: with the inferred parts (the order repeated under "data",
                                  Idempotency-Key; not coping fails) and with the SmartRecruiters guide's event names
                                  (assessment.created, background_check.created; not coping is a warning)

output
  --json                          print the report as JSON (stdout is exactly the JSON)
  --reporter junit|json           write the report in this format to --out (or to stdout instead of the text)
  --out FILE                      where --reporter writes
  -h, --help                      this text`;

export const CONTRACTS_HELP = `usage: ats-sandbox contracts publish-dir [--from DIR] [--to DIR]

Copies the pacts the consumer tests wrote (contracts/pacts/) to contracts/published/, the copy that
ships with the package and that partners can verify their service against with Pact.`;

/** A usage error; the CLI prints its message on one line and exits 2. */
export class VerifyUsageError extends Error {}

const posInt = (v: unknown, flag: string, min = 1): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new VerifyUsageError(`${flag} takes a whole number of at least ${min} (got ${JSON.stringify(v)})`);
  return n;
};

const listOf = <T extends string>(v: unknown, flag: string, known: readonly T[]): T[] | undefined => {
  if (v === undefined) return undefined;
  const items = String(v).split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !known.includes(i as T));
  if (!items.length || bad.length) throw new VerifyUsageError(`${flag}: unknown ${bad.join(', ') || 'value'}; known: ${known.join(', ')}`);
  return items as T[];
};

/** The bridge port from --bridge-port, --bridge-url or ATS_SANDBOX_BRIDGE_URL. */
export function bridgePortOf(port: unknown, url: unknown, env = process.env.ATS_SANDBOX_BRIDGE_URL): number {
  if (port !== undefined && url !== undefined) throw new VerifyUsageError('give --bridge-port or --bridge-url, not both');
  if (port !== undefined) {
    const n = posInt(port, '--bridge-port')!;
    if (n > 65_535) throw new VerifyUsageError(`--bridge-port ${n} is not a port`);
    return n;
  }
  const raw = (url as string | undefined) ?? (env || undefined);
  if (raw === undefined) return DEFAULT_BRIDGE_PORT;
  const from = url !== undefined ? '--bridge-url' : 'ATS_SANDBOX_BRIDGE_URL';
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new VerifyUsageError(`${from} ${JSON.stringify(raw)} is not a URL`);
  }
  if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || (u.pathname !== '/' && u.pathname !== '')) {
    throw new VerifyUsageError(`${from} must be http://127.0.0.1:<port>, no path (the bridge runs here, on loopback, at the root); got ${raw}`);
  }
  return Number(u.port || 80);
}

/** The options of a verify command line; throws VerifyUsageError. undefined for --help. */
export function parseVerifyArgs(argv: string[]): { options: VerifyOptions; json: boolean; reporter?: 'junit' | 'json'; out?: string } | undefined {
  let v: Record<string, string | boolean | undefined>;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        'skip-variants': { type: 'boolean' },
        'partner-base-url': { type: 'string' },
        'package-list-path': { type: 'string' },
        'background-check-list-path': { type: 'string' },
        'webhook-path': { type: 'string' },
        'package-list-url': { type: 'string' },
        'background-check-list-url': { type: 'string' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'signing-secret': { type: 'string' },
        'api-key': { type: 'string' },
        basic: { type: 'string' },
        'bridge-port': { type: 'string' },
        'bridge-url': { type: 'string' },
        'result-timeout': { type: 'string' },
        settle: { type: 'string' },
        'list-timeout': { type: 'string' },
        ats: { type: 'string' },
        category: { type: 'string' },
        reporter: { type: 'string' },
        out: { type: 'string' },
      },
    }).values;
  } catch (e) {
    throw new VerifyUsageError((e as Error).message.split('\n')[0]);
  }
  if (v.help) return undefined;
  const reporter = v.reporter as string | undefined;
  if (reporter !== undefined && reporter !== 'junit' && reporter !== 'json') throw new VerifyUsageError('--reporter is junit or json');
  if (v.out !== undefined && !reporter) throw new VerifyUsageError('--out needs --reporter junit|json');
  if (reporter === 'junit' && v.out === undefined && v.json) throw new VerifyUsageError('--json and --reporter junit both print to stdout: give --out FILE for the JUnit report');
  const basic = v.basic as string | undefined;
  if (basic !== undefined && basic !== 'key' && basic !== 'key-colon') throw new VerifyUsageError('--basic is key or key-colon');
  for (const k of ['package-list-path', 'background-check-list-path', 'webhook-path'] as const) {
    const p = v[k] as string | undefined;
    if (p !== undefined && !p.startsWith('/')) throw new VerifyUsageError(`--${k} must start with / (got ${JSON.stringify(p)})`);
    if (p !== undefined && !v['partner-base-url']) throw new VerifyUsageError(`--${k} needs --partner-base-url`);
  }
  const listTimeout = posInt(v['list-timeout'], '--list-timeout', 50);
  if (listTimeout !== undefined && listTimeout > 120_000) throw new VerifyUsageError('--list-timeout is at most 120000');
  const options: VerifyOptions = {
    partnerBaseUrl: v['partner-base-url'] as string | undefined,
    packageListPath: v['package-list-path'] as string | undefined,
    backgroundCheckListPath: v['background-check-list-path'] as string | undefined,
    webhookPath: v['webhook-path'] as string | undefined,
    packageListUrl: v['package-list-url'] as string | undefined,
    backgroundCheckListUrl: v['background-check-list-url'] as string | undefined,
    webhookUrl: v['webhook-url'] as string | undefined,
    webhookSecret: v['webhook-secret'] as string | undefined,
    signingSecret: v['signing-secret'] as string | undefined,
    apiKey: v['api-key'] as string | undefined,
    basicStyle: basic === 'key-colon' ? 'key-colon' : 'key',
    bridgePort: bridgePortOf(v['bridge-port'], v['bridge-url']),
    resultTimeoutMs: posInt(v['result-timeout'], '--result-timeout'),
    settleMs: posInt(v.settle, '--settle', 0),
    packageListTimeoutMs: listTimeout,
    strict: v.strict === true,
    variants: v['skip-variants'] !== true,
    ats: listOf<ProviderKey>(v.ats, '--ats', PROVIDERS),
    categories: listOf<Category>(v.category, '--category', CATEGORIES),
  };
  try {
    targetsOf(options);
  } catch (e) {
    throw new VerifyUsageError((e as Error).message);
  }
  return { options, json: v.json === true, ...(reporter ? { reporter: reporter as 'junit' | 'json' } : {}), ...(v.out ? { out: v.out as string } : {}) };
}

export async function verifyCommand(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseVerifyArgs>;
  try {
    parsed = parseVerifyArgs(argv);
  } catch (e) {
    if (!(e instanceof VerifyUsageError)) throw e;
    console.error(`ats-sandbox verify: ${e.message} (see ats-sandbox verify --help)`);
    return 2;
  }
  if (!parsed) {
    console.log(VERIFY_HELP);
    return 0;
  }
  let report;
  try {
    report = await verify(parsed.options);
  } catch (e) {
    if (e instanceof BridgePortInUseError || e instanceof VerifyOptionsError) {
      console.error(`ats-sandbox verify: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const text = parsed.json ? renderJson(report) : renderText(report);
  if (parsed.reporter) {
    const out = parsed.reporter === 'junit' ? renderJunit(report) : renderJson(report);
    if (parsed.out) {
      await mkdir(path.dirname(path.resolve(parsed.out)), { recursive: true });
      await writeFile(parsed.out, out);
      console.log(text);
      if (!parsed.json) console.log(`${parsed.reporter} report written to ${parsed.out}`);
    } else process.stdout.write(out);
  } else console.log(parsed.json ? text.trimEnd() : text);
  return report.ok ? 0 : 1;
}

export async function contractsCommand(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' }, from: { type: 'string' }, to: { type: 'string' } } });
  if (v.help || positionals[0] !== 'publish-dir') {
    console.log(CONTRACTS_HELP);
    return v.help ? 0 : 2;
  }
  const to = v.to ? path.resolve(v.to) : PUBLISHED_DIR;
  let files: string[];
  try {
    files = await publishPacts(v.from ? path.resolve(v.from) : PACTS_DIR, to);
  } catch (e) {
    console.error(`ats-sandbox: ${(e as Error).message}`);
    return 1;
  }
  console.log(`published ${files.length} pact(s) to ${path.relative(process.cwd(), to) || to}: ${files.join(', ')}`);
  return 0;
}
