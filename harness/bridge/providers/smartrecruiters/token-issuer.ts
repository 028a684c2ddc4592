/**
 * SmartRecruitersTokenIssuer: the bridge's OAuth2 token endpoint for SmartRecruiters (the partner's
 * `oauthTokenUrl`). In StackOne's setup the customer types the External Trigger Token into the
 * consent form, so here SmartRecruiters authenticates with
 *   client_id     = the SmartRecruiters company id of the linked account (account.native.companyId)
 *   client_secret = the account's External Trigger Token
 * (form fields or HTTP Basic), and gets a Bearer access token bound to that linked account.
 */
import { randomBytes } from 'node:crypto';
import { PROVIDERS } from '../../../config.ts';
import { parseBasic } from '../../../signing.ts';
import type { BridgeApi, LinkedAccountRecord } from '../../glossary.ts';
import type { SmartRecruitersOAuthError } from '../../../../schemas/generated/smartrecruiters/oauth-error.ts';
import type { SmartRecruitersTokenResponse } from '../../../../schemas/generated/smartrecruiters/token-response.ts';
import { clock } from '../../../clock.ts';

const ACCESS_TOKEN_TTL_SECONDS = 3600;
const SR_SCOPES = 'packages_view orders_modify';

interface Grant {
  accountId: string;
  expiresAt: number;
}

export type TokenOutcome = { ok: true; account: LinkedAccountRecord; body: SmartRecruitersTokenResponse } | { ok: false; status: number; body: SmartRecruitersOAuthError };

export class SmartRecruitersTokenIssuer {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly bridge: BridgeApi) {}

  issue(form: Record<string, unknown>, authorization: string | undefined): TokenOutcome {
    const refuse = (status: number, error: SmartRecruitersOAuthError['error'], description: string): TokenOutcome => ({ ok: false, status, body: { error, error_description: description } });
    if (form.grant_type !== 'client_credentials') {
      return refuse(400, form.grant_type === undefined ? 'invalid_request' : 'unsupported_grant_type', `grant_type must be client_credentials, got ${JSON.stringify(form.grant_type ?? null)}`);
    }
    const basic = parseBasic(authorization);
    const clientId = typeof form.client_id === 'string' ? form.client_id : basic?.user;
    const secret = typeof form.client_secret === 'string' ? form.client_secret : basic?.password;
    if (!clientId || !secret) return refuse(400, 'invalid_request', 'client_id and client_secret are required (form fields or HTTP Basic)');
    const account = this.bridge.accountByToken('smartrecruiters', secret);
    if (!account) {
      const other = PROVIDERS.find((p) => p !== 'smartrecruiters' && this.bridge.accountByToken(p, secret));
      return refuse(
        400,
        'invalid_client',
        other
          ? `client_secret is the External Trigger Token of a ${other} account, not of a SmartRecruiters one`
          : 'client_secret is not the External Trigger Token of any SmartRecruiters linked account: copy it from the StackOne hub into the consent form',
      );
    }
    if (account.native.companyId && clientId !== account.native.companyId) {
      return refuse(400, 'invalid_client', `client_id must be the SmartRecruiters company id of the linked account (${account.native.companyId}), got ${JSON.stringify(clientId)}`);
    }
    if (account.status !== 'active' || !this.bridge.config.providers.smartrecruiters.active) {
      return refuse(400, 'unauthorized_client', `the SmartRecruiters integration of account ${account.id} is not active`);
    }
    const token = `srb_${randomBytes(24).toString('base64url')}`;
    this.grants.set(token, { accountId: account.id, expiresAt: clock.now() + ACCESS_TOKEN_TTL_SECONDS * 1000 });
    this.prune();
    return { ok: true, account, body: { access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS, scope: SR_SCOPES } };
  }

  /** The account a Bearer token was issued for; a reason when it names none. */
  accountOf(authorization: string | undefined): { account: LinkedAccountRecord } | { why: string } {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m) return { why: authorization ? 'the Authorization header is not Bearer' : 'no Authorization header' };
    const grant = this.grants.get(m[1]);
    if (!grant) return { why: 'the access token was not issued by this token endpoint' };
    if (grant.expiresAt <= clock.now()) return { why: 'the access token has expired: get a new one from the token URL' };
    const account = this.bridge.accountById(grant.accountId);
    if (!account || account.status !== 'active') return { why: 'the linked account of this token is no longer active' };
    return { account };
  }

  private prune(): void {
    if (this.grants.size < 1000) return;
    const now = clock.now();
    for (const [k, g] of this.grants) if (g.expiresAt <= now) this.grants.delete(k);
  }
}
