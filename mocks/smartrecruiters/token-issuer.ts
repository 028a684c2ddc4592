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
import type { SmartRecruitersState, SrToken } from './state.ts';

const CUSTOMER_SCOPES = ['assessment_result_manage', 'assessment_orders_read', 'candidates_read', 'jobs_read'];

export const formBody = express.urlencoded({
  extended: false,
  limit: '16kb',
  verify: (req, _res, buf) => {
    (req as Request).rawBody = buf;
  },
});

export async function issueToken(ctx: EmulatorContext, state: SmartRecruitersState, req: Request, res: Response): Promise<SmartRecruitersTokenResponse> {
  if (!req.is('application/x-www-form-urlencoded')) {
    throw new SmartRecruitersError(415, 'UNSUPPORTED_MEDIA_TYPE', `The token request must be application/x-www-form-urlencoded, got ${req.headers['content-type'] ?? 'none'}`);
  }
  const form = (req.body ?? {}) as Record<string, unknown>;
  const v = validate('smartrecruiters/token-request', { ...form, ...(typeof form.client_secret === 'string' ? { client_secret: '(masked)' } : {}) });
  (res.locals.verdicts ??= []).push({ schema: v.schema, part: 'request', valid: v.valid, ...(v.valid ? {} : { issues: v.issues }) });
  if (form.grant_type !== 'client_credentials') {
    throw new SmartRecruitersError(400, 'UNSUPPORTED_GRANT_TYPE', `grant_type must be client_credentials, got ${JSON.stringify(form.grant_type ?? null)}`, [
      { pointer: '/grant_type', message: 'must be client_credentials', expected: 'client_credentials', actual: form.grant_type ?? 'missing' },
    ]);
  }
  const basic = parseBasic(req.header('authorization'));
  const clientId = typeof form.client_id === 'string' ? form.client_id : basic?.user;
  const secret = typeof form.client_secret === 'string' ? form.client_secret : basic?.password;
  const native = ctx.account.native;
  if (!clientId || !secret || clientId !== native.clientId || secret !== native.clientSecret) {
    const why = !clientId || !secret ? 'client_id and client_secret are required' : clientId !== native.clientId ? `client_id ${JSON.stringify(clientId)} is not a SmartRecruiters client` : 'client_secret is wrong for this client';
    throw new SmartRecruitersError(401, 'INVALID_CLIENT', `Invalid client credentials: ${why}`);
  }
  const ttl = state.settings().tokenTtlSeconds;
  const requested = typeof form.scope === 'string' && form.scope.trim() ? form.scope.trim().split(/\s+/) : CUSTOMER_SCOPES;
  const unknown = requested.filter((s) => !CUSTOMER_SCOPES.includes(s));
  if (unknown.length) throw new SmartRecruitersError(400, 'INVALID_SCOPE', `Scope not granted to this client: ${unknown.join(' ')}`);
  const token: SrToken = { token: `sr_${randomBytes(24).toString('base64url')}`, clientId, scopes: requested, expiresAt: Date.now() + ttl * 1000 };
  await state.tokens.put(token.token, token);
  res.setHeader('cache-control', 'no-store');
  return { access_token: token.token, token_type: 'Bearer', expires_in: ttl, scope: requested.join(' ') };
}

/** The token of a request with the scope it needs; SmartRecruiters' 401/403 otherwise. */
export function requireToken(state: SmartRecruitersState, req: Request, scope: string): SrToken {
  const header = req.header('authorization');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const t = m ? state.tokens.get(m[1]) : undefined;
  if (!t || t.expiresAt <= Date.now()) {
    const why = !header ? 'no Authorization header' : !m ? 'the Authorization header is not Bearer' : !t ? 'the access token is unknown (get one from POST /identity/oauth/token)' : 'the access token has expired';
    throw new SmartRecruitersError(401, 'NOT_AUTHORIZED_TO_ACCESS_RESOURCE', `Not authorized: ${why}`);
  }
  if (!t.scopes.includes(scope)) throw new SmartRecruitersError(403, 'MISSING_SCOPE', `The access token lacks the scope ${scope}`);
  return t;
}
