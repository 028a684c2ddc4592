/**
 * What an ATS declares about itself, once, in its own folder (`mocks/<ats>/manifest.ts`): plain data,
 * no server code, so the CLI's `--help` and every list of ATSs (config, ports, services, fault
 * targets, schema enums, the dashboard) read it without loading an emulator or a bridge adapter.
 * The server sides are declared beside it (`AtsSides`, harness/ats/sides.ts).
 */

/** A linked account of the demo world: the facts both sides know (ETT, tenant ids, partner credentials). */
export interface DemoTenant {
  id: string;
  label: string;
  externalTriggerToken: string;
  /** ATS-side facts: tenant and company ids, the partner's credentials to the ATS's API */
  native: Readonly<Record<string, string>>;
}

export interface AtsManifest {
  /** lower-case key: URL segment, service name, config key, pact participant */
  readonly key: string;
  /** as the ATS calls itself: "Greenhouse" */
  readonly name: string;
  /** the emulator's port under `npm start` */
  readonly defaultPort: number;
  /** the demo tenant `npm start` seeds on both sides */
  readonly demoAccount: DemoTenant;
  /** native facts of the account that are secrets (masked everywhere) */
  readonly secretNativeKeys: readonly string[];
  /** request headers of this ATS's protocol that carry credentials (masked by name in the journal) */
  readonly secretHeaders: readonly string[];
  /**
   * How StackOne's Connector Hub names the authentication types of this ATS (harness/bridge/auth-types.ts):
   * `public` is a type without the External Trigger Token field. Absent: Partner API, Public + Partner
   * API, Public API.
   */
  readonly authTypeLabels?: { readonly partner: string; readonly 'public+partner': string; readonly public: string };
  /**
   * The schema of this emulator's settings (config `emulators.<key>`, PUT /_sandbox/settings), by name
   * below schemas/ (`teamtailor/sandbox-settings`). Absent: any object.
   */
  readonly settingsSchema?: string;
  /**
   * The dashboard's renderer of this ATS's result cards: a browser ES module (absolute, or from the package
   * root) whose default export renders one ResultCardView with the kit it is given. Absent: a plain card.
   */
  readonly cardScript?: string;
}
