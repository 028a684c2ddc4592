/**
 * A real ATS emulator for a consumer test, wired to whatever plays the other side: its recruiter
 * actions call `bridgeUrl` (Pact's mock bridge, or a real one), and the native records it creates
 * point at `selfUrl` (its own listening URL, or Pact's mock ATS API when the bridge is the consumer).
 */
import { createEmulator, type Emulator } from '../../emulator/base.ts';
import { listen } from '../../http/service-app.ts';
import { Journal } from '../../journal.ts';
import { Store } from '../../store/store.ts';
import { DEMO_ACCOUNTS } from '../../demo.ts';
import { sidesOf } from '../../ats/sides.ts';
import type { ProviderKey } from '../../config.ts';
import { jsonOrText } from '../../http/client.ts';

export interface EmulatorUnderTest {
  em: Emulator;
  /** where the emulator's own routes (sandbox recruiter actions, native API) listen */
  url: string;
  /** calls one of the emulator's own routes (JSON in and out) */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

export async function emulatorUnderTest(ats: ProviderKey, o: { bridgeUrl: string; selfUrl?: string }): Promise<EmulatorUnderTest> {
  let own = '';
  const em = await createEmulator(sidesOf(ats).emulator, {
    journal: new Journal(),
    store: new Store(ats, undefined),
    account: DEMO_ACCOUNTS[ats],
    bridgeUrl: () => o.bridgeUrl,
    selfUrl: () => o.selfUrl ?? own,
    hopWaitMs: 0,
  });
  const l = await listen(em.app, 0, '127.0.0.1');
  own = l.url;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${l.url}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: jsonOrText(await res.text()) };
  };
  return { em, url: l.url, call, close: () => l.close() };
}
