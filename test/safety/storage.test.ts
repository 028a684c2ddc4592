/**
 * Storage tells the truth (issue 13). Failures are injected through the file layer's seam
 * (`fileOps` in harness/store/state-log-file.ts), never by filling a real disk:
 * - a full disk (ENOSPC) or a read-only folder (EACCES): 507 / 503 in each service's shape, nothing
 *   changed in memory (no phantom record), the process up, the journal on in memory with a warning;
 *   after a restart every acknowledged write is there and no refused one is;
 * - a damaged shard is named (file and line), set aside, and the good records are served;
 * - a restart on other ports keeps stored orders deliverable; journal numbering and the reference
 *   partner's behaviour carry over; state files are 0600; secrets in URLs are masked in the journal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { fileOps, STATE_LOG_HEADER, storageNotices } from '../../harness/store/state-log-file.ts';
import { Journal } from '../../harness/journal.ts';
import { hasChromium, launch } from '../dashboard/browser.ts';
import { bridgeCall, partnerHeaders, resultPath } from '../helpers.ts';
import { validate } from '../../harness/schemas/registry.ts';

const real = { ...fileOps };
const failWith = (code: string, which: (keyof typeof fileOps)[] = ['writeSync', 'openSync', 'renameSync']): void => {
  for (const k of which) (fileOps as Record<string, unknown>)[k] = () => {
    throw Object.assign(new Error(`${code}: injected by the test`), { code });
  };
};
const heal = (): void => void Object.assign(fileOps, real);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'safety-storage-'));
});
afterEach(async () => {
  heal();
  await rm(dir, { recursive: true, force: true });
});

const start = (extra: Parameters<typeof startSandbox>[0] = {}) => startSandbox({ ports: 0, dataDir: dir, configFile: false, partner: { autoComplete: false }, ...extra });
const createOrder = (sb: Sandbox, n: number) =>
  fetch(`${sb.urls.bridge}/unified/ats/assessments/orders`, { method: 'POST', headers: partnerHeaders(sb, 'greenhouse'), body: JSON.stringify({ package: { id: 'pkg_logic' }, candidate: { id: `cand_storage_${n}` } }) });
const orderIds = (sb: Sandbox) => (sb.bridge!.orders.all() as { id: string }[]).map((o) => o.id);

describe('a full disk and a read-only folder', () => {
  it('ENOSPC: 507 in StackOne envelope, no phantom record, process up, journal degrades to memory; after a restart 0 acknowledged writes are lost', async () => {
    let sb = await start();
    const acknowledged: string[] = [];
    const refused: number[] = [];
    const answer = async (n: number) => {
      const res = await createOrder(sb, n);
      const body = (await res.json()) as { id?: string; data?: { id?: string }; statusCode?: number; errorCode?: string };
      if (res.ok) acknowledged.push((body.data?.id ?? body.id)!);
      else {
        expect(res.status).toBe(507);
        expect(validate('unified/error', body).valid).toBe(true);
        expect(body.errorCode).toBe('InsufficientStorageError');
        refused.push(n);
      }
    };
    for (let n = 0; n < 20; n++) await answer(n);
    const before = orderIds(sb).length;
    failWith('ENOSPC');
    await Promise.all(Array.from({ length: 40 }, (_, i) => answer(100 + i)));
    // no phantom: memory holds exactly what it held
    expect(orderIds(sb).length).toBe(before);
    expect(refused.length).toBe(40);
    // the process is up; the journal went on in memory and says so
    const state = (await sb.admin.state()) as { journal: { degraded?: { code: string; message: string } } };
    expect(state.journal.degraded?.code).toBe('ENOSPC');
    expect(sb.journal.query({ limit: 5 }).length).toBeGreaterThan(0);
    if (hasChromium) {
      // and the dashboard shows it
      const browser = await launch();
      try {
        const page = await browser.newPage();
        await page.goto(`${sb.urls.controlPlane}/`);
        await expect.poll(() => page.getByRole('alert').first().innerText().catch(() => ''), { timeout: 10_000 }).toContain('ENOSPC');
      } finally {
        await browser.close();
      }
    }
    // an emulator's write: in SmartRecruiters' shape
    const expire = await fetch(`${sb.urls.smartrecruiters}/_sandbox/oauth/expire-tokens`, { method: 'POST', headers: { 'x-ats-sandbox': '1' } });
    const tokenNow = await fetch(`${sb.urls.smartrecruiters}/identity/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sb.accounts.smartrecruiters.native.clientId!, client_secret: sb.accounts.smartrecruiters.native.clientSecret! }).toString(),
    });
    expect([200, 507]).toContain(expire.status);
    expect(tokenNow.status).toBe(507);
    expect(validate('smartrecruiters/error', await tokenNow.json()).valid).toBe(true);
    heal();
    for (let n = 200; n < 210; n++) await answer(n);
    // a disk that fails now and then: some write(2)s take half their bytes (the rest comes in the next
    // call), some are refused after such a half, others succeed
    let calls = 0;
    fileOps.writeSync = (fd: number, data: string | Buffer, offset?: number) => {
      const n = ++calls % 4;
      if (n === 0) throw Object.assign(new Error('ENOSPC: injected by the test'), { code: 'ENOSPC' });
      const buf = typeof data === 'string' ? Buffer.from(data) : data.subarray(offset ?? 0);
      return real.writeSync(fd, n === 2 ? buf.subarray(0, Math.ceil(buf.length / 2)) : buf);
    };
    const ackedBefore = acknowledged.length;
    const refusedBefore = refused.length;
    await Promise.all(Array.from({ length: 60 }, (_, i) => answer(300 + i)));
    heal();
    console.log(`intermittent ENOSPC: ${acknowledged.length - ackedBefore} acknowledged, ${refused.length - refusedBefore} refused`);
    // memory holds exactly what was acknowledged
    expect(new Set(orderIds(sb))).toEqual(new Set(acknowledged));
    await sb.close();
    sb = await start();
    try {
      const after = new Set(orderIds(sb));
      const lost = acknowledged.filter((id) => !after.has(id));
      const phantoms = [...after].filter((id) => !acknowledged.includes(id)).length;
      console.log(`ENOSPC: ${acknowledged.length} writes acknowledged, ${refused.length} refused with 507, ${lost.length} lost after a restart, ${phantoms} phantom records`);
      expect(lost).toEqual([]);
      expect(phantoms).toBe(0);
    } finally {
      await sb.close();
    }
  });

  it('EACCES (folder gone read-only): 503 in each service\'s shape, nothing changed, then works again', async () => {
    const sb = await start();
    try {
      const report = await sb.admin.sendTest('greenhouse', {});
      const before = sb.bridge!.orders.byId(report.orderId!);
      failWith('EACCES');
      const upd = await bridgeCall(sb, 'greenhouse', 'POST', '/unified/ats/assessments/orders', { package: { id: 'pkg_logic' } });
      expect(upd.status).toBe(503);
      expect(upd.json.errorCode).toBe('StorageUnavailableError');
      const beh = await fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ complete: false }) });
      expect(beh.status).toBe(503);
      expect(((await beh.json()) as { error: string }).error).toMatch(/EACCES/);
      expect(sb.bridge!.orders.byId(report.orderId!)).toEqual(before);
      heal();
      expect((await bridgeCall(sb, 'greenhouse', 'POST', '/unified/ats/assessments/orders', { package: { id: 'pkg_logic' } })).status).toBeLessThan(300);
    } finally {
      await sb.close();
    }
  });
});

describe('start-up and restarts', () => {
  it('a damaged shard: named with its line, set aside as .corrupt-<time>, the good records served', async () => {
    let sb = await start();
    for (let n = 0; n < 30; n++) expect((await createOrder(sb, n)).status).toBeLessThan(300);
    await sb.close();
    const bridgeDir = path.join(dir, 'bridge');
    const shards = (await readdir(bridgeDir)).filter((f) => /^orders\.s\d{4}\.json$/.test(f));
    let victim = '';
    let lines: string[] = [];
    for (const f of shards) {
      lines = (await readFile(path.join(bridgeDir, f), 'utf8')).split('\n');
      if (lines.filter(Boolean).length >= 3) {
        victim = f;
        break;
      }
    }
    expect(victim).not.toBe('');
    expect(lines[0]).toBe(STATE_LOG_HEADER);
    const damagedId = (JSON.parse(lines[1]) as { k: string }).k;
    lines[1] = '{"k":"ord_x","v":{"half a record';
    await writeFile(path.join(bridgeDir, victim), lines.join('\n'));
    const t0 = performance.now();
    sb = await start();
    try {
      const ms = Math.round(performance.now() - t0);
      const state = (await sb.admin.state()) as { storage?: { notices: string[] } };
      const notice = state.storage?.notices.find((n) => n.includes(path.join(bridgeDir, victim)));
      expect(notice).toMatch(/line 2 is not JSON/);
      expect(notice).toMatch(/set aside as .*\.corrupt-/);
      const aside = (await readdir(bridgeDir)).filter((f) => f.startsWith(`${victim}.corrupt-`));
      expect(aside.length).toBe(1);
      const ids = orderIds(sb);
      expect(ids.length).toBe(29);
      expect(ids).not.toContain(damagedId);
      console.log(`damaged shard: started in ${ms} ms with ${ids.length} of 30 orders; notice: ${notice}`);
      // the file now holds the good records only: a second restart is clean
      await sb.close();
      sb = await start();
      expect(orderIds(sb).length).toBe(29);
    } finally {
      await sb.close();
    }
  });

  it('a restart on other ports: stored Teamtailor, SmartRecruiters and Greenhouse orders still take results; journal numbering and partner behaviour carry over; files are 0600', async () => {
    let sb = await start();
    await fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ packageList: 'empty' }) });
    const orders: [string, 'teamtailor' | 'smartrecruiters' | 'greenhouse'][] = [];
    await fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ packageList: 'ok' }) });
    for (const ats of ['teamtailor', 'smartrecruiters', 'greenhouse'] as const) {
      const r = await sb.admin.sendTest(ats, {});
      expect(r.ok, JSON.stringify(r.recruiterSees)).toBe(true);
      orders.push([r.orderId!, ats]);
    }
    await fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhook: 'http-500' }) });
    const oldUrls = { ...sb.urls };
    sb.journal.flush();
    const lastSeq = sb.journal.lastSeq;
    await sb.close();
    sb = await start();
    try {
      expect(sb.urls.teamtailor).not.toBe(oldUrls.teamtailor);
      expect(sb.journal.lastSeq).toBeGreaterThanOrEqual(lastSeq);
      const next = sb.journal.append({ service: 'test', direction: 'in', method: 'GET', url: '/x', status: 200, durationMs: 0 });
      expect(next.seq).toBeGreaterThan(lastSeq);
      const beh = (await (await fetch(`${sb.urls.partner}/_partner/behaviour`)).json()) as { webhook: string };
      expect(beh.webhook).toBe('http-500');
      for (const [id, ats] of orders) {
        expect(sb.bridge!.orders.byId(id)!.order.results_update_url).toBe(`${sb.urls.bridge}/unified/ats/assessments/orders/${id}/result`);
        const r = await bridgeCall(sb, ats, 'PATCH', resultPath('assessment', id), { result: { value: 'passed' }, score: { value: '70', min: '0', max: '100' }, result_url: 'https://vendor.example/r' });
        expect(r.status, `${ats}: ${JSON.stringify(r.json)}`).toBe(200);
      }
      // state files and the journal: owner only
      const files = [path.join(dir, 'journal.jsonl'), ...(await readdir(path.join(dir, 'bridge'))).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, 'bridge', f))];
      for (const f of files) expect(((await stat(f)).mode & 0o777).toString(8), f).toBe('600');
    } finally {
      await sb.close();
    }
  });

  it('a journal with a torn last line: reported, numbering goes on after the last whole entry, the next entry is a line of its own', async () => {
    const file = path.join(dir, 'journal.jsonl');
    await writeFile(file, `${JSON.stringify({ seq: 41, url: '/a' })}\n${JSON.stringify({ seq: 42, url: '/b' })}\n{"seq":43,"url":"/c`);
    const j = new Journal(file);
    try {
      expect(storageNotices().some((n) => n.startsWith(`${file}: dropped a torn last line`))).toBe(true);
      expect(j.append({ service: 's', direction: 'in', method: 'GET', url: '/d', status: 200, durationMs: 0 }).seq).toBe(43);
      j.flush();
      const lines = (await readFile(file, 'utf8')).split('\n');
      expect(JSON.parse(lines.at(-2)!).seq).toBe(43);
    } finally {
      j.close();
    }
  });

  it('secrets in URLs are masked in the journal', async () => {
    const sb = await start();
    try {
      await fetch(`${sb.urls.bridge}/accounts?api_key=supersecret-value-1&token=another-secret-2&tenant-id=acme`);
      const e = sb.journal.query({ service: 'bridge' }).find((x) => x.url.startsWith('/accounts'))!;
      expect(e.url).not.toContain('supersecret-value-1');
      expect(e.url).not.toContain('another-secret-2');
      expect(e.url).toContain('tenant-id=acme');
      sb.journal.flush();
      expect(await readFile(path.join(dir, 'journal.jsonl'), 'utf8')).not.toContain('supersecret-value-1');
    } finally {
      await sb.close();
    }
  });
});
