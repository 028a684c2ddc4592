/**
 * Bounded resources (issue 13): a stalled SSE subscriber is dropped (memory stays flat while the
 * journal keeps growing, a reading subscriber keeps every event); deliveries to a partner that never
 * answers hold at most limits.deliveriesPerTarget sockets; fault rules and connections are capped;
 * the journal file rotates at its size setting. `npm run soak` (SOAK=5) runs the load parts longer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { Journal } from '../../harness/journal.ts';
import { partnerHeaders } from '../helpers.ts';
import { until } from './support.ts';

const SOAK = Number(process.env.SOAK ?? 1);
const UPDATES = 20_000 * SOAK;
const STALLED = 20;

let sb: Sandbox | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await sb?.close();
  sb = undefined;
});

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

describe('bounded resources', () => {
  it(`drops ${STALLED} stalled SSE subscribers over ${UPDATES} journal entries; a reading one gets them all; memory stays bounded`, async () => {
    sb = await startSandbox({ ports: 0, limits: { sseBufferBytes: 256 * 1024 } });
    const url = `${sb.urls.controlPlane}/_sandbox/events`;
    const stalled: http.ClientRequest[] = [];
    for (let i = 0; i < STALLED; i++) {
      await new Promise<void>((resolve) => {
        const req = http.get(url, (res) => {
          res.pause(); // never reads: the server's buffer for it fills
          resolve();
        });
        req.on('error', () => {});
        stalled.push(req);
      });
    }
    cleanups.push(() => stalled.forEach((r) => r.destroy()));
    let received = 0;
    const reader = http.get(url, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => (received += c.split('event: hop').length - 1));
    });
    reader.on('error', () => {});
    cleanups.push(() => void reader.destroy());
    await until('every subscriber attached', () => sb!.journal.subscribers >= STALLED + 1 || undefined);
    global.gc?.();
    const before = process.memoryUsage();
    const body = 'x'.repeat(400);
    for (let i = 0; i < UPDATES; i++) {
      sb.journal.append({ service: 'bridge', direction: 'in', method: 'PATCH', url: `/unified/ats/assessments/orders/ord_${i}/result`, status: 200, durationMs: 1, hop: 'result-update', orderId: `ord_${i}`, traceId: `t${i}`, error: body });
      if (i % 100 === 99) await new Promise((r) => setImmediate(r));
    }
    await until('the reader got every entry', () => received >= UPDATES || undefined, 20_000);
    const after = process.memoryUsage();
    const grew = after.heapUsed + after.external - (before.heapUsed + before.external);
    console.log(`SSE: ${STALLED} stalled subscribers over ${UPDATES} entries: ${sb.journal.subscribers - 1} still attached, reader got ${received}; heap+external ${mb(before.heapUsed + before.external)} → ${mb(after.heapUsed + after.external)} MB, rss ${mb(before.rss)} → ${mb(after.rss)} MB`);
    expect(sb.journal.subscribers).toBe(1); // only the reader
    expect(received).toBe(UPDATES);
    // without the drop every stalled subscriber holds every entry (~0.6 KB each): 20 × 20,000 × 0.6 KB ≈ 240 MB
    expect(grew).toBeLessThan(96 * 1024 * 1024);
  }, 60_000 * SOAK);

  it('holds at most deliveriesPerTarget sockets to a partner that never answers', async () => {
    const open = new Set<net.Socket>();
    let most = 0;
    const silent = net.createServer((s) => {
      open.add(s);
      most = Math.max(most, open.size);
      s.on('close', () => open.delete(s));
      s.on('error', () => {});
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => (open.forEach((s) => s.destroy()), silent.close(() => r()))));
    const port = (silent.address() as net.AddressInfo).port;
    sb = await startSandbox({ ports: 0, inMemory: true, configFile: false, webhooks: [{ url: `http://127.0.0.1:${port}/hook` }], limits: { deliveriesPerTarget: 4 }, delivery: { timeoutMs: 30_000 } });
    const orders = 30 * SOAK;
    for (let i = 0; i < orders; i++) {
      const r = await fetch(`${sb.urls.bridge}/unified/ats/assessments/orders`, { method: 'POST', headers: partnerHeaders(sb, 'teamtailor'), body: JSON.stringify({ package: { id: 'pkg_logic' }, candidate: { id: `c${i}` } }) });
      expect(r.status).toBeLessThan(300);
    }
    const s = sb;
    await until('four deliveries in flight', () => (s.bridge!.dispatcher.inFlightPerTarget()[`http://127.0.0.1:${port}/hook`]?.inFlight === 4 && open.size === 4) || undefined);
    await new Promise((r) => setTimeout(r, 200));
    const q = sb.bridge!.dispatcher.inFlightPerTarget()[`http://127.0.0.1:${port}/hook`];
    console.log(`deliveries to a silent partner: ${orders} orders, at most ${most} sockets open, ${q.inFlight} in flight, ${q.waiting} waiting`);
    expect(most).toBeLessThanOrEqual(4);
    expect(q.waiting).toBe(orders - 4);
  });

  it('caps fault rules per service (429 naming the cap) and connections per server', async () => {
    sb = await startSandbox({ ports: 0, limits: { maxFaultRules: 3, maxConnections: 5 } });
    const add = () => fetch(`${sb!.urls.controlPlane}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ target: 'bridge', route: { path: '/nothing' }, action: { type: 'status', status: 503 } }) });
    for (let i = 0; i < 3; i++) expect((await add()).status).toBe(201);
    const fourth = await add();
    expect(fourth.status).toBe(429);
    expect(((await fourth.json()) as { message: string }).message).toMatch(/limits\.maxFaultRules = 3/);
    const port = Number(new URL(sb.urls.bridge).port);
    const sockets = await Promise.all(Array.from({ length: 9 }, () => new Promise<net.Socket>((r) => { const s = net.connect(port, '127.0.0.1', () => r(s)); s.on('error', () => {}); })));
    cleanups.push(() => sockets.forEach((s) => s.destroy()));
    await new Promise((r) => setTimeout(r, 150));
    const closed = sockets.filter((s) => s.destroyed || s.readableEnded || !s.writable).length;
    const answered = await Promise.all(
      sockets.map(
        (s) =>
          new Promise<boolean>((resolve) => {
            if (s.destroyed) return resolve(false);
            s.once('data', () => resolve(true));
            s.once('close', () => resolve(false));
            s.write(`GET /accounts HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
            setTimeout(() => resolve(false), 1_000);
          }),
      ),
    );
    expect(answered.filter(Boolean).length).toBeLessThanOrEqual(5);
    expect(closed + answered.filter((a) => !a).length).toBeGreaterThanOrEqual(4);
  });

  it('rotates the journal file at its size setting, keeping one older file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'journal-rotate-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const j = new Journal(path.join(dir, 'journal.jsonl'), 100, 16 * 1024);
    for (let i = 0; i < 400 * SOAK; i++) {
      j.append({ service: 's', direction: 'in', method: 'GET', url: `/x/${i}`, status: 200, durationMs: 0 });
      if (i % 20 === 19) j.flush();
    }
    j.close();
    expect((await readdir(dir)).sort()).toEqual(['journal.1.jsonl', 'journal.jsonl']);
    expect((await stat(path.join(dir, 'journal.jsonl'))).size).toBeLessThanOrEqual(16 * 1024);
    // numbering goes on from the files after a restart
    const again = new Journal(path.join(dir, 'journal.jsonl'), 100, 16 * 1024);
    expect(again.append({ service: 's', direction: 'in', method: 'GET', url: '/y', status: 200, durationMs: 0 }).seq).toBe(400 * SOAK + 1);
    again.close();
  });
});
