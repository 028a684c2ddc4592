/**
 * PackageListResolver: what the bridge does when an ATS asks for the packages a recruiter can pick.
 * With a Package's List Endpoint URL it POSTs {account_id, provider[, job_id]} signed with
 * x-stackone-signature and Basic auth, and validates the answer; with only a Static Package ID it
 * offers that one package; the list URL wins when both are set. Every failure is typed.
 */
import { basic, sign, SIGNATURE_HEADER } from '../signing.ts';
import { explainIssues, validate } from '../schemas/registry.ts';
import type { ResolvedConfig } from '../config.ts';
import type { HttpClient } from '../http/client.ts';
import type { Category, LinkedAccountRecord, PackageListOutcome, PartnerPackage } from './glossary.ts';

export class PackageListResolver {
  constructor(
    private readonly config: ResolvedConfig,
    private readonly http: HttpClient,
  ) {}

  async resolve(account: LinkedAccountRecord, category: Category, opts: { jobId?: string; traceId?: string; sendsJobId?: boolean } = {}): Promise<PackageListOutcome> {
    const src = this.config.providers[account.provider].packages[category];
    if (src.listUrl) return this.fetchList(src.listUrl, account, opts);
    if (src.staticPackageId) {
      return { ok: true, source: 'static-package-id', packages: [{ id: src.staticPackageId, remote_id: src.staticPackageId, name: src.staticPackageId }] };
    }
    return {
      ok: false,
      reason: 'not-configured',
      explanation: `Neither a Package's List Endpoint URL nor a Static Package ID is configured for ${account.provider} ${category.replace('_', ' ')} packages`,
    };
  }

  private async fetchList(url: string, account: LinkedAccountRecord, opts: { jobId?: string; traceId?: string; sendsJobId?: boolean }): Promise<PackageListOutcome> {
    const body: Record<string, string> = { account_id: account.id, provider: account.provider };
    if (opts.jobId && opts.sendsJobId !== false) body.job_id = opts.jobId;
    const raw = JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(raw, this.config.packageList.signingSecret) };
    const auth = this.config.packageList.authorization;
    if (auth !== 'none') headers.authorization = basic(this.config.apiKey, auth === 'basic-api-key-colon' ? '' : undefined);
    const res = await this.http({
      method: 'POST',
      url,
      headers,
      body: raw,
      timeoutMs: this.config.packageList.timeoutMs,
      traceId: opts.traceId,
      hop: 'package-list',
      peer: 'partner',
      provider: account.provider,
      accountId: account.id,
      requestSchema: 'unified/package-list-request',
      responseSchema: 'unified/package-list-response',
    });
    if (res.failure) {
      const reason = res.failure === 'reset' ? 'unreachable' : res.failure;
      return { ok: false, reason, explanation: `Package's List Endpoint ${url}: ${res.error}` };
    }
    if (!res.ok) {
      return { ok: false, reason: 'http-status', status: res.status, explanation: `Package's List Endpoint answered HTTP ${res.status}${res.text ? `: ${res.text.slice(0, 200)}` : ''}` };
    }
    if (res.json === undefined) {
      return { ok: false, reason: 'not-json', explanation: `Package's List Endpoint answered with a body that is not JSON${res.jsonError ? ` (${res.jsonError})` : ''}: ${res.text.slice(0, 120) || 'empty body'}` };
    }
    const verdict = validate('unified/package-list-response', res.json);
    if (!verdict.valid) {
      const hint = Array.isArray(res.json) ? ' — it answered a bare array; wrap it as {"data": [...]}' : '';
      return { ok: false, reason: 'wrong-shape', issues: verdict.issues, explanation: `Package's List Endpoint answered the wrong shape${hint}: ${explainIssues(verdict.issues)}` };
    }
    const packages = (res.json as { data: PartnerPackage[] }).data;
    if (packages.length === 0) return { ok: false, reason: 'empty', explanation: "Package's List Endpoint answered an empty list: there is no package to offer" };
    return { ok: true, source: 'list-url', packages };
  }
}
