/**
 * `ats-sandbox scenario list|explain|run`: troubleshooting scenarios from scenarios/*.json, each in
 * its own sandbox. `run` prints each verdict as it comes (a failure with its timeline and
 * explanation), writes a JSON or JUnit report, and exits 1 when any scenario failed.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PROVIDERS } from '../config.ts';
import { explainScenario, type Scenario } from '../scenarios/definitions.ts';
import { findScenario, loadScenarios, SCENARIOS_DIR } from '../scenarios/loader.ts';
import { assertPortFree, DEFAULT_BRIDGE_PORT, PortInUseError, runScenarios, type OwnPartner } from '../scenarios/runner.ts';
import { renderResult } from '../scenarios/results.ts';
import { jsonReport, junitReport, REPORTERS, summarise, type ReporterName } from '../scenarios/reporters.ts';
import { table } from './format.ts';

export const SCENARIO_HELP = `usage: ats-sandbox scenario <list|explain|run> ...

  scenario list [--ats A] [--tag T] [--json]      every scenario: name, ATS, what it reproduces
  scenario explain <name>                         one scenario in plain words: setup, steps, expectations
  scenario run <name…|--all> [options]            run scenarios, each in its own sandbox on free ports

run options:
  --all                      every scenario (with --ats A / --tag T: those only)
  --reporter text|json|junit report format (default text)
  --out FILE                 write the json/junit report there (default: standard output)
  --timeline                 print the timeline of hops of passing scenarios too
  --concurrency N            scenarios at once (default 4)
  --timeout MS               how long waits and results may take per expectation
  --time virtual|real        virtual (default with the reference partner): each sandbox starts with its
                             clock frozen and waits advance it, so retries and delays cost no real time;
                             real: waits sleep (always so against your own partner)
  --partner-list-url URL     your Package's List Endpoint instead of the reference partner
  --background-check-list-url URL  your background-check list, when it is another URL
  --webhook-url URL          your order webhook receiver (with --webhook-secret S)
  --bridge-port N            with your partner: the bridge's port, the one your partner is configured
                             to call (default 4010: http://127.0.0.1:4010); every other service takes a
                             free port. Scenarios then run one at a time; those that check the sandbox
                             with the reference partner's broken behaviours are skipped, with the reason
  --dir DIR                  another scenarios folder (default ${SCENARIOS_DIR})

exit status: 0 all passed, 1 a scenario failed, 2 bad usage or an invalid scenario file`;

const fail = (msg: string): number => {
  console.error(`ats-sandbox scenario: ${msg}\n\n${SCENARIO_HELP}`);
  return 2;
};

export async function scenarioCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        ats: { type: 'string' },
        tag: { type: 'string' },
        reporter: { type: 'string', default: 'text' },
        out: { type: 'string' },
        timeline: { type: 'boolean' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        time: { type: 'string' },
        'partner-list-url': { type: 'string' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'background-check-list-url': { type: 'string' },
        'bridge-port': { type: 'string' },
        dir: { type: 'string' },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (v.help || !sub || sub === 'help' || sub === '--help' || sub === '-h') {
    console.log(SCENARIO_HELP);
    return 0;
  }
  const dir = v.dir ?? SCENARIOS_DIR;
  if (v.ats && !PROVIDERS.includes(v.ats as never)) return fail(`--ats is one of ${PROVIDERS.join(', ')}`);
  const { scenarios, problems } = loadScenarios(dir);
  for (const p of problems) console.error(`invalid scenario ${p.file}: ${p.message}`);
  const filtered = scenarios.filter((s) => (!v.ats || s.ats === v.ats) && (!v.tag || s.tags?.includes(v.tag)));

  if (sub === 'list') {
    if (v.json) console.log(JSON.stringify(filtered.map((s) => ({ name: s.name, ats: s.ats, category: s.category, tags: s.tags ?? [], description: s.description, symptom: s.seed?.symptom })), null, 2));
    else console.log(table(filtered.map((s) => [s.name, s.ats, s.seed?.symptom ?? s.description].map((c, i) => (i === 2 && c.length > 90 ? `${c.slice(0, 87)}...` : c))), ['scenario', 'ats', 'reproduces']));
    return problems.length ? 2 : 0;
  }
  if (sub === 'explain') {
    if (!positionals.length) return fail('name a scenario');
    for (const name of positionals) console.log(`${explainScenario(findOrFail(name, dir))}\n`);
    return 0;
  }
  if (sub !== 'run') return fail(`unknown subcommand ${JSON.stringify(sub)}`);

  const reporter = v.reporter as ReporterName;
  if (!REPORTERS.includes(reporter)) return fail(`--reporter is one of ${REPORTERS.join(', ')}`);
  let chosen: Scenario[];
  if (v.all) chosen = filtered;
  else if (positionals.length) chosen = positionals.map((n) => findOrFail(n, dir));
  else return fail('name scenarios to run, or --all');
  if (problems.length && v.all) return 2;
  const partner: OwnPartner | undefined =
    v['partner-list-url'] || v['webhook-url'] || v['background-check-list-url']
      ? { listUrl: v['partner-list-url'], backgroundCheckListUrl: v['background-check-list-url'], webhookUrl: v['webhook-url'], webhookSecret: v['webhook-secret'] }
      : undefined;
  const bridgePort = v['bridge-port'] !== undefined ? Number(v['bridge-port']) : DEFAULT_BRIDGE_PORT;
  if (!Number.isInteger(bridgePort) || bridgePort < 1 || bridgePort > 65535) return fail('--bridge-port is a port number from 1 to 65535');
  if (v['bridge-port'] !== undefined && !partner) return fail('--bridge-port goes with --partner-list-url / --webhook-url (your own partner)');
  const concurrency = v.concurrency ? Number(v.concurrency) : undefined;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) return fail('--concurrency is a whole number from 1');
  const timeoutMs = v.timeout ? Number(v.timeout) : undefined;
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1)) return fail('--timeout is a number of milliseconds');

  const time = v.time as string | undefined;
  if (time !== undefined && time !== 'virtual' && time !== 'real') return fail('--time is virtual or real');
  if (time === 'virtual' && partner) return fail('--time virtual needs the reference partner: your own partner runs on real time');

  const started = Date.now();
  const toStdout = reporter !== 'text' && !v.out;
  const say = toStdout ? (s: string) => console.error(s) : (s: string) => console.log(s);
  if (partner) {
    try {
      await assertPortFree(bridgePort);
    } catch (e) {
      if (!(e instanceof PortInUseError)) throw e;
      console.error(`ats-sandbox scenario: ${e.message}`);
      return 2;
    }
  }
  if (partner) say(`Running against your partner service (${[partner.listUrl, partner.backgroundCheckListUrl, partner.webhookUrl].filter(Boolean).join(', ')}); the bridge listens on http://127.0.0.1:${bridgePort} (your partner must call StackOne there).`);
  let results;
  try {
    results = await runScenarios(chosen, {
      ...(partner ? { partner, bridgePort } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(time ? { time } : {}),
      onResult: (r) => say(renderResult(r, { timeline: v.timeline })),
    });
  } catch (e) {
    if (e instanceof PortInUseError) {
      console.error(`ats-sandbox scenario: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const ms = Date.now() - started;
  const s = summarise(results, ms);
  if (reporter !== 'text') {
    const report = reporter === 'json' ? jsonReport(results, ms) : junitReport(results, ms);
    if (v.out) writeFileSync(v.out, report);
    else process.stdout.write(report);
  }
  say(`\n${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''} (${s.total} scenarios, ${ms} ms)${v.out ? ` · ${reporter} report in ${v.out}` : ''}`);
  return s.failed ? 1 : 0;
}

function findOrFail(name: string, dir: string): Scenario {
  return findScenario(name, dir);
}
