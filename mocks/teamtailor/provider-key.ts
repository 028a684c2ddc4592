/**
 * What Teamtailor does with the activation form's values: turns them into the provider key, a JWT
 * sent as `Authorization: Bearer` on every call to the partner base URL, verifiable with the
 * partner API key. The algorithm is not documented [I]: HS256.
 */
import { createHmac } from 'node:crypto';
import { clock } from '../../harness/clock.ts';

const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

export function providerKey(values: Record<string, string>, partnerApiKey: string): string {
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...values, iat: Math.floor(clock.now() / 1000) })}`;
  return `${input}.${createHmac('sha256', partnerApiKey).update(input).digest('base64url')}`;
}

/**
 * Teamtailor-Signature: t=<unix>,v1=hex(HMAC-SHA256(webhook secret, "<t>.<partner-event id>")) [C], and with
 * `body`, v0=hex(HMAC-SHA256(webhook secret, "<t>.<body>")) [C the header lists v0; I its message: the body,
 * which was signed before 2024-07-12]. Partners use the newest vN.
 */
export function teamtailorSignature(eventId: string, webhookSecret: string, now = clock.now(), body?: string): string {
  const t = Math.floor(now / 1000);
  const v1 = `t=${t},v1=${createHmac('sha256', webhookSecret).update(`${t}.${eventId}`).digest('hex')}`;
  return body === undefined ? v1 : `${v1},v0=${createHmac('sha256', webhookSecret).update(`${t}.${body}`).digest('hex')}`;
}
