/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
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
  ports?: {
    controlPlane?: Port;
    bridge?: Port;
    teamtailor?: Port;
    recruitee?: Port;
    greenhouse?: Port;
    smartrecruiters?: Port;
    partner?: Port;
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
  };
  providers?: {
    teamtailor?: ProviderConfig;
    recruitee?: ProviderConfig;
    greenhouse?: ProviderConfig;
    smartrecruiters?: ProviderConfig;
  };
  /**
   * Behaviour of the reference partner
   */
  partner?: {
    completeAfterMs?: number;
    autoComplete?: boolean;
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
   * Partner API (orders carry no hiring team) or Public + Partner API (they do)
   */
  authType?: 'partner' | 'public+partner';
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
