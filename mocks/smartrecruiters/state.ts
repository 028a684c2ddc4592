/**
 * What the SmartRecruiters emulator keeps: assessment orders with their PackageResult, the OAuth
 * tokens it issued, its settings for the behaviour the public docs leave open, the hiring process
 * (auto-triggered steps) and the partner configuration (the partner's URLs, per category).
 */
import { registerSecret } from '../../harness/secrets.ts';
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { Collection } from '../../harness/store/store.ts';
import type { SmartRecruitersPackageResult } from '../../schemas/generated/smartrecruiters/package-result.ts';
import type { SmartRecruitersPartnerUrls } from '../../schemas/generated/smartrecruiters/sandbox-settings.ts';

export type OrderMode = 'ad-hoc' | 'auto-trigger' | 'inline';

export interface SrOrder {
  orderId: string;
  category: Category;
  mode: OrderMode;
  candidateId: string;
  applicationId: string;
  jobId: string;
  packageId: string;
  packageName: string;
  createdAt: string;
  /** the bridge's order id (x-sandbox-order-id) */
  bridgeOrderId?: string;
  /** inline mode: where the candidate is sent */
  inlineUrl?: string;
  state: 'ordered' | 'failed';
  error?: string;
  result: SmartRecruitersPackageResult;
}

export interface SrToken {
  token: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

export interface SrSettings {
  /** [I] refuse changes after COMPLETED/REJECTED/EXPIRED (SmartRecruiters does not document it; allowed by default) */
  strictTerminalStatus: boolean;
  /** lifetime of issued access tokens */
  tokenTtlSeconds: number;
  /** the partner-level (master) credentials; their token has scope partner_configuration_manage */
  masterCredentials: { clientId: string; clientSecret: string };
  /** [I] multipart part name of the results attachment upload ('*': any file part) */
  attachmentFieldName: string;
  /** [I] an uploaded attachment joins the order's result attachments */
  attachmentUploadAddsToResult: boolean;
  /** recruiter ids or e-mails without recruiter permissions (no Order Assessments button) */
  usersWithoutRecruiterPermission: string[];
  /** SmartRecruiters' API limits (off by default) */
  rateLimit: { enabled: boolean; requestsPerSecond: number; concurrent: number };
  /** the demo company starts with StackOne Assessments connected */
  startConnected: boolean;
  /** [I] how the company id joins an integrationDisableUrl without {companyId} */
  disableUrlCompanyId: 'path' | 'query';
  /** [I] days after which an order still waiting for its result shows EXPIRED on the card (null: never) */
  expireAfterDays: number | null;
}

export interface HiringStep {
  id: string;
  name: string;
  category: Category;
  /** the assessment configured on the step is AUTO-TRIGGERED */
  autoTrigger: boolean;
  /** package chosen when the step was configured; null: the first the partner offers */
  packageId: string | null;
}

/** SmartRecruiters' PartnerConfiguration URLs (B.2) as the partner saved them. */
export type PartnerUrls = Required<SmartRecruitersPartnerUrls>;

export const DEFAULT_SETTINGS: SrSettings = {
  strictTerminalStatus: false,
  tokenTtlSeconds: 1800,
  masterCredentials: { clientId: 'sr_partner_master', clientSecret: 'sr_partner_master_secret_demo' },
  attachmentFieldName: 'attachment',
  attachmentUploadAddsToResult: true,
  usersWithoutRecruiterPermission: [],
  rateLimit: { enabled: false, requestsPerSecond: 10, concurrent: 8 },
  startConnected: true,
  disableUrlCompanyId: 'path',
  expireAfterDays: null,
};

const DEFAULT_STEPS: HiringStep[] = [
  { id: 'skills-test', name: 'Skills Test', category: 'assessment', autoTrigger: true, packageId: null },
  { id: 'background-check', name: 'Background Check', category: 'background_check', autoTrigger: true, packageId: null },
];

const SEGMENT: Record<Category, string> = { assessment: 'assessments', background_check: 'background_checks' };

export class SmartRecruitersState {
  private constructor(
    private readonly ctx: EmulatorContext,
    readonly orders: Collection<SrOrder>,
    readonly tokens: Collection<SrToken>,
    readonly meta: Collection<unknown>,
  ) {}

  static async open(ctx: EmulatorContext): Promise<SmartRecruitersState> {
    return new SmartRecruitersState(ctx, (await ctx.store.collection<SrOrder>('orders', 4)).index('candidate', (o) => o.candidateId), await ctx.store.collection<SrToken>('tokens'), await ctx.store.collection<unknown>('meta'));
  }

  settings(): SrSettings {
    return { ...DEFAULT_SETTINGS, ...((this.meta.get('settings') as Partial<SrSettings> | undefined) ?? {}) };
  }

  async setSettings(s: Partial<Omit<SrSettings, 'rateLimit'>> & { rateLimit?: Partial<SrSettings['rateLimit']> }): Promise<SrSettings> {
    const cur = this.settings();
    if (s.masterCredentials) registerSecret(s.masterCredentials.clientSecret);
    await this.meta.put('settings', { ...cur, ...s, ...(s.rateLimit ? { rateLimit: { ...cur.rateLimit, ...s.rateLimit } } : {}) });
    return this.settings();
  }

  steps(): HiringStep[] {
    return (this.meta.get('steps') as HiringStep[] | undefined) ?? DEFAULT_STEPS;
  }

  /** The partner's URLs for a category: the bridge's external trigger unless overridden. */
  partnerUrls(category: Category): PartnerUrls {
    const base = this.ctx.triggerUrl();
    const seg = `${base}/${SEGMENT[category]}`;
    const defaults: PartnerUrls = {
      oauthTokenUrl: `${base}/oauth/token`,
      assessmentPackageListUrl: `${seg}/packages`,
      singleAssessmentPackageUrl: `${seg}/packages/{assessmentPackageId}`,
      packageOrderUrl: `${seg}/packages/orders`,
      inlineAssessmentPackageOrderUrl: `${seg}/packages/inline/orders`,
    };
    return { ...defaults, ...((this.meta.get(`partner-urls:${category}`) as Partial<PartnerUrls> | undefined) ?? {}) };
  }

  async setPartnerUrls(category: Category, urls: Partial<PartnerUrls>): Promise<PartnerUrls> {
    await this.meta.put(`partner-urls:${category}`, { ...((this.meta.get(`partner-urls:${category}`) as object | undefined) ?? {}), ...urls });
    return this.partnerUrls(category);
  }
}

/** One state per emulator context (the engine keeps one context per running emulator). */
const states = new WeakMap<EmulatorContext, Promise<SmartRecruitersState>>();
export function stateOf(ctx: EmulatorContext): Promise<SmartRecruitersState> {
  let s = states.get(ctx);
  if (!s) states.set(ctx, (s = SmartRecruitersState.open(ctx)));
  return s;
}
