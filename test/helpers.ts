/** Small helpers shared by the tests: calling the bridge as a partner would. */
import { vi } from 'vitest';
import { basic } from '../harness/signing.ts';
import { main } from '../harness/cli/main.ts';
import type { Sandbox } from '../harness/sandbox.ts';
import type { ProviderKey } from '../harness/config.ts';
import { jsonOrText } from '../harness/http/client.ts';

export function partnerHeaders(sb: Sandbox, ats: ProviderKey): Record<string, string> {
  return { authorization: basic(sb.apiKey, ''), 'x-account-id': sb.accounts[ats].id, 'content-type': 'application/json' };
}

export async function bridgeCall(sb: Sandbox, ats: ProviderKey, method: string, path: string, body?: unknown): Promise<{ status: number; json: any; warnings: string[] }> {
  const res = await fetch(`${sb.urls.bridge}${path}`, {
    method,
    headers: partnerHeaders(sb, ats),
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = jsonOrText(await res.text());
  // the bridge's x-ats-sandbox-warning header, one value a warning (fetch joins them with ", ")
  const warnings = res.headers.get('x-ats-sandbox-warning')?.split(', ') ?? [];
  return { status: res.status, json, warnings };
}

export const resultPath = (category: 'assessment' | 'background_check', orderId: string): string =>
  `/unified/ats/${category === 'assessment' ? 'assessments' : 'background_checks'}/orders/${orderId}/result`;

/** A port free right now (for the one fixed port a test needs, e.g. the bridge your own partner calls). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as import('node:net').AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A CLI command through main() (what bin/ats-sandbox.mjs calls), in this process, its output captured: stdout, stderr, and both in order. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string; all: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const all: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (out.push(a.join(' ')), all.push(a.join(' '))));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (err.push(a.join(' ')), all.push(a.join(' '))));
  try {
    const code = await main(argv);
    return { code, out: out.join('\n'), err: err.join('\n'), all: all.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
