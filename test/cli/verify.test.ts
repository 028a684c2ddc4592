/**
 * `ats-sandbox verify` against independent partner services (test/fixtures/partners/, written from
 * StackOne's public docs, not from this code), both directions, judged by the bridge's own rules.
 * Each run gets a bridge port found free first (never 4010) that the partner is configured with, and
 * small timeouts through the options, as a user passes them through flags.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { partner, type RunningPartner } from '../fixtures/partners/index.ts';
import { BridgePortInUseError, verify, type VerifyOptions } from '../../harness/verify/run.ts';
import { renderJunit, renderText, type VerifyCheck, type VerifyReport } from '../../harness/verify/report.ts';
import { DEFAULT_API_KEY, DEFAULT_WEBHOOK_SECRET } from '../../harness/config.ts';
import { freePort, startInlinePartner } from './verify-partner.ts';

const BIN = path.resolve('bin/ats-sandbox.mjs');
// the extra orders with the webhook's inferred parts are checked by the correct partners and their own test
const FAST: Partial<VerifyOptions> = { resultTimeoutMs: 1_500, settleMs: 200, variants: false };

/** A fixture started against a bridge port nobody uses yet, then verify run against it. */
async function verifyFixture(name: string, o: Partial<VerifyOptions> = {}, fixture: { slowMs?: number } = {}): Promise<{ report: VerifyReport; ms: number; p: RunningPartner }> {
  const port = await freePort();
  const p = await partner(name).start({ stackoneBaseUrl: `http://127.0.0.1:${port}`, apiKey: DEFAULT_API_KEY, webhookSecret: DEFAULT_WEBHOOK_SECRET, ...fixture });
  const t = Date.now();
  try {
    const report = await verify({ packageListUrl: p.packageListUrl, backgroundCheckListUrl: p.backgroundCheckListUrl, webhookUrl: p.webhookUrl, bridgePort: port, ...FAST, ...o });
    return { report, ms: Date.now() - t, p };
  } finally {
    await p.close();
  }
}

const failing = (r: VerifyReport): VerifyCheck[] => r.checks.filter((c) => c.verdict === 'fail');
const check = (r: VerifyReport, name: RegExp, ats?: string, category?: string): VerifyCheck => {
  const c = r.checks.find((x) => name.test(x.name) && (!ats || x.ats === ats) && (!category || x.category === category));
  if (!c) throw new Error(`no check ${name} ${ats ?? ''} ${category ?? ''} in:\n${renderText(r)}`);
  return c;
};
const ONE = { ats: ['teamtailor' as const], categories: ['assessment' as const] };

describe('verify: correct partners pass both directions', () => {
  it('correct: every ATS and category, the recruiter sees each result', async () => {
    const { report } = await verifyFixture('correct', { variants: true });
    expect(report.ok, renderText(report)).toBe(true);
    const results = report.checks.filter((c) => c.direction === 'partner → bridge' && c.name === 'result update');
    expect(results).toHaveLength(8);
    expect(report.checks.filter((c) => /inferred parts|event names/.test(c.name)).map((c) => c.verdict)).toEqual(['pass', 'pass', 'pass', 'pass']);
    for (const c of results) {
      expect(c.verdict, renderText(report)).toBe('pass');
      expect(c.updates?.every((u) => u.accepted)).toBe(true);
      expect(c.card?.status).toBe('Completed');
      expect(c.card!.links.length + c.card!.attachments.length).toBeGreaterThan(0);
    }
    expect(check(report, /wrongly signed/).summary).toMatch(/refused with HTTP 401/);
    expect(check(report, /repeated order webhook/).verdict).toBe('pass');
    // every output parses
    expect(JSON.parse(JSON.stringify(report)).ok).toBe(true);
    expect(renderJunit(report)).toMatch(/<testsuites name="ats-sandbox verify" tests="\d+" failures="0"/);
    expect(renderText(report)).toMatch(/recruiter sees: .*Completed/);
  });

  it('correct-sparse: a webhook answered 202 counts as delivered, sparse results are accepted', async () => {
    const { report } = await verifyFixture('correct-sparse', { variants: true });
    expect(report.ok, renderText(report)).toBe(true);
    expect(check(report, /order webhook/, undefined, 'assessment').summary).toMatch(/HTTP 202/);
  });

  it('a webhook answering 204 passes (the dispatcher counts any 2xx)', async () => {
    const port = await freePort();
    const p = await startInlinePartner({ stackoneBaseUrl: `http://127.0.0.1:${port}`, apiKey: DEFAULT_API_KEY, webhookSecret: DEFAULT_WEBHOOK_SECRET, fault: 'webhook-204' });
    try {
      const r = await verify({ packageListUrl: p.packageListUrl, webhookUrl: p.webhookUrl, bridgePort: port, ...FAST, ats: ['greenhouse'] });
      expect(r.ok, renderText(r)).toBe(true);
      expect(check(r, /order webhook/, undefined, 'assessment').summary).toMatch(/HTTP 204/);
    } finally {
      await p.close();
    }
  });
});

describe("verify: the order webhook's inferred parts", () => {
  it('are sent only in their own check: a partner that refuses them fails only that one', async () => {
    const port = await freePort();
    const p = await startInlinePartner({ stackoneBaseUrl: `http://127.0.0.1:${port}`, apiKey: DEFAULT_API_KEY, webhookSecret: DEFAULT_WEBHOOK_SECRET, fault: 'refuses-inferred-parts' });
    try {
      const r = await verify({ packageListUrl: p.packageListUrl, webhookUrl: p.webhookUrl, bridgePort: port, ...FAST, variants: true, ats: ['teamtailor'] });
      expect(failing(r).map((c) => `${c.name} ${c.category}`).sort()).toEqual([
        'result update, webhook with the inferred parts (data copy, Idempotency-Key) assessment',
        'result update, webhook with the inferred parts (data copy, Idempotency-Key) background_check',
      ]);
      expect(failing(r)[0].problems[0]).toMatchObject({ reason: expect.stringMatching(/answered HTTP 400/), hint: expect.stringMatching(/read the order from event_data/) });
      const skipped = await verify({ packageListUrl: p.packageListUrl, webhookUrl: p.webhookUrl, bridgePort: port, ...FAST, ats: ['teamtailor'], variants: false });
      expect(skipped.ok, renderText(skipped)).toBe(true);
    } finally {
      await p.close();
    }
  });
});

describe('verify: the event names StackOne documents', () => {
  it('a service that acts only on the SmartRecruiters guide\'s names fails, and is told why', async () => {
    const { report } = await verifyFixture('webhook-smartrecruiters-event-names-only', { variants: true, ats: ['smartrecruiters'], categories: ['assessment'] });
    const main = check(report, /^result update$/, 'smartrecruiters');
    expect(main.verdict).toBe('fail');
    expect(main.problems[0]).toMatchObject({ what: 'no result update', hint: expect.stringMatching(/reported an order sent as assessment\.created but not this one, sent as ats_assessments\.created/) });
    expect(check(report, /event names/, 'smartrecruiters').verdict).toBe('pass');
  });
});

describe('verify: each faulty partner fails the matching check with its hint', () => {
  it('a slow package list fails at the bridge timeout, not after it answers', async () => {
    const { report, ms } = await verifyFixture('package-list-slow', { ...ONE, packageListTimeoutMs: 300 }, { slowMs: 3_000 });
    expect(report.ok).toBe(false);
    const c = check(report, /package list/, undefined, 'assessment');
    expect(c.problems[0]).toMatchObject({ what: 'too slow', reason: expect.stringMatching(/no answer within 300 ms/), hint: expect.stringMatching(/gives up after 300 ms/) });
    expect(ms).toBeLessThan(3_000);
  });

  it.each([
    ['package-list-500', 'HTTP status', /answered HTTP 500/, /your service failed/],
    ['package-list-invalid-json', 'not JSON', /not JSON/, /application\/json/],
    ['package-list-bare-array', 'wrong shape', /bare array/, /wrap the list as \{"data": \[\.\.\.\]\}/],
    ['package-list-missing-fields', 'missing field', /\/data\/0\/id is required/, /every package needs id and name/],
  ])('%s: %s', async (name, what, reason, hint) => {
    const { report } = await verifyFixture(name, ONE);
    expect(report.ok).toBe(false);
    const c = check(report, /package list/, undefined, 'assessment');
    expect(c.verdict).toBe('fail');
    expect(c.problems[0]).toMatchObject({ what, reason: expect.stringMatching(reason), hint: expect.stringMatching(hint) });
    if (name === 'package-list-500') expect(JSON.stringify(c.problems)).not.toMatch(/bare array/);
    // the rest is still judged: orders go out with a static package id
    expect(check(report, /result update/, 'teamtailor', 'assessment').verdict).toBe('pass');
  });

  it('webhook-500: the order webhook fails with the status and the retry hint', async () => {
    const { report } = await verifyFixture('webhook-500', ONE);
    const c = check(report, /order webhook/, undefined, 'assessment');
    expect(c.problems[0]).toMatchObject({ what: 'HTTP status', reason: expect.stringMatching(/answered HTTP 500; the bridge counts only 2xx/), hint: expect.stringMatching(/retries with backoff/) });
    expect(check(report, /result update/, 'teamtailor').verdict).toBe('skip');
  });

  it('webhook-down: "cannot connect … is your service running?" well within 10 s', async () => {
    const { report, ms, p } = await verifyFixture('webhook-down');
    expect(report.ok).toBe(false);
    expect(ms).toBeLessThan(10_000);
    const origin = new URL(p.webhookUrl).origin;
    expect(failing(report)[0].problems[0].reason).toContain(`cannot connect to ${origin} — is your service running?`);
  });

  it('webhook-no-signature-check: the wrongly signed webhook must be refused', async () => {
    const { report } = await verifyFixture('webhook-no-signature-check', ONE);
    expect(failing(report).map((c) => c.name)).toEqual(['wrongly signed order webhook is refused']);
    expect(failing(report)[0].problems[0]).toMatchObject({ what: 'signature not checked', reason: expect.stringMatching(/accepted \(HTTP 200\)/), hint: expect.stringMatching(/base64url\(HMAC-SHA256/) });
  });

  it('result-numeric-score: refused by the bridge, with its message and the fix', async () => {
    const { report } = await verifyFixture('result-numeric-score', ONE);
    const c = check(report, /result update/, 'teamtailor', 'assessment');
    expect(c.verdict).toBe('fail');
    expect(c.problems[0]).toMatchObject({ what: 'ValidationError', reason: expect.stringMatching(/400 .*\/score\/value/), hint: expect.stringMatching(/connectors\/meta\/teamtailor/) });
  });

  it('smartrecruiters-score-without-min-max: refused for SmartRecruiters only', async () => {
    const { report } = await verifyFixture('smartrecruiters-score-without-min-max', { ats: ['smartrecruiters', 'teamtailor'], categories: ['assessment'] });
    expect(check(report, /result update/, 'teamtailor').verdict).toBe('pass');
    const sr = check(report, /result update/, 'smartrecruiters');
    expect(sr.verdict).toBe('fail');
    expect(sr.problems[0].reason).toMatch(/\/score\/min/);
  });

  it('greenhouse-duplicate-update: the second Greenhouse update is refused (409); Teamtailor takes both', async () => {
    // a longer settle: the second update must be seen even on a busy machine
    const { report } = await verifyFixture('greenhouse-duplicate-update', { ats: ['greenhouse', 'teamtailor'], categories: ['assessment'], settleMs: 800 });
    expect(check(report, /result update/, 'teamtailor').verdict).toBe('pass');
    const gh = check(report, /result update/, 'greenhouse');
    expect(gh.verdict).toBe('fail');
    expect(gh.updates?.map((u) => u.status)).toEqual([200, 409]);
    expect(gh.problems[0]).toMatchObject({ what: 'DuplicateResultUpdateError', hint: expect.stringMatching(/Greenhouse accepts one result update per test/) });
  });

  it('webhook-not-idempotent: a repeated delivery that becomes a second Greenhouse update is a warning, a failure with strict', async () => {
    const lax = await verifyFixture('webhook-not-idempotent', { ats: ['greenhouse'], categories: ['assessment'], settleMs: 800 });
    expect(lax.report.ok).toBe(true);
    expect(check(lax.report, /repeated order webhook/).verdict).toBe('warn');
    const strict = await verifyFixture('webhook-not-idempotent', { ats: ['greenhouse'], categories: ['assessment'], settleMs: 800, strict: true });
    expect(strict.report.ok).toBe(false);
    expect(check(strict.report, /repeated order webhook/).warnings[0]).toMatch(/409 DuplicateResultUpdateError/);
  });

  it("the bridge's warnings pass with warnings, and fail with strict", async () => {
    const o = { ats: ['smartrecruiters' as const], categories: ['assessment' as const] };
    const lax = await verifyFixture('smartrecruiters-attachment-without-content-type', o);
    expect(lax.report.ok, renderText(lax.report)).toBe(true);
    const c = check(lax.report, /result update/, 'smartrecruiters');
    expect(c.verdict).toBe('warn');
    expect(c.warnings[0]).toMatch(/^\/attachments\/0\/content_type: /);
    expect(renderText(lax.report)).toMatch(/warning: \/attachments\/0\/content_type/);
    const strict = await verifyFixture('smartrecruiters-attachment-without-content-type', { ...o, strict: true });
    expect(strict.report.ok).toBe(false);
    expect(check(strict.report, /result update/, 'smartrecruiters').verdict).toBe('fail');
    expect(renderJunit(strict.report)).toMatch(/<failure message="\/attachments\/0\/content_type/);
  });

  it('result-url-private: accepted, but the recruiter cannot open the link: a warning', async () => {
    const { report } = await verifyFixture('result-url-private', ONE);
    expect(report.ok).toBe(true);
    const c = check(report, /result update/, 'teamtailor');
    expect(c.verdict).toBe('warn');
    expect(c.warnings.join('\n')).toMatch(/the recruiter opens it: Link "See results" .*HTTP 401/);
  });

  it('webhook-ignores-order: no result update within the timeout', async () => {
    const { report, ms } = await verifyFixture('webhook-ignores-order', { ...ONE, resultTimeoutMs: 700 });
    const c = check(report, /result update/, 'teamtailor');
    expect(c.problems[0]).toMatchObject({ what: 'no result update', reason: expect.stringMatching(new RegExp(`received order ${c.orderId} but sent no result update within 0\\.7 s`)) });
    expect(c.problems[0].hint).toMatch(/PATCH http:\/\/127\.0\.0\.1:\d+\/unified\/ats\/assessments\/orders\/ord_\w+\/result/);
    expect(ms).toBeLessThan(5_000);
  });

  it('result-wrong-api-key: the 401 refusal is shown with its hint', async () => {
    const { report } = await verifyFixture('result-wrong-api-key', ONE);
    expect(check(report, /result update/, 'teamtailor').problems[0]).toMatchObject({ what: 'UnauthorizedError', hint: expect.stringMatching(/API key as the user name/) });
  });
});

describe('verify: the bridge port', () => {
  it('a bridge port in use is an error naming the port, before any order', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as net.AddressInfo).port;
    const p = await startInlinePartner({ stackoneBaseUrl: `http://127.0.0.1:${port}`, apiKey: DEFAULT_API_KEY, webhookSecret: DEFAULT_WEBHOOK_SECRET });
    try {
      await expect(verify({ packageListUrl: p.packageListUrl, webhookUrl: p.webhookUrl, bridgePort: port, ...ONE })).rejects.toThrow(BridgePortInUseError);
      expect(p.orders).toEqual([]);
    } finally {
      await p.close();
      await new Promise<void>((r) => busy.close(() => r()));
    }
  });
});

describe('verify: the CLI', () => {
  const run = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    promisify(execFile)(process.execPath, [BIN, 'verify', ...args], { encoding: 'utf8', env: { ...process.env, ATS_SANDBOX_BRIDGE_URL: '' }, timeout: 20_000 }).then(
      (r) => ({ ...r, code: 0 }),
      (e: { code?: number; stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code ?? -1 }),
    );

  it('--json prints exactly the JSON; --reporter junit --out writes XML; exit 0 for a correct partner', async () => {
    const port = await freePort();
    const p = await partner('correct').start({ stackoneBaseUrl: `http://127.0.0.1:${port}`, apiKey: DEFAULT_API_KEY, webhookSecret: DEFAULT_WEBHOOK_SECRET });
    const dir = await mkdtemp(path.join(tmpdir(), 'verify-cli-'));
    try {
      const out = path.join(dir, 'verify.xml');
      const r = await run([
        '--package-list-url', p.packageListUrl, '--background-check-list-url', p.backgroundCheckListUrl, '--webhook-url', p.webhookUrl,
        '--bridge-url', `http://127.0.0.1:${port}`, '--result-timeout', '2000', '--settle', '200', '--ats', 'teamtailor,greenhouse',
        '--json', '--reporter', 'junit', '--out', out,
      ]);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      const json = JSON.parse(r.stdout) as VerifyReport;
      expect(json.ok).toBe(true);
      expect(json.bridgeUrl).toBe(`http://127.0.0.1:${port}`);
      expect(new Set(json.checks.filter((c) => c.ats).map((c) => c.ats))).toEqual(new Set(['teamtailor', 'greenhouse']));
      const xml = await readFile(out, 'utf8');
      expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="ats-sandbox verify" tests="\d+" failures="0"/);
    } finally {
      await p.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a partner that is not running: exit 1 within 10 s, the message and the report', async () => {
    const port = await freePort();
    const t = Date.now();
    const r = await run(['--partner-base-url', `http://127.0.0.1:${port}`, '--bridge-port', String(await freePort())]);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`cannot connect to http://127.0.0.1:${port} — is your service running?`);
    expect(r.stdout).toMatch(/verify: FAIL$/m);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it.each([
    [['--partner-base-url', 'nope'], /--partner-base-url "nope" is not an http\(s\) URL/],
    [['--package-list-url', 'ftp://x/p', '--webhook-url', 'http://127.0.0.1:1/w'], /ftp:\/\/x\/p is not an http\(s\) URL/],
    [[], /give --partner-base-url, or --package-list-url and --webhook-url/],
    [['--partner-base-url', 'http://127.0.0.1:1', '--bridge-port', '1', '--bridge-url', 'http://127.0.0.1:2'], /not both/],
    [['--partner-base-url', 'http://127.0.0.1:1', '--reporter', 'xml'], /--reporter is junit or json/],
    [['--partner-base-url', 'http://127.0.0.1:1', '--bridge-url', 'http://10.0.0.5:4010'], /--bridge-url must be http:\/\/127\.0\.0\.1:<port>/],
    [['--partner-base-url', 'http://127.0.0.1:1', '--bridge-port', '0'], /--bridge-port takes a whole number of at least 1/],
    [['--partner-base-url', 'http://127.0.0.1:1', '--ats', 'workday'], /--ats: unknown workday/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('usage error %j: exit 2, one line', async (args, message) => {
    const { verifyCommand } = await import('../../harness/cli/verify.ts');
    const lines: string[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => void lines.push(a.join(' '));
    try {
      expect(await verifyCommand(args as string[])).toBe(2);
    } finally {
      console.error = orig;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0].split('\n')).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('the bridge port: --bridge-port, else --bridge-url, else ATS_SANDBOX_BRIDGE_URL, else 4010', async () => {
    const { bridgePortOf } = await import('../../harness/cli/verify.ts');
    expect(bridgePortOf('4311', undefined, 'http://127.0.0.1:4999')).toBe(4311);
    expect(bridgePortOf(undefined, 'http://localhost:4312', 'http://127.0.0.1:4999')).toBe(4312);
    expect(bridgePortOf(undefined, undefined, 'http://127.0.0.1:4999/')).toBe(4999);
    expect(bridgePortOf(undefined, undefined, '')).toBe(4010);
    expect(() => bridgePortOf(undefined, undefined, 'http://127.0.0.1:4999/stackone')).toThrow(/ATS_SANDBOX_BRIDGE_URL must be http:\/\/127\.0\.0\.1:<port>, no path/);
  });

  it('--help documents every flag', async () => {
    const { VERIFY_HELP, parseVerifyArgs } = await import('../../harness/cli/verify.ts');
    const src = await readFile(path.resolve('harness/cli/verify.ts'), 'utf8');
    const flags = [...src.slice(src.indexOf('options: {')).matchAll(/^\s+'?([a-z-]+)'?: \{ type:/gm)].map((m) => m[1]);
    expect(flags.length).toBeGreaterThan(20);
    for (const f of flags) expect(VERIFY_HELP).toContain(`--${f}`);
    expect(parseVerifyArgs(['--help'])).toBeUndefined();
  });
});
