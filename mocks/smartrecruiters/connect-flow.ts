/**
 * SmartRecruiters' connect flow (Assessment API 2021, reference B.1/B.2), SmartRecruiters' side:
 *   GET|PUT /assessment-api/v202010/partner/configuration        [C] master token, partner_configuration_manage
 *   POST    /assessment-api/v202010/integration/company/:id      [C] 200 customer credentials; 400 bad body,
 *                                                                401, 403 missing scope or no consent, 404 no
 *                                                                partner configuration, 409 already integrated
 * and what the customer's admin does in Settings → Apps & Integrations (sandbox routes):
 *   POST /_sandbox/admin/consent   "Allow and Continue": the company consents; answers the consent URL opened
 *   POST /_sandbox/admin/connect   consent, then StackOne's consent form (External Trigger Token + e-mail): the
 *                                  token is checked at the partner's oauthTokenUrl, as SmartRecruiters will
 *                                  use it; success shows "StackOne Assessments is connected"
 *   POST /_sandbox/admin/disable   disconnect: SmartRecruiters calls the partner's integrationDisableUrl (204)
 *   GET  /_sandbox/admin/apps      the app tile's state
 *   DELETE /_sandbox/partner/configuration   forget the saved configuration (to reproduce a 404)
 * The demo company starts connected (its linked account exists). While a company is not connected, or for
 * a user without recruiter permissions, the candidate profile has no "Order Assessments" button.
 */
import { Router, type Request } from 'express';
import { randomBytes } from 'node:crypto';
import type { Category, EmulatorContext, PackageListView, RecruiterInput } from '../../harness/emulator/glossary.ts';
import { requireJson } from '../../harness/http/service-app.ts';
import { checkTargets } from '../../harness/http/remote-targets.ts';
import { explainIssues, validate } from '../../harness/schemas/registry.ts';
import { registerSecret } from '../../harness/secrets.ts';
import type { Collection } from '../../harness/store/store.ts';
import type { SmartRecruitersPartnerConfiguration } from '../../schemas/generated/smartrecruiters/partner-configuration.ts';
import type { SmartRecruitersClientCredentials } from '../../schemas/generated/smartrecruiters/client-credentials.ts';
import type { SmartRecruitersAdminAction } from '../../schemas/generated/smartrecruiters/admin-action.ts';
import type { SmartRecruitersSandboxAction } from '../../schemas/generated/smartrecruiters/sandbox-action.ts';
import { SmartRecruitersError } from './errors.ts';
import { requireToken } from './token-check.ts';
import { stateOf } from './state.ts';
import { clock } from '../../harness/clock.ts';

const APP_NAME = 'StackOne Assessments';
/** StackOne's guide: the message after the consent form was verified. */
export const CONNECTED = `${APP_NAME} is connected`;
/** StackOne's troubleshooting row "Order Assessment button missing from candidate profile". */
export const BUTTON_MISSING_NOT_CONNECTED = `No "Order Assessments" button on the candidate profile: ${APP_NAME} is not connected for this company (Settings → Apps & Integrations → Active Apps)`;
export const BUTTON_MISSING_NO_PERMISSION = 'No "Order Assessments" button on the candidate profile: this user lacks recruiter permissions';
const MASTER_SCOPE = 'partner_configuration_manage';

interface Connection {
  companyId: string;
  /** the admin pressed "Allow and Continue" */
  consented: boolean;
  /** the partner completed POST /integration/company/{id} (or the consent form was verified) */
  integrated: boolean;
  connectedAt?: string;
  /** what the partner created for SmartRecruiters: used at its oauthTokenUrl */
  partnerCredentials?: SmartRecruitersClientCredentials;
  /** what SmartRecruiters created for the partner (customer level) */
  customerCredentials?: SmartRecruitersClientCredentials;
}

const connections = new WeakMap<EmulatorContext, Promise<Collection<Connection>>>();
function book(ctx: EmulatorContext): Promise<Collection<Connection>> {
  let c = connections.get(ctx);
  if (!c) connections.set(ctx, (c = ctx.store.collection<Connection>('connections')));
  return c;
}

/** The demo company starts connected with the linked account's credentials (both directions). */
export async function seedConnections(ctx: EmulatorContext): Promise<void> {
  const companyId = ctx.account.native.companyId;
  if (!companyId || !(await stateOf(ctx)).settings().startConnected) return;
  const b = await book(ctx);
  if (b.get(companyId)) return;
  await b.put(companyId, {
    companyId,
    consented: true,
    integrated: true,
    connectedAt: new Date(0).toISOString(),
    customerCredentials: { clientId: ctx.account.native.clientId ?? '', clientSecret: ctx.account.native.clientSecret ?? '' },
  });
}

async function connectionOf(ctx: EmulatorContext, companyId = ctx.account.native.companyId ?? ''): Promise<Connection | undefined> {
  return (await book(ctx)).get(companyId);
}

/** The customer-level credentials SmartRecruiters issued (for the token endpoint). */
export async function issuedCustomerCredentials(ctx: EmulatorContext): Promise<SmartRecruitersClientCredentials[]> {
  return (await book(ctx))
    .all()
    .filter((c) => c.integrated && c.customerCredentials)
    .map((c) => c.customerCredentials!);
}

/** What SmartRecruiters sends the partner's oauthTokenUrl: the partner's credentials, else company id + External Trigger Token. */
export async function partnerCredentials(ctx: EmulatorContext): Promise<SmartRecruitersClientCredentials> {
  const c = await connectionOf(ctx);
  return c?.partnerCredentials ?? { clientId: ctx.account.native.companyId ?? '', clientSecret: ctx.triggerToken() };
}

/** Why the recruiter has no "Order Assessments" button, or undefined when it is there. */
export async function orderButtonMissing(ctx: EmulatorContext, input: Pick<RecruiterInput, 'recruiter'>): Promise<string | undefined> {
  const c = await connectionOf(ctx);
  if (!c?.integrated) return BUTTON_MISSING_NOT_CONNECTED;
  const denied = (await stateOf(ctx)).settings().usersWithoutRecruiterPermission;
  if (denied.includes(input.recruiter.id) || denied.includes(input.recruiter.email)) return BUTTON_MISSING_NO_PERMISSION;
  return undefined;
}

/** Wraps the recruiter's package list: no button, no list. */
async function guardedList(ctx: EmulatorContext, input: RecruiterInput, list: () => Promise<PackageListView>): Promise<PackageListView> {
  const missing = await orderButtonMissing(ctx, input);
  return missing ? { ok: false, recruiterSees: missing } : list();
}

const CONFIG_KEY = 'partner-configuration';

async function savedConfiguration(ctx: EmulatorContext): Promise<SmartRecruitersPartnerConfiguration | undefined> {
  return (await stateOf(ctx)).meta.get(CONFIG_KEY) as SmartRecruitersPartnerConfiguration | undefined;
}

/** The configuration the sandbox starts with: the bridge's URLs (what StackOne registered as the partner). */
function defaultConfiguration(ctx: EmulatorContext): SmartRecruitersPartnerConfiguration {
  const base = ctx.triggerUrl();
  return {
    consentUrl: `${base}/integration`,
    consentDisplayMode: 'REDIRECT',
    assessmentPackageListUrl: `${base}/assessments/packages`,
    singleAssessmentPackageUrl: `${base}/assessments/packages/{assessmentPackageId}`,
    packageOrderUrl: `${base}/assessments/packages/orders`,
    inlineAssessmentPackageOrderUrl: `${base}/assessments/packages/inline/orders`,
    oauthTokenUrl: `${base}/oauth/token`,
    supportedAssessmentTypes: ['SKILL_TEST', 'BACKGROUND_CHECK', 'INLINE_ASSESSMENT'],
  };
}

/** [I] One configuration per partner, two categories here: BACKGROUND_CHECK → background checks, any other type → assessments. */
function categoriesOf(cfg: SmartRecruitersPartnerConfiguration): Category[] {
  const cats = new Set<Category>();
  for (const t of cfg.supportedAssessmentTypes) cats.add(t === 'BACKGROUND_CHECK' ? 'background_check' : 'assessment');
  return [...cats];
}

function parse<T>(req: Request, schema: string, what: string): T {
  requireJson(req);
  const v = validate(schema, req.body ?? {});
  if (!v.valid) throw new SmartRecruitersError(400, 'INVALID_REQUEST', `Invalid ${what}: ${explainIssues(v.issues)}`, v.issues);
  return req.body as T;
}

async function requireMaster(ctx: EmulatorContext, req: Request): Promise<void> {
  requireToken(await stateOf(ctx), req, MASTER_SCOPE);
}

/** Saves a company's integration; the customer-level credentials SmartRecruiters creates for the partner. */
async function integrate(ctx: EmulatorContext, companyId: string, partner: SmartRecruitersClientCredentials | undefined): Promise<SmartRecruitersClientCredentials> {
  const b = await book(ctx);
  const cur = b.get(companyId);
  const own = companyId === ctx.account.native.companyId && ctx.account.native.clientId && ctx.account.native.clientSecret;
  // the demo company keeps the linked account's credentials, so the bridge's results still arrive
  const customer = own
    ? { clientId: ctx.account.native.clientId!, clientSecret: ctx.account.native.clientSecret! }
    : { clientId: `sr_client_${companyId.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 20)}_${randomBytes(3).toString('hex')}`, clientSecret: `sr_secret_${randomBytes(18).toString('base64url')}` };
  registerSecret(customer.clientSecret);
  if (partner) registerSecret(partner.clientSecret);
  await b.put(companyId, { companyId, consented: true, integrated: true, connectedAt: clock.iso(), ...(partner ? { partnerCredentials: partner } : cur?.partnerCredentials ? { partnerCredentials: cur.partnerCredentials } : {}), customerCredentials: customer });
  return customer;
}

async function consent(ctx: EmulatorContext, companyId: string): Promise<Connection> {
  const b = await book(ctx);
  const cur = b.get(companyId);
  const next: Connection = { ...(cur ?? { companyId, integrated: false }), consented: true };
  await b.put(companyId, next);
  return next;
}

function consentUrlFor(cfg: SmartRecruitersPartnerConfiguration, companyId: string, ctx: EmulatorContext): string {
  const u = new URL(cfg.consentUrl);
  u.searchParams.set('companyId', companyId);
  if (cfg.consentDisplayMode === 'REDIRECT') u.searchParams.set('redirect', `${ctx.selfUrl()}/_sandbox/admin/apps`);
  return u.toString();
}

export function connectFlowRoutes(ctx: EmulatorContext): Router {
  const r = Router();
  const API = '/assessment-api/v202010';

  r.get(`${API}/partner/configuration`, async (req, res) => {
    res.locals.hop = 'connect';
    await requireMaster(ctx, req);
    const cfg = await savedConfiguration(ctx);
    if (!cfg) throw new SmartRecruitersError(404, 'PARTNER_CONFIGURATION_NOT_FOUND', 'No partner configuration saved: PUT /partner/configuration first');
    res.json(cfg);
  });

  r.put(`${API}/partner/configuration`, async (req, res) => {
    res.locals.hop = 'connect';
    await requireMaster(ctx, req);
    const cfg = parse<SmartRecruitersPartnerConfiguration>(req, 'smartrecruiters/partner-configuration', 'PartnerConfigurationRequest');
    const { consentUrl: _c, consentDisplayMode: _m, fields: _f, supportedAssessmentTypes: _t, ...urls } = cfg;
    checkTargets(urls, '', ctx.allowRemoteTargets ?? false);
    const state = await stateOf(ctx);
    await state.meta.put(CONFIG_KEY, cfg);
    for (const cat of categoriesOf(cfg)) {
      await state.setPartnerUrls(cat, {
        oauthTokenUrl: cfg.oauthTokenUrl,
        assessmentPackageListUrl: cfg.assessmentPackageListUrl,
        singleAssessmentPackageUrl: cfg.singleAssessmentPackageUrl,
        ...(cfg.packageOrderUrl ? { packageOrderUrl: cfg.packageOrderUrl } : {}),
        ...(cfg.inlineAssessmentPackageOrderUrl ? { inlineAssessmentPackageOrderUrl: cfg.inlineAssessmentPackageOrderUrl } : {}),
      });
    }
    res.json(cfg);
  });

  r.post(`${API}/integration/company/:companyId`, async (req, res) => {
    res.locals.hop = 'connect';
    await requireMaster(ctx, req);
    const creds = parse<SmartRecruitersClientCredentials>(req, 'smartrecruiters/client-credentials', 'ClientCredentials');
    if (!(await savedConfiguration(ctx))) throw new SmartRecruitersError(404, 'PARTNER_CONFIGURATION_NOT_FOUND', 'No partner configuration: PUT /partner/configuration before integrating a company');
    const companyId = req.params.companyId;
    const cur = await connectionOf(ctx, companyId);
    if (!cur?.consented) throw new SmartRecruitersError(403, 'CONSENT_REQUIRED', `Company ${JSON.stringify(companyId)} has not consented: its admin must press "Allow and Continue" on the app first`);
    if (cur.integrated) throw new SmartRecruitersError(409, 'ALREADY_INTEGRATED', `Company ${JSON.stringify(companyId)} is already integrated with this partner`);
    res.json(await integrate(ctx, companyId, creds));
  });

  const action = (req: Request): SmartRecruitersAdminAction & { companyId: string } => {
    const b = parse<SmartRecruitersAdminAction>(req, 'smartrecruiters/admin-action', 'admin action');
    return { ...b, companyId: b.companyId ?? ctx.account.native.companyId ?? '' };
  };

  r.post('/_sandbox/admin/consent', async (req, res) => {
    const b = action(req);
    await consent(ctx, b.companyId);
    const cfg = (await savedConfiguration(ctx)) ?? defaultConfiguration(ctx);
    res.json({ companyId: b.companyId, consented: true, consentUrl: consentUrlFor(cfg, b.companyId, ctx), consentDisplayMode: cfg.consentDisplayMode });
  });

  r.post('/_sandbox/admin/connect', async (req, res) => {
    res.json(await connect(action(req), req.traceId, false));
  });

  /** The control plane's activate action: the admin connects the app again (Connect → Allow and Continue → the token form). */
  r.post('/_sandbox/smartrecruiters/activate', async (req, res) => {
    parse<SmartRecruitersSandboxAction>(req, 'smartrecruiters/sandbox-action', 'activation');
    const out = await connect({ companyId: ctx.account.native.companyId ?? '' }, req.traceId, true);
    res.json({ active: out.connected, recruiterSees: out.adminSees, companyId: out.companyId });
  });

  async function connect(b: SmartRecruitersAdminAction & { companyId: string }, traceId: string, verifyAgain: boolean): Promise<{ companyId: string; connected: boolean; adminSees: string }> {
    if (b.allow === false) return { companyId: b.companyId, connected: false, adminSees: `${APP_NAME} was not connected: permissions were not allowed` };
    await consent(ctx, b.companyId);
    const cur = await connectionOf(ctx, b.companyId);
    if (cur?.integrated && !verifyAgain) return { companyId: b.companyId, connected: true, adminSees: CONNECTED };
    // StackOne's consent form: company id and External Trigger Token become the credentials SmartRecruiters uses at the token URL
    const partner = { clientId: b.companyId, clientSecret: b.externalTriggerToken ?? ctx.triggerToken() };
    const urls = (await stateOf(ctx)).partnerUrls('assessment');
    const tokenRes = await ctx.http({
      method: 'POST',
      url: urls.oauthTokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: partner.clientId, client_secret: partner.clientSecret }).toString(),
      traceId,
      hop: 'connect',
      peer: 'bridge',
      provider: 'smartrecruiters',
    });
    if (!tokenRes.ok) {
      const j = tokenRes.json as { error_description?: unknown } | undefined;
      const why = typeof j?.error_description === 'string' ? j.error_description : (tokenRes.error ?? `HTTP ${tokenRes.status}`);
      return { companyId: b.companyId, connected: false, adminSees: `The consent form refused the External Trigger Token: ${why}` };
    }
    await integrate(ctx, b.companyId, partner);
    return { companyId: b.companyId, connected: true, adminSees: CONNECTED };
  }

  r.post('/_sandbox/admin/disable', async (req, res) => {
    const b = action(req);
    const cur = await connectionOf(ctx, b.companyId);
    if (!cur?.integrated) throw new SmartRecruitersError(404, 'MISSING_COMPANY_INTEGRATION', `Company ${JSON.stringify(b.companyId)} is not integrated`);
    const cfg = await savedConfiguration(ctx);
    let partnerAnswered: number | undefined;
    if (cfg?.integrationDisableUrl) {
      // [I] {companyId} in the saved URL is filled in; otherwise it is appended (settings.disableUrlCompanyId)
      const id = encodeURIComponent(b.companyId);
      const base = cfg.integrationDisableUrl;
      const url = base.includes('{companyId}') ? base.replace('{companyId}', id) : (await stateOf(ctx)).settings().disableUrlCompanyId === 'query' ? `${base}${base.includes('?') ? '&' : '?'}companyId=${id}` : `${base.replace(/\/$/, '')}/${id}`;
      const out = await ctx.http({ method: 'DELETE', url, traceId: req.traceId, hop: 'connect', peer: 'partner', provider: 'smartrecruiters' });
      partnerAnswered = out.status;
    }
    await (await book(ctx)).put(b.companyId, { companyId: b.companyId, consented: false, integrated: false });
    res.json({ companyId: b.companyId, connected: false, ...(partnerAnswered !== undefined ? { partnerAnswered } : {}), adminSees: `${APP_NAME} is disconnected` });
  });

  r.get('/_sandbox/admin/apps', async (_req, res) => {
    const all = (await book(ctx)).all();
    res.json(all.map((c) => ({ app: APP_NAME, companyId: c.companyId, consented: c.consented, connected: c.integrated, status: c.integrated ? CONNECTED : `${APP_NAME} is not connected` })));
  });

  r.delete('/_sandbox/partner/configuration', async (_req, res) => {
    await (await stateOf(ctx)).meta.delete(CONFIG_KEY);
    res.json({ removed: true });
  });

  return r;
}
