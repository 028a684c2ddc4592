/** SmartRecruiters' check of a Bearer access token it issued (token-issuer.ts) and its scope. */
import type { Request } from 'express';
import { SmartRecruitersError } from './errors.ts';
import type { SmartRecruitersState, SrToken } from './state.ts';
import { clock } from '../../harness/clock.ts';

/** The token of a request with the scope it needs; SmartRecruiters' 401/403 otherwise. */
export function requireToken(state: SmartRecruitersState, req: Request, scope: string): SrToken {
  const header = req.header('authorization');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const t = m ? state.tokens.get(m[1]) : undefined;
  if (!t || t.expiresAt <= clock.now()) {
    const why = !header ? 'no Authorization header' : !m ? 'the Authorization header is not Bearer' : !t ? 'the access token is unknown (get one from POST /identity/oauth/token)' : 'the access token has expired';
    throw new SmartRecruitersError(401, 'NOT_AUTHORIZED_TO_ACCESS_RESOURCE', `Not authorized: ${why}`);
  }
  if (!t.scopes.includes(scope)) throw new SmartRecruitersError(403, 'MISSING_SCOPE', `The access token lacks the scope ${scope}`);
  return t;
}
