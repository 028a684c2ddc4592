/** StackOne's signature: base64url(HMAC-SHA256(raw body, secret)) in `x-stackone-signature`, no prefix. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-stackone-signature';

export function sign(rawBody: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64url');
}

/** Constant-time comparison of two secrets (the one copy: API keys, tokens, signatures, passwords). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Constant-time check of a signature against the raw bytes of the body (never re-serialised JSON). */
export function verifySignature(rawBody: string | Buffer, secret: string, signature: string | undefined): boolean {
  return signature ? sameSecret(sign(rawBody, secret), signature) : false;
}

/** Basic auth value for a key: `base64(key)` (StackOne's docs) or `base64(key:)` (the SDKs). */
export function basic(user: string, password?: string): string {
  return `Basic ${Buffer.from(password === undefined ? user : `${user}:${password}`).toString('base64')}`;
}

/** Decodes a Basic header into user and password; undefined when it is not Basic. */
export function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? { user: text, password: '' } : { user: text.slice(0, i), password: text.slice(i + 1) };
}
