/** Shared by the reliability tests: a sandbox on disk, its state as files, settling, and answers. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../harness/sandbox.ts';
import { parseJson } from '../../harness/http/client.ts';

/** Every state file under the data dir (not the journal), as text. */
export function snapshot(dataDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.json')) out.set(path.relative(dataDir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dataDir);
  return out;
}

export function diffSnapshots(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k));
}

export async function until<T>(what: string, f: () => Promise<T | undefined | false> | T | undefined | false, ms = 5_000, every = 20): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Nothing left in flight: every webhook delivery settled and every partner order completed or switched off. */
export async function settle(sb: Sandbox): Promise<void> {
  await until('deliveries to settle', () => sb.bridge!.dispatcher.list().every((d) => d.state !== 'pending'));
  await new Promise((r) => setTimeout(r, 100));
}

export interface Answer {
  status: number;
  text: string;
  json?: unknown;
  contentType: string;
  ms: number;
}

export async function send(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 5_000) });
  const text = await res.text();
  const json = parseJson(text);
  return { status: res.status, text, json, contentType: res.headers.get('content-type') ?? '', ms: performance.now() - t0 };
}

/** Runs tasks with at most `n` in flight. */
export async function pool<T, R>(items: T[], n: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]);
      }
    }),
  );
  return out;
}
