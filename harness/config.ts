/**
 * Sandbox configuration: embedded defaults, then sandbox.config.json (validated; a bad field is
 * named), then CLI flags / startSandbox options. The result is complete: every field has a value.
 */
import { parseDuration } from './clock.ts';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SandboxConfig, PackageSource, ProviderConfig, WebhookConfig } from '../schemas/generated/sandbox/config.ts';
import { validate, explainIssues } from './schemas/registry.ts';

export type { SandboxConfig };
import { PROVIDERS, CATEGORIES, SERVICES, type ProviderKey, type Category, type ServiceName } from './names.ts';
export { PROVIDERS, CATEGORIES, SERVICES, type ProviderKey, type Category, type ServiceName };

export { DEFAULT_PORTS } from './ats/registry.ts';
import { DEFAULT_PORTS } from './ats/registry.ts';

export const DEFAULT_API_KEY = 'v1.sandbox.demo-api-key-0001';
export const DEFAULT_WEBHOOK_SECRET = 'whsec_sandbox_demo_0001';
/** The reference partner's order webhook receiver ({partner} is its base URL, read when used). */
export const REFERENCE_WEBHOOK_URL = '{partner}/webhooks/orders';

export interface ResolvedProvider {
  authType: 'partner' | 'public+partner' | 'public';
  active: boolean;
  packages: Record<Category, Required<PackageSource>>;
  baseUrl?: string;
}

export interface ResolvedWebhook extends Required<Omit<WebhookConfig, 'name'>> {
  name: string;
}

export interface ResolvedConfig {
  host: string;
  ports: Record<ServiceName, number>;
  dataDir: string | undefined;
  apiKey: string;
  projectId: string;
  referencePartner: boolean;
  /** warnings about a partner's requests become 400s */
  strict: boolean;
  /** inferred parts of the order webhook, sent only when asked for */
  orderWebhook: { dataCopy: boolean; deliveryHeaders: boolean };
  packageList: { timeoutMs: number; authorization: 'basic-api-key' | 'basic-api-key-colon' | 'none'; signingSecret: string };
  webhooks: ResolvedWebhook[];
  events: Record<Category, string>;
  delivery: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; timeoutMs: number; schedule: number[] | null };
  providers: Record<ProviderKey, ResolvedProvider>;
  partner: { completeAfterMs: number; autoComplete: boolean };
  /** origins a browser may call the services from (none by default) */
  allowedOrigins: string[];
  /** payloads over HTTP may point partner URLs beyond loopback */
  allowRemoteTargets: boolean;
  limits: ResolvedLimits;
  /** per-ATS emulator settings ([I] behaviours), applied on start and after a reset */
  emulators: NonNullable<SandboxConfig['emulators']>;
  unifiedApi: { rateLimit: { enabled: boolean; requestsPerSecond: number }; packageListTimeoutStatus: 502 | 408 };
}

export interface ResolvedLimits {
  maxConnections: number;
  journalMaxBytes: number;
  maxFaultRules: number;
  maxScenarioRuns: number;
  sseBufferBytes: number;
  deliveriesPerTarget: number;
}

export const DEFAULT_LIMITS: ResolvedLimits = {
  maxConnections: 1_024,
  journalMaxBytes: 64 * 1024 * 1024,
  maxFaultRules: 100,
  maxScenarioRuns: 4,
  sseBufferBytes: 1024 * 1024,
  deliveriesPerTarget: 16,
};

export class ConfigError extends Error {}

/** Reads and validates sandbox.config.json; undefined when there is none. */
export function loadConfigFile(file = 'sandbox.config.json'): SandboxConfig | undefined {
  const full = path.resolve(file);
  if (!existsSync(full)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(full, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  return checkConfig(parsed, file);
}

export function checkConfig(value: unknown, where = 'configuration'): SandboxConfig {
  const v = validate('sandbox/config', value);
  if (!v.valid) throw new ConfigError(`${where} is invalid: ${explainIssues(v.issues)}`);
  return value as SandboxConfig;
}

const source = (s: PackageSource | undefined, fallback?: PackageSource): Required<PackageSource> => ({
  listUrl: s?.listUrl !== undefined ? s.listUrl : (fallback?.listUrl ?? null),
  staticPackageId: s?.staticPackageId !== undefined ? s.staticPackageId : (fallback?.staticPackageId ?? null),
});

/**
 * Merges layers (later wins) over the defaults. `partnerUrl` is where the reference partner will
 * listen; its endpoints are the defaults when no list or webhook URL is configured.
 */
export function resolveConfig(layers: SandboxConfig[], partnerUrl: () => string): ResolvedConfig {
  const c: SandboxConfig = {};
  for (const l of layers) deepMerge(c as Record<string, unknown>, l as Record<string, unknown>);
  const userGaveUrls = Boolean(c.packages || c.webhooks || PROVIDERS.some((p) => c.providers?.[p]?.packages));
  const referencePartner = c.referencePartner ?? !userGaveUrls;
  const apiKey = process.env.ATS_SANDBOX_API_KEY || c.apiKey || DEFAULT_API_KEY;
  const webhooks: ResolvedWebhook[] = (
    c.webhooks ?? (referencePartner ? [{ id: 'wh_reference_partner', name: 'Reference partner', url: REFERENCE_WEBHOOK_URL }] : [])
  ).map((w, i) => ({
    id: w.id ?? `wh_${i + 1}`,
    name: w.name ?? w.id ?? `Webhook ${i + 1}`,
    url: w.url,
    secret: w.secret ?? DEFAULT_WEBHOOK_SECRET,
    events: w.events ?? ['ats_assessments.created', 'background_check_order.created'],
    enabled: w.enabled ?? true,
  }));
  const defaults: Partial<Record<Category, PackageSource>> = referencePartner
    ? {
        assessment: { listUrl: '{partner}/packages/assessments' },
        background_check: { listUrl: '{partner}/packages/background-checks' },
      }
    : {};
  const base = { assessment: source(c.packages?.assessment, defaults.assessment), background_check: source(c.packages?.background_check, defaults.background_check) };
  const providers = Object.fromEntries(
    PROVIDERS.map((p) => {
      const pc: ProviderConfig = c.providers?.[p] ?? {};
      return [
        p,
        {
          authType: pc.authType ?? 'public+partner',
          active: pc.active ?? true,
          packages: { assessment: source(pc.packages?.assessment, base.assessment), background_check: source(pc.packages?.background_check, base.background_check) },
          baseUrl: pc.baseUrl,
        } satisfies ResolvedProvider,
      ];
    }),
  ) as Record<ProviderKey, ResolvedProvider>;
  const resolved: ResolvedConfig = {
    host: c.host ?? '127.0.0.1',
    ports: { ...DEFAULT_PORTS, ...c.ports },
    dataDir: c.inMemory ? undefined : path.resolve(c.dataDir ?? '.sandbox-data'),
    apiKey,
    projectId: c.projectId ?? 'sandbox-project',
    referencePartner,
    strict: c.strict ?? false,
    orderWebhook: { dataCopy: c.orderWebhook?.dataCopy ?? false, deliveryHeaders: c.orderWebhook?.deliveryHeaders ?? false },
    packageList: {
      timeoutMs: c.packageList?.timeoutMs ?? 5_000,
      authorization: c.packageList?.authorization ?? 'basic-api-key',
      signingSecret: c.packageList?.signingSecret ?? webhooks[0]?.secret ?? DEFAULT_WEBHOOK_SECRET,
    },
    webhooks,
    events: { assessment: c.events?.assessment ?? 'ats_assessments.created', background_check: c.events?.background_check ?? 'background_check_order.created' },
    delivery: {
      maxAttempts: c.delivery?.maxAttempts ?? (c.delivery?.schedule ? c.delivery.schedule.length + 1 : 6),
      schedule: c.delivery?.schedule ? c.delivery.schedule.map((w) => parseDuration(w) ?? 0) : null,
      baseDelayMs: c.delivery?.baseDelayMs ?? 500,
      maxDelayMs: c.delivery?.maxDelayMs ?? 30_000,
      timeoutMs: c.delivery?.timeoutMs ?? 5_000,
    },
    providers,
    partner: { completeAfterMs: c.partner?.completeAfterMs ?? 1_000, autoComplete: c.partner?.autoComplete ?? true },
    allowedOrigins: [...(c.allowedOrigins ?? [])],
    allowRemoteTargets: c.allowRemoteTargets ?? false,
    limits: { ...DEFAULT_LIMITS, ...c.limits },
    emulators: structuredClone(c.emulators ?? {}),
    unifiedApi: {
      rateLimit: { enabled: c.unifiedApi?.rateLimit?.enabled ?? false, requestsPerSecond: c.unifiedApi?.rateLimit?.requestsPerSecond ?? 10 },
      packageListTimeoutStatus: c.unifiedApi?.packageListTimeoutStatus ?? 502,
    },
  };
  return expandPartnerUrls(resolved, partnerUrl);
}

/** `{partner}` in a URL stands for the reference partner's base URL, read when the URL is used. */
function expandPartnerUrls(cfg: ResolvedConfig, partnerUrl: () => string): ResolvedConfig {
  const lazy = <T extends object>(obj: T, key: keyof T): void => {
    const raw = obj[key];
    if (typeof raw !== 'string' || !raw.includes('{partner}')) return;
    Object.defineProperty(obj, key, { enumerable: true, get: () => raw.replace('{partner}', partnerUrl()) });
  };
  for (const w of cfg.webhooks) lazy(w, 'url');
  for (const p of PROVIDERS) for (const cat of CATEGORIES) lazy(cfg.providers[p].packages[cat], 'listUrl');
  return cfg;
}

function deepMerge(target: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(src)) {
    if (v === undefined) continue;
    const t = target[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && t && typeof t === 'object' && !Array.isArray(t)) deepMerge(t as Record<string, unknown>, v as Record<string, unknown>);
    else target[k] = Array.isArray(v) ? structuredClone(v) : v && typeof v === 'object' ? structuredClone(v) : v;
  }
}
