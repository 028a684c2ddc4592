/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { AtsKey, EmulatorSettings, ServiceKey } from './ats.ts';

/**
 * This interface was referenced by `SandboxConfig`'s JSON-Schema
 * via the `definition` "Port".
 */
export type Port = number;

/**
 * sandbox.config.json: every field optional; embedded defaults run the reference partner. CLI flags override it.
 */
export interface SandboxConfig {
  $schema?: string;
  /**
   * Interface every service binds to (default 127.0.0.1)
   */
  host?: string;
  /**
   * Port of each service, by service name (controlPlane, bridge, each ATS's key, partner)
   */
  ports?: {
    [k: string]: Port;
  };
  /**
   * Folder of the state files (default .sandbox-data)
   */
  dataDir?: string;
  /**
   * Keep state in memory only
   */
  inMemory?: boolean;
  /**
   * The StackOne API key partners use (env ATS_SANDBOX_API_KEY wins)
   */
  apiKey?: string;
  projectId?: string;
  /**
   * Start the reference partner and point the bridge at it (default true unless URLs are given)
   */
  referencePartner?: boolean;
  /**
   * Refuse with 400 what the bridge would otherwise accept with a warning (the inferred readings of a result update); default false
   */
  strict?: boolean;
  /**
   * Inferred parts of the order webhook, off by default: the sandbox sends only what StackOne documents
   */
  orderWebhook?: {
    /**
     * Repeat the order under `data` beside `event_data` [I] (default false)
     */
    dataCopy?: boolean;
    /**
     * Send Idempotency-Key (the delivery id) and x-stackone-delivery-attempt [I] (default false)
     */
    deliveryHeaders?: boolean;
  };
  packages?: PackageSources;
  packageList?: {
    timeoutMs?: number;
    /**
     * What goes in the Authorization header of the package-list call: Basic base64(apiKey), Basic base64(apiKey + ':'), or nothing
     */
    authorization?: 'basic-api-key' | 'basic-api-key-colon' | 'none';
    /**
     * Secret of x-stackone-signature on the package-list call (default: the first webhook's secret)
     */
    signingSecret?: string;
  };
  /**
   * @maxItems 20
   */
  webhooks?: WebhookConfig[];
  events?: {
    assessment?: string;
    background_check?: string;
  };
  /**
   * Order webhook delivery: exponential backoff with jitter, then dead-lettered
   */
  delivery?: {
    maxAttempts?: number;
    baseDelayMs?: number;
    maxDelayMs?: number;
    timeoutMs?: number;
    /**
     * [I] A retry schedule over hours and days instead of the exponential backoff: the wait before each retry (e.g. ["5m", "30m", "2h", "8h", "1d", "2d", "3d"]); the last wait repeats until maxAttempts, which defaults to one attempt more than the schedule has waits. Run it in seconds with the virtual clock (POST /_sandbox/clock {"advance": "7d"}).
     *
     * @minItems 1
     * @maxItems 50
     */
    schedule?: [string, ...string[]];
  };
  /**
   * Settings of each ATS, by its key
   */
  providers?: {
    [k: string]: ProviderConfig;
  };
  /**
   * Web origins (scheme://host[:port], no path) whose pages may call the sandbox's services from a browser (CORS). None by default: every service refuses cross-site requests that change state.
   *
   * @maxItems 50
   */
  allowedOrigins?: string[];
  /**
   * Let payloads arriving over HTTP (scenario setups, config layers) point partner URLs beyond loopback. Off by default (CLI --allow-remote-targets).
   */
  allowRemoteTargets?: boolean;
  /**
   * Bounds on resources, so a stalled client or a runaway test cannot exhaust the machine
   */
  limits?: {
    /**
     * Connections each service holds open at once (default 1024)
     */
    maxConnections?: number;
    /**
     * Size at which journal.jsonl is rotated to journal.1.jsonl (default 64 MiB; one old file is kept)
     */
    journalMaxBytes?: number;
    /**
     * Fault rules per service (default 100)
     */
    maxFaultRules?: number;
    /**
     * Scenario runs at once through the control plane (default 4)
     */
    maxScenarioRuns?: number;
    /**
     * Bytes a journal subscriber (GET /_sandbox/events) may fall behind before it is dropped (default 1 MiB)
     */
    sseBufferBytes?: number;
    /**
     * Webhook deliveries in flight at once to one URL (default 16)
     */
    deliveriesPerTarget?: number;
  };
  /**
   * Behaviour of the reference partner
   */
  partner?: {
    completeAfterMs?: number;
    autoComplete?: boolean;
  };
  /**
   * Each emulator's settings for what the ATS's docs leave open ([I]) or that a test varies; the same objects as PUT /_sandbox/settings (Teamtailor: /_sandbox/teamtailor/settings) on that emulator. Applied on start and after every reset. The README's 'Confirmed and inferred behaviour' table lists every setting.
   */
  emulators?: EmulatorSettings;
  /**
   * The bridge's unified API: a rate limit (StackOne publishes none: [I], off by default) and the status of a package list that timed out ([I] 502 Bad Gateway by default; 408 Request timed out with Retry-After: 60 per StackOne's error table)
   */
  unifiedApi?: {
    rateLimit?: {
      /**
       * default false
       */
      enabled?: boolean;
      /**
       * per API key and account, default 10
       */
      requestsPerSecond?: number;
    };
    /**
     * default 502
     */
    packageListTimeoutStatus?: 502 | 408;
  };
}
/**
 * This interface was referenced by `SandboxConfig`'s JSON-Schema
 * via the `definition` "PackageSources".
 */
export interface PackageSources {
  assessment?: PackageSource;
  background_check?: PackageSource;
}
/**
 * This interface was referenced by `SandboxConfig`'s JSON-Schema
 * via the `definition` "PackageSource".
 */
export interface PackageSource {
  /**
   * Package's List Endpoint URL (wins over staticPackageId)
   */
  listUrl?: string | null;
  /**
   * Static Package ID, used when there is no list URL
   */
  staticPackageId?: string | null;
}
/**
 * This interface was referenced by `SandboxConfig`'s JSON-Schema
 * via the `definition` "Webhook".
 */
export interface WebhookConfig {
  id?: string;
  name?: string;
  url: string;
  secret?: string;
  events?: string[];
  enabled?: boolean;
}
/**
 * This interface was referenced by `SandboxConfig`'s JSON-Schema
 * via the `definition` "Provider".
 */
export interface ProviderConfig {
  /**
   * Partner API (orders carry no hiring team), Public + Partner API (they do; default), or public: an authentication type without the External Trigger Token (Teamtailor's Public API; SmartRecruiters: anything but OAuth - Assessments/Background Checks): the Connector Hub shows no token field and the ATS's external triggers are refused
   */
  authType?: 'partner' | 'public+partner' | 'public';
  /**
   * false: the integration is disabled and its accounts answer 412
   */
  active?: boolean;
  packages?: PackageSources;
  /**
   * Where the ATS's own API is (default: its emulator)
   */
  baseUrl?: string;
}
