/**
 * startServices(): every service of the sandbox, wired together by URL. startSandbox() in sandbox.ts
 * adds the scenario engine to the control plane; a scenario run starts its nested sandbox from here,
 * so the control plane never imports the scenario runner (no import cycle).
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Journal } from './journal.ts';
import { forgetStateFiles, Store } from './store/store.ts';
import { closeStateHandles } from './store/state-log-file.ts';
import { listen, type Listening } from './http/service-app.ts';
import { checkConfig, loadConfigFile, PROVIDERS, resolveConfig, SERVICES, type ProviderKey, type ResolvedConfig, type SandboxConfig, type ServiceName } from './config.ts';
import { createBridge } from './bridge/app.ts';
import type { BridgeCore } from './bridge/core.ts';
import { providerAdapters, sidesOf } from './ats/sides.ts';
import { createEmulator, type Emulator } from './emulator/base.ts';
import { createControlPlane } from './control-plane/app.ts';
import type { ScenarioEngineLoader } from './control-plane/troubleshooting.ts';
import { AdminClient } from './control-plane/client.ts';
import { DEMO_ACCOUNTS } from './demo.ts';
import { createReferencePartner, type ReferencePartner } from '../mocks/partner/app.ts';
import { SandboxClock } from './clock.ts';

export interface StartOptions extends Omit<SandboxConfig, 'ports'> {
  /** 0 for every service on a free port (tests), or per service */
  ports?: number | SandboxConfig['ports'];
  /** read this config file (default sandbox.config.json when it exists; false for none) */
  configFile?: string | false;
  /** start only these services (split mode runs one per process) */
  only?: ServiceName[];
  /** how long a send-test report waits for the first order-webhook hop (default 3000; scenarios read the journal instead: 0) */
  hopWaitMs?: number;
  /**
   * A nested sandbox (a scenario run): an API key of its own, never the one in ATS_SANDBOX_API_KEY
   * or the outer sandbox's, so nothing it is made to call can learn the real key.
   */
  ownApiKey?: boolean;
  /** what the control plane runs scenarios with (startSandbox gives it; a nested sandbox runs none) */
  scenarios?: ScenarioEngineLoader;
  /** the clock this sandbox runs on (default: a clock of its own, on real time) */
  clock?: SandboxClock;
}

export interface Sandbox {
  /** base URL of every running service */
  urls: Record<ServiceName, string>;
  config: ResolvedConfig;
  apiKey: string;
  /** the seeded linked accounts, one per ATS */
  accounts: typeof DEMO_ACCOUNTS;
  /** client of the control plane (reset, journal, state, send-test, candidate cards) */
  admin: AdminClient;
  journal: Journal;
  bridge?: BridgeCore;
  partner?: ReferencePartner;
  emulators: Partial<Record<ProviderKey, Emulator>>;
  /** the express app of every running service (their route tables: request-guard probes walk them) */
  apps: Partial<Record<ServiceName, import('express').Express>>;
  /** this sandbox's clock: freeze, advance and resume time (every timer and date of the sandbox reads it) */
  clock: SandboxClock;
  close(): Promise<void>;
}

export async function startServices(options: StartOptions = {}): Promise<Sandbox> {
  const sandboxClock = options.clock ?? new SandboxClock();
  // everything the sandbox starts (servers, timers, the journal) runs inside its clock
  return sandboxClock.run(() => start(options, sandboxClock));
}

async function start(options: StartOptions, sandboxClock: SandboxClock): Promise<Sandbox> {
  const { ports, configFile, only, hopWaitMs, ownApiKey, scenarios, clock: _clock, ...rest } = options;
  const fileConfig = configFile === false ? undefined : loadConfigFile(configFile || 'sandbox.config.json');
  const portLayer: SandboxConfig['ports'] = typeof ports === 'number' ? Object.fromEntries(SERVICES.map((s) => [s, ports])) : ports;
  const inMemory = rest.inMemory ?? (rest.dataDir ? false : configFile === undefined && typeof ports === 'number' ? true : undefined);
  const layer = checkConfig(JSON.parse(JSON.stringify({ ...rest, ...(portLayer ? { ports: portLayer } : {}), ...(inMemory !== undefined ? { inMemory } : {}) })), 'startSandbox options');
  const urls = {} as Record<ServiceName, string>;
  const config = resolveConfig([fileConfig ?? {}, layer], () => urls.partner);
  if (ownApiKey) config.apiKey = `v1.sandbox.nested-${randomBytes(12).toString('hex')}`;
  for (const s of SERVICES) urls[s] = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.ports[s]}`;
  const closersEarly: (() => void)[] = [];
  const wanted = new Set<ServiceName>(only ?? SERVICES.filter((s) => s !== 'partner' || config.referencePartner));
  const journalFile = config.dataDir && path.join(config.dataDir, 'journal.jsonl');
  // In split mode the control plane runs alone and follows the journal file the other processes append to.
  const followOthers = Boolean(only && journalFile && wantedOnlyControlPlane(only));
  const journal = new Journal(followOthers ? undefined : journalFile, undefined, config.limits.journalMaxBytes);
  if (followOthers && journalFile) closersEarly.push(journal.follow(journalFile));
  const store = (service: string) => new Store(service, config.dataDir);
  const listening: Listening[] = [];
  const closers: (() => void)[] = [...closersEarly];
  const up = async (name: ServiceName, app: import('express').Express) => {
    const l = await listen(app, config.ports[name], config.host, { allowedOrigins: config.allowedOrigins, maxConnections: config.limits.maxConnections, maxFaultRules: config.limits.maxFaultRules });
    urls[name] = l.url;
    sandbox.apps[name] = app;
    listening.push(l);
  };

  const sandbox: Sandbox = {
    urls,
    config,
    apiKey: config.apiKey,
    accounts: DEMO_ACCOUNTS,
    admin: new AdminClient(() => urls.controlPlane),
    journal,
    emulators: {},
    apps: {},
    clock: sandboxClock,
    close: async () => {
      sandboxClock.reset();
      for (const c of closers) c();
      await Promise.all(listening.map((l) => l.close()));
      journal.close();
      if (config.dataDir) {
        closeStateHandles(path.join(config.dataDir));
        forgetStateFiles(path.join(config.dataDir));
      }
    },
  };
  try {
    if (wanted.has('bridge')) {
      const { app, core } = await createBridge({ config, journal, store: store('bridge'), adapters: providerAdapters(), url: () => urls.bridge, providerUrl: (p) => urls[p] });
      sandbox.bridge = core;
      closers.push(() => core.close());
      await up('bridge', app);
    }
    for (const p of PROVIDERS) {
      if (!wanted.has(p)) continue;
      const em = await createEmulator(sidesOf(p).emulator, { journal, store: store(p), account: DEMO_ACCOUNTS[p], bridgeUrl: () => urls.bridge, selfUrl: () => urls[p], hopWaitMs, allowRemoteTargets: config.allowRemoteTargets, configured: config.emulators[p] as Record<string, unknown> | undefined });
      sandbox.emulators[p] = em;
      await up(p, em.app);
    }
    if (wanted.has('partner')) {
      const { app, partner } = await createReferencePartner({
        journal,
        store: store('partner'),
        apiKey: config.apiKey,
        webhookSecrets: () => config.webhooks.map((w) => w.secret),
        signingSecret: () => config.packageList.signingSecret,
        bridgeUrl: () => urls.bridge,
        selfUrl: () => urls.partner,
        completeAfterMs: config.partner.completeAfterMs,
        autoComplete: config.partner.autoComplete,
      });
      sandbox.partner = partner;
      closers.push(() => partner.close());
      await up('partner', app);
    }
    if (wanted.has('controlPlane')) {
      await up('controlPlane', createControlPlane({ journal, config, urls: () => urls, apiKey: config.apiKey, scenarios, forwardClock: Boolean(only && wantedOnlyControlPlane(only)) }));
    }
  } catch (e) {
    await sandbox.close();
    throw e;
  }
  return sandbox;
}

const wantedOnlyControlPlane = (only: ServiceName[]): boolean => only.length === 1 && only[0] === 'controlPlane';
