/**
 * Isolation and secrets: every bridge route needs the API key; one linked account can neither read nor
 * update another's orders or packages; each emulator and each ATS's external-trigger side refuses the
 * other ATSs' credentials; after full loops through all four ATSs no API key, token, client secret or
 * webhook secret appears in the journal (memory and file), the logs or any control-plane output; and
 * the services listen on 127.0.0.1 unless told otherwise.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { PROVIDERS, type ProviderKey, type ServiceName } from '../../harness/config.ts';
import { DEMO_ACCOUNTS, SECRET_NATIVE_KEYS } from '../../harness/demo.ts';
import { basic } from '../../harness/signing.ts';
import { partnerHeaders, resultPath } from '../helpers.ts';
import { bridgeRoutes, recordCalls, type Recorded } from './routes.ts';
import { send } from './support.ts';

let sb: Sandbox;
let dataDir: string;
let recorded: Recorded[];
const logged: string[] = [];
const AUTH_HEADERS = ['authorization', 'x-api-key', 'rt-partner-secret', 'teamtailor-api-token', 'x-smarttoken', 'x-stackone-signature', 'teamtailor-signature'];

beforeAll(async () => {
  for (const m of ['log', 'error', 'warn', 'info'] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')));
  dataDir = await mkdtemp(path.join(tmpdir(), 'ats-isolation-'));
  sb = await startSandbox({ ports: 0, configFile: false, dataDir, partner: { completeAfterMs: 0 } });
  recorded = recordCalls(sb);
  for (const p of PROVIDERS) {
    for (const category of ['assessment', 'background_check'] as const) {
      const r = await sb.admin.sendTest(p, { candidateId: 'cand_grace', category });
      expect(r.ok, `${p} ${category}: ${r.recruiterSees}`).toBe(true);
      await sb.admin.waitForCard(p, 'cand_grace', (c) => c.results.some((x) => x.orderId === r.orderId && x.status.tone === 'success'), 8_000);
    }
  }
}, 40_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await sb?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const serviceOf = (url: string): ServiceName | undefined => (Object.entries(sb.urls) as [ServiceName, string][]).find(([, b]) => url.startsWith(`${b}/`))?.[0];
const withAuth = (headers: Record<string, string>, from: Record<string, string>): Record<string, string> => {
  const out = Object.fromEntries(Object.entries(headers).filter(([k]) => !AUTH_HEADERS.includes(k.toLowerCase())));
  for (const [k, v] of Object.entries(from)) if (AUTH_HEADERS.includes(k.toLowerCase()) && k.toLowerCase() !== 'x-stackone-signature') out[k] = v;
  return out;
};
/** The credentials one ATS side sends: from a recorded call of `who` to `service`. */
const credentialsOf = (service: ServiceName, provider: ProviderKey, who: 'bridge' | 'emulator'): Record<string, string> | undefined =>
  recorded.find((r) => serviceOf(r.url) === service && (who === 'bridge' ? true : r.url.includes(`/external-trigger/${provider}/`)) && Object.keys(r.headers).some((h) => AUTH_HEADERS.includes(h.toLowerCase())))?.headers;

describe('isolation', () => {
  it('every bridge route refuses a request without the API key or with a wrong one', async () => {
    const routes = bridgeRoutes(sb).filter((r) => !r.pattern.startsWith('/external-trigger/') && r.pattern !== '/openapi.json');
    const fill = (p: string) => p.replace(/:category/, 'assessments').replace(/:\w+/g, 'x');
    let n = 0;
    for (const r of routes) {
      for (const authorization of [undefined, basic('v1.not-the-key', ''), 'Bearer v1.sandbox.demo-api-key-0001', basic(`${sb.apiKey}x`, '')]) {
        const a = await send(`${sb.urls.bridge}${fill(r.pattern)}`, { method: r.method, headers: { ...(authorization ? { authorization } : {}), 'x-account-id': sb.accounts.greenhouse.id, 'content-type': 'application/json' }, body: ['POST', 'PATCH', 'PUT'].includes(r.method) ? '{}' : undefined });
        expect(a.status, `${r.method} ${r.pattern} with ${authorization ?? 'no key'}`).toBe(401);
        expect((a.json as { errorCode: string }).errorCode).toBe('UnauthorizedError');
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  it('one linked account cannot read or update another account’s orders or packages', async () => {
    const mine = await send(`${sb.urls.bridge}/unified/ats/assessments/orders`, { method: 'POST', headers: partnerHeaders(sb, 'greenhouse'), body: JSON.stringify({ package: { id: 'pkg_logic' } }) });
    const orderId = (mine.json as { id: string }).id;
    const pkg = await send(`${sb.urls.bridge}/unified/ats/background_checks/packages`, { method: 'POST', headers: partnerHeaders(sb, 'greenhouse'), body: JSON.stringify({ name: 'Mine' }) });
    const pkgId = ((pkg.json as { data: { id: string } }).data).id;
    for (const other of PROVIDERS.filter((p) => p !== 'greenhouse')) {
      const h = partnerHeaders(sb, other);
      const update = await send(`${sb.urls.bridge}${resultPath('assessment', orderId)}`, { method: 'PATCH', headers: h, body: JSON.stringify({ summary: 'not yours', score: { value: '1', min: '0', max: '100' }, result_url: 'http://127.0.0.1:1/x' }) });
      expect(update.status, `${other} updating greenhouse's order`).toBe(404);
      expect(update.text).not.toContain('Mine');
      expect((await send(`${sb.urls.bridge}/unified/ats/background_checks/packages/${pkgId}`, { headers: h })).status).toBe(404);
      expect((await send(`${sb.urls.bridge}/unified/ats/background_checks/packages/${pkgId}`, { method: 'PATCH', headers: h, body: JSON.stringify({ name: 'Stolen' }) })).status).toBe(404);
      expect((await send(`${sb.urls.bridge}/unified/ats/background_checks/packages/${pkgId}`, { method: 'DELETE', headers: h })).status).toBe(404);
      const list = await send(`${sb.urls.bridge}/unified/ats/background_checks/packages?page_size=1000`, { headers: h });
      expect(list.text).not.toContain(pkgId);
    }
    // (the reference partner completes the order meanwhile; no other account's update is in it)
    expect(JSON.stringify(sb.bridge!.orders.byId(orderId))).not.toContain('not yours');
    expect(sb.bridge!.packages.get(pkgId)?.name).toBe('Mine');
  });

  it('each emulator refuses the other ATSs’ credentials, and so does each ATS’s external-trigger side of the bridge', async () => {
    const tried: string[] = [];
    for (const p of PROVIDERS) {
      // the bridge calling this ATS's native API (partner credentials of this ATS)
      const native = recorded.filter((r) => serviceOf(r.url) === p && Object.keys(r.headers).some((h) => AUTH_HEADERS.includes(h.toLowerCase())));
      // this ATS calling the bridge's external triggers (its External Trigger Token)
      const trigger = recorded.filter((r) => serviceOf(r.url) === 'bridge' && r.url.includes(`/external-trigger/${p}/`) && Object.keys(r.headers).some((h) => AUTH_HEADERS.includes(h.toLowerCase())));
      expect(native.length, `recorded calls to ${p}`).toBeGreaterThan(0);
      expect(trigger.length, `recorded external triggers of ${p}`).toBeGreaterThan(0);
      for (const q of PROVIDERS.filter((x) => x !== p)) {
        const qNative = credentialsOf(q, q, 'bridge');
        const qTrigger = credentialsOf('bridge', q, 'emulator');
        for (const r of native) {
          const a = await send(r.url, { method: r.method, headers: withAuth(r.headers, qNative ?? {}), body: r.body });
          tried.push(`${p} native ${r.method} ${new URL(r.url).pathname} with ${q}'s credentials → ${a.status}`);
          expect([401, 403], `${p} ${r.method} ${r.url} with ${q}'s credentials answered ${a.status}: ${a.text.slice(0, 120)}`).toContain(a.status);
        }
        for (const r of trigger) {
          const a = await send(r.url, { method: r.method, headers: withAuth(r.headers, qTrigger ?? {}), body: r.body });
          tried.push(`${p} trigger ${r.method} ${new URL(r.url).pathname} with ${q}'s token → ${a.status}`);
          expect([401, 403], `bridge ${r.method} ${r.url} with ${q}'s token answered ${a.status}: ${a.text.slice(0, 120)}`).toContain(a.status);
        }
      }
    }
    console.log(`isolation: ${tried.length} cross-ATS credential attempts, all refused`);
  });
});

describe('secrets', () => {
  it('appear nowhere in the journal (memory and file), the logs or the control plane’s output after full loops through all four ATSs', async () => {
    const secrets = new Set<string>([sb.apiKey, Buffer.from(`${sb.apiKey}:`).toString('base64'), Buffer.from(sb.apiKey).toString('base64'), ...sb.config.webhooks.map((w) => w.secret), sb.config.packageList.signingSecret]);
    for (const a of Object.values(DEMO_ACCOUNTS)) {
      secrets.add(a.externalTriggerToken);
      secrets.add(Buffer.from(`${a.externalTriggerToken}:`).toString('base64'));
      for (const k of SECRET_NATIVE_KEYS) if (a.native[k]) secrets.add(a.native[k]);
    }
    const gh = DEMO_ACCOUNTS.greenhouse.native;
    secrets.add(Buffer.from(`${gh.partnerUsername}:${gh.partnerPassword}`).toString('base64'));
    // tokens minted during the run (OAuth access tokens, provider-key JWTs) as they were sent
    for (const r of recorded) {
      const m = /^(?:Bearer|Token)\s+(\S{12,})$/i.exec(r.headers.authorization ?? r.headers.Authorization ?? '');
      if (m) secrets.add(m[1]);
      for (const h of ['rt-partner-secret', 'x-api-key', 'x-smarttoken']) if (r.headers[h]) secrets.add(r.headers[h]);
    }
    const cp = sb.urls.controlPlane;
    const outputs: [string, string][] = [
      ['journal (memory)', JSON.stringify(sb.journal.query({ limit: 5000 }))],
      ['journal file', await readFile(path.join(dataDir, 'journal.jsonl'), 'utf8')],
      ['logs', logged.join('\n')],
      ['GET /_sandbox/journal', (await send(`${cp}/_sandbox/journal?limit=5000`)).text],
      ['GET /_sandbox/state', (await send(`${cp}/_sandbox/state`)).text],
      ['GET /', (await send(`${cp}/`)).text],
      ...(await Promise.all(PROVIDERS.map(async (p) => [`card ${p}`, (await send(`${cp}/_sandbox/ats/${p}/candidates/cand_grace`)).text] as [string, string]))),
      ...(await Promise.all(PROVIDERS.map(async (p) => [`packages ${p}`, (await send(`${cp}/_sandbox/ats/${p}/packages`)).text] as [string, string]))),
    ];
    const first = (await send(`${cp}/_sandbox/journal?limit=1`)).json as { seq: number }[];
    if (first[0]) outputs.push(['GET /_sandbox/journal/:seq', (await send(`${cp}/_sandbox/journal/${first[0].seq}`)).text]);
    expect(outputs.find(([w]) => w === 'journal (memory)')![1]).toContain('result-mapping');
    const leaks: string[] = [];
    for (const [where, text] of outputs) for (const s of secrets) if (s.length >= 6 && text.includes(s)) leaks.push(`${where} holds ${s.slice(0, 6)}…`);
    expect(leaks).toEqual([]);
    expect(secrets.size).toBeGreaterThan(20);
  });

  it('services listen on 127.0.0.1 by default', () => {
    const listening = readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1).map((l) => l.trim().split(/\s+/)).filter((f) => f[3] === '0A');
    for (const [name, url] of Object.entries(sb.urls)) {
      const u = new URL(url);
      expect(u.hostname, name).toBe('127.0.0.1');
      const port = Number(u.port).toString(16).toUpperCase().padStart(4, '0');
      const sockets = listening.filter((f) => f[1].endsWith(`:${port}`)).map((f) => f[1].split(':')[0]);
      expect(sockets, `${name} listens on 127.0.0.1 only`).toEqual(['0100007F']);
    }
  });
});
