/**
 * SmartRecruitersTokenIssuer: SmartRecruiters' OAuth2 endpoint (POST /identity/oauth/token,
 * client credentials, form-encoded). The customer-level credentials SmartRecruiters handed the
 * partner when the company connected (account.native clientId/clientSecret) get a Bearer token with
 * the customer scopes; anything else (another ATS's credentials included) gets 401.
 */
import express, { type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import { parseBasic } from '../../harness/signing.ts';
import { validate } from '../../harness/schemas/registry.ts';
import type { SmartRecruitersTokenResponse } from '../../schemas/generated/smartrecruiters/token-response.ts';
import { SmartRecruitersError } from './errors.ts';
import type { SmartRecruitersOAuthError } from '../../schemas/generated/smartrecruiters/oauth-error.ts';
import { issuedCustomerCredentials } from './connect-flow.ts';
import type { SmartRecruitersState, SrToken } from './state.ts';
import { clock } from '../../harness/clock.ts';
import { recordVerdict } from '../../harness/http/service-app.ts';

const CUSTOMER_SCOPES = ['assessment_result_manage', 'assessment_orders_read', 'candidates_read', 'jobs_read'];
/** what the partner-level (master) credentials get [C] */
const MASTER_SCOPES = ['partner_configuration_manage'];

export const formBody = express.urlencoded({
  extended: false,
  limit: '16kb',
  verify: (req, _res, buf) => {
    (req as Request).rawBody = buf;
  },
});

/**
 * A token-endpoint refusal in RFC 6749 §5.2 form ({"error","error_description"}) [C: SmartRecruiters'
 * docs name OAuth2 client credentials; the error form is the RFC's]. invalid_client answers 401, the rest 400.
 */
class OAuthError extends SmartRecruitersError {
  constructor(
    readonly oauthError: SmartRecruitersOAuthError['error'],
    description: string,
    status = oauthError === 'invalid_client' ? 401 : 400,
  ) {
    super(status, oauthError.toUpperCase(), description);
  }
}

export async function issueToken(ctx: EmulatorContext, state: SmartRecruitersState, req: Request, res: Response): Promise<SmartRecruitersTokenResponse> {
  if (!req.is('application/x-www-form-urlencoded')) {
    throw new OAuthError('invalid_request', `The token request must be application/x-www-form-urlencoded, got ${req.headers['content-type'] ?? 'none'}`);
  }
  const form = (req.body ?? {}) as Record<string, unknown>;
  const v = validate('smartrecruiters/token-request', { ...form, ...(typeof form.client_secret === 'string' ? { client_secret: '(masked)' } : {}) });
  recordVerdict(res.locals, v);
  if (form.grant_type !== 'client_credentials') {
    throw new OAuthError(form.grant_type === undefined ? 'invalid_request' : 'unsupported_grant_type', `grant_type must be client_credentials, got ${JSON.stringify(form.grant_type ?? null)}`);
  }
  const basic = parseBasic(req.header('authorization'));
  const clientId = typeof form.client_id === 'string' ? form.client_id : basic?.user;
  const secret = typeof form.client_secret === 'string' ? form.client_secret : basic?.password;
  if (!clientId || !secret) throw new OAuthError('invalid_request', 'client_id and client_secret are required (form fields or HTTP Basic)');
  const native = ctx.account.native;
  const master = state.settings().masterCredentials;
  const customers = [...(native.clientId && native.clientSecret ? [{ clientId: native.clientId, clientSecret: native.clientSecret }] : []), ...(await issuedCustomerCredentials(ctx))];
  const isMaster = clientId === master.clientId;
  const customer = customers.find((c) => c.clientId === clientId);
  if ((!isMaster && !customer) || (isMaster && secret !== master.clientSecret) || (customer && !isMaster && customer.clientSecret !== secret)) {
    const why = !isMaster && !customer ? `client_id ${JSON.stringify(clientId)} is not a SmartRecruiters client` : 'client_secret is wrong for this client';
    throw new OAuthError('invalid_client', `Invalid client credentials: ${why}`);
  }
  const allowed = isMaster ? MASTER_SCOPES : CUSTOMER_SCOPES;
  const ttl = state.settings().tokenTtlSeconds;
  const requested = typeof form.scope === 'string' && form.scope.trim() ? form.scope.trim().split(/\s+/) : allowed;
  const unknown = requested.filter((s) => !allowed.includes(s));
  if (unknown.length) throw new OAuthError('invalid_scope', `Scope not granted to this client: ${unknown.join(' ')}`);
  const token: SrToken = { token: `sr_${randomBytes(24).toString('base64url')}`, clientId, scopes: requested, expiresAt: clock.now() + ttl * 1000 };
  await state.tokens.put(token.token, token);
  res.setHeader('cache-control', 'no-store');
  return { access_token: token.token, token_type: 'Bearer', expires_in: ttl, scope: requested.join(' ') };
}

