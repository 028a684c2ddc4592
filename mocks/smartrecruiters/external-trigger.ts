/**
 * SmartRecruitersPartnerClient: SmartRecruiters acting toward the partner (here the bridge's
 * /external-trigger/smartrecruiters): a token from the partner's oauthTokenUrl (company id +
 * the External Trigger Token the customer entered on the consent form), then the package list and
 * the orders with that Bearer token. Every call is journaled; a failure comes back with its reason.
 */
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import { validate, explainIssues } from '../../harness/schemas/registry.ts';
import type { SmartRecruitersAssessmentPackage } from '../../schemas/generated/smartrecruiters/assessment-package.ts';
import type { SmartRecruitersPackageOrderRequest } from '../../schemas/generated/smartrecruiters/package-order-request.ts';
import type { SmartRecruitersInlineOrderRequest } from '../../schemas/generated/smartrecruiters/inline-order-request.ts';
import type { PartnerUrls } from './state.ts';
import { partnerCredentials } from './connect-flow.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; why: string };

const common = (traceId: string) => ({ traceId, hop: 'external-trigger', peer: 'bridge', provider: 'smartrecruiters' });

export class SmartRecruitersPartnerClient {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly urls: PartnerUrls,
    private readonly traceId: string,
  ) {}

  async token(): Promise<Outcome<string>> {
    const creds = await partnerCredentials(this.ctx);
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: creds.clientId, client_secret: creds.clientSecret });
    const res = await this.ctx.http({
      method: 'POST',
      url: this.urls.oauthTokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      ...common(this.traceId),
      responseSchema: 'smartrecruiters/token-response',
    });
    const token = (res.json as { access_token?: unknown } | undefined)?.access_token;
    if (res.ok && typeof token === 'string') return { ok: true, value: token };
    return { ok: false, why: `token URL ${this.urls.oauthTokenUrl}: ${res.error ?? `HTTP ${res.status} ${res.text.slice(0, 200)}`}` };
  }

  /** GET the package list: 200 with an array, or 204 for none. */
  async packages(token: string, query: Record<string, string>, requesterEmail: string): Promise<Outcome<SmartRecruitersAssessmentPackage[]>> {
    const url = `${this.urls.assessmentPackageListUrl}?${new URLSearchParams(query)}`;
    const res = await this.ctx.http({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', requester: JSON.stringify({ email: requesterEmail }) },
      ...common(this.traceId),
    });
    if (res.status === 204) return { ok: true, value: [] };
    if (!res.ok) return { ok: false, why: `package list: ${res.error ?? `HTTP ${res.status} ${res.text.slice(0, 300)}`}` };
    const v = validate('smartrecruiters/assessment-package-list', res.json);
    if (!v.valid) return { ok: false, why: `package list is not an AssessmentPackage array: ${explainIssues(v.issues)}` };
    return { ok: true, value: res.json as SmartRecruitersAssessmentPackage[] };
  }

  /** POST an ad-hoc or auto-triggered order: 202 expected; the bridge's order id comes in x-sandbox-order-id. */
  async order(token: string, body: SmartRecruitersPackageOrderRequest): Promise<Outcome<string | undefined>> {
    const res = await this.ctx.http({
      method: 'POST',
      url: this.urls.packageOrderUrl,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      body,
      ...common(this.traceId),
      requestSchema: 'smartrecruiters/package-order-request',
      responseSchema: 'smartrecruiters/package-order-response',
    });
    if (res.status !== 202) return { ok: false, why: `order: ${res.error ?? `HTTP ${res.status} (202 expected) ${res.text.slice(0, 300)}`}` };
    return { ok: true, value: res.headers['x-sandbox-order-id'] };
  }

  /** POST an inline order: 200 {url} expected ({assessmentPackageURL} tolerated). */
  async inlineOrder(token: string, body: SmartRecruitersInlineOrderRequest): Promise<Outcome<{ url: string; orderId?: string }>> {
    const res = await this.ctx.http({
      method: 'POST',
      url: this.urls.inlineAssessmentPackageOrderUrl,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      body,
      ...common(this.traceId),
      requestSchema: 'smartrecruiters/inline-order-request',
      responseSchema: 'smartrecruiters/inline-order-response',
    });
    const j = res.json as { url?: unknown; assessmentPackageURL?: unknown } | undefined;
    const url = typeof j?.url === 'string' ? j.url : typeof j?.assessmentPackageURL === 'string' ? j.assessmentPackageURL : undefined;
    if (res.status !== 200 || !url) return { ok: false, why: `inline order: ${res.error ?? `HTTP ${res.status} (200 {url} expected) ${res.text.slice(0, 300)}`}` };
    return { ok: true, value: { url, orderId: res.headers['x-sandbox-order-id'] } };
  }
}

export const categoryWord = (c: Category): string => (c === 'assessment' ? 'assessment' : 'background check');
