/**
 * TeamtailorProviderKey: the Bearer token Teamtailor sends on every call to the partner base URL.
 * Teamtailor turns the activation form's values ({"externalTriggerToken": "..."}) into a JWT that
 * the partner verifies with its partner API key (`JWT.verify(token, TT_PARTNER_API_KEY)` in
 * Teamtailor's docs). The algorithm is not documented [I]: HS256, done with node:crypto.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from '../../../signing.ts';

export interface DecodedProviderKey {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: string;
}

export type ProviderKeyProblem = 'missing' | 'not-bearer' | 'not-jwt' | 'wrong-alg';

const b64json = (part: string): Record<string, unknown> | undefined => {
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Reads (without trusting) the provider key of an Authorization header. */
export function decodeProviderKey(authorization: string | undefined): { ok: true; key: DecodedProviderKey } | { ok: false; problem: ProviderKeyProblem } {
  if (!authorization) return { ok: false, problem: 'missing' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m) return { ok: false, problem: 'not-bearer' };
  const parts = m[1].split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return { ok: false, problem: 'not-jwt' };
  const header = b64json(parts[0]);
  const claims = b64json(parts[1]);
  if (!header || !claims) return { ok: false, problem: 'not-jwt' };
  if (header.alg !== 'HS256') return { ok: false, problem: 'wrong-alg' };
  return { ok: true, key: { header, claims, signingInput: `${parts[0]}.${parts[1]}`, signature: parts[2] } };
}

/** Whether the key was signed (HS256) with this secret; constant time. */
export function verifyProviderKey(key: DecodedProviderKey, secret: string): boolean {
  return sameSecret(createHmac('sha256', secret).update(key.signingInput).digest('base64url'), key.signature);
}
