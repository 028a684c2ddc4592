/**
 * `ats-sandbox verify`: Pact verification of a partner's real service against the bridge → partner
 * contract (package list and order webhook, at the partner's own paths), and
 * `ats-sandbox contracts publish-dir`: refresh the shipped copy of the pacts.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyPartner } from '../contracts/partner-verifier.ts';
import { renderJson, renderJunit, renderText } from '../contracts/verify-report.ts';
import { PACTS_DIR, publishPacts, PUBLISHED_DIR } from '../contracts/pact-files.ts';

export const VERIFY_HELP = `usage: ats-sandbox verify --partner-base-url URL [options]

Replays the bridge → partner contract (contracts/published/ats-sandbox-bridge-partner.json) against your
running service and names every field that does not match. Exit status 0 when everything passes, 1 when not.

  --partner-base-url URL       where your service listens, e.g. http://127.0.0.1:8080
  --package-list-path P        your Package's List Endpoint path (default /packages/assessments)
  --background-check-list-path P   a separate list path for background checks (default: --package-list-path)
  --webhook-path P             your order webhook receiver path (default /webhooks/orders)
  --webhook-secret S           the webhook signing secret your service checks (default the sandbox's)
  --signing-secret S           secret of the package-list signature (default: --webhook-secret)
  --api-key K                  the API key your package list expects in Basic auth (default the sandbox's)
  --basic key|key-colon        Basic value: base64(key) as StackOne's docs show (default) or base64(key:)
  --provider-states-url URL    POSTed {state, params, action:"setup"} before each interaction
  --pact FILE                  another pact file (default the published one)
  --reporter junit|json        also write a report in this format (to --out, or stdout)
  --out FILE                   where to write the report
  --json                       print the report as JSON instead of text

One interaction is signed with a wrong secret on purpose: your webhook must answer it with 401.`;

export const CONTRACTS_HELP = `usage: ats-sandbox contracts publish-dir [--from DIR] [--to DIR]

Copies the pacts the consumer tests wrote (contracts/pacts/) to contracts/published/, the copy that
ships with the package and that \`ats-sandbox verify\` reads.`;

export class VerifyUsageError extends Error {}

export async function verifyCommand(argv: string[]): Promise<number> {
  let v: Record<string, string | boolean | undefined>;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        'partner-base-url': { type: 'string' },
        'package-list-path': { type: 'string' },
        'background-check-list-path': { type: 'string' },
        'webhook-path': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'signing-secret': { type: 'string' },
        'api-key': { type: 'string' },
        basic: { type: 'string' },
        'provider-states-url': { type: 'string' },
        pact: { type: 'string' },
        reporter: { type: 'string' },
        out: { type: 'string' },
      },
    }).values;
  } catch (e) {
    throw new VerifyUsageError((e as Error).message);
  }
  if (v.help) {
    console.log(VERIFY_HELP);
    return 0;
  }
  const base = v['partner-base-url'] as string | undefined;
  if (!base) throw new VerifyUsageError('--partner-base-url is required');
  try {
    new URL(base);
  } catch {
    throw new VerifyUsageError(`--partner-base-url ${JSON.stringify(base)} is not a URL`);
  }
  const reporter = v.reporter as string | undefined;
  if (reporter && reporter !== 'junit' && reporter !== 'json') throw new VerifyUsageError('--reporter is junit or json');
  const basic = v.basic as string | undefined;
  if (basic && basic !== 'key' && basic !== 'key-colon') throw new VerifyUsageError('--basic is key or key-colon');
  for (const k of ['package-list-path', 'background-check-list-path', 'webhook-path'] as const) {
    const p = v[k] as string | undefined;
    if (p !== undefined && !p.startsWith('/')) throw new VerifyUsageError(`--${k} must start with / (got ${JSON.stringify(p)})`);
  }

  const report = await verifyPartner({
    partnerBaseUrl: base,
    packageListPath: v['package-list-path'] as string | undefined,
    backgroundCheckListPath: v['background-check-list-path'] as string | undefined,
    webhookPath: v['webhook-path'] as string | undefined,
    webhookSecret: v['webhook-secret'] as string | undefined,
    signingSecret: v['signing-secret'] as string | undefined,
    apiKey: v['api-key'] as string | undefined,
    basicStyle: basic === 'key-colon' ? 'key-colon' : 'key',
    providerStatesUrl: v['provider-states-url'] as string | undefined,
    pactFile: v.pact ? path.resolve(v.pact as string) : undefined,
  });
  // Pact's own verifier log goes to stdout first; the report follows it.
  console.log(v.json ? renderJson(report) : `\n──── ats-sandbox verify report ────\n${renderText(report)}`);
  if (reporter) {
    const text = reporter === 'junit' ? renderJunit(report) : renderJson(report);
    if (v.out) {
      await writeFile(v.out as string, text);
      console.log(`${reporter} report written to ${v.out}`);
    } else console.log(text);
  }
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
