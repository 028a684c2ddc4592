/**
 * Who may call Greenhouse's own API (the "Mark Test as Completed" PATCH and Harvest): HTTP Basic
 * with the Partner Username/Password Greenhouse issued (as StackOne's guide has it), or any extra
 * pair configured [I: Greenhouse does not say which credential it checks].
 */
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../harness/errors.ts';
import { parseBasic } from '../../harness/signing.ts';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { GreenhouseEmulatorOptions } from './options.ts';
import { GREENHOUSE_WORDING } from './wording.ts';

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function requirePartnerCredentials(ctx: EmulatorContext, opts: GreenhouseEmulatorOptions, req: Request): void {
  const creds = parseBasic(req.header('authorization'));
  const accepted = [{ username: ctx.account.native.partnerUsername ?? '', password: ctx.account.native.partnerPassword ?? '' }, ...opts.extraCredentials];
  if (!creds || !accepted.some((a) => a.username !== '' && same(a.username, creds.user) && same(a.password, creds.password))) {
    throw new ApiError(401, 'UnauthorizedError', GREENHOUSE_WORDING.badCredentials, [
      { pointer: '/headers/authorization', message: 'must be Basic with the Partner Username and Partner Password Greenhouse issued', expected: 'Basic base64(<partner username>:<partner password>)', actual: creds ? 'other credentials' : 'missing or not Basic' },
    ]);
  }
}
