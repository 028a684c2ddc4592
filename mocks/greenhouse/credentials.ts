/**
 * Who may call Greenhouse's own API (the "Mark Test as Completed" PATCH and Harvest): HTTP Basic
 * with the Partner Username/Password Greenhouse issued (as StackOne's guide has it), or any extra
 * pair configured [I: Greenhouse does not say which credential it checks].
 */
import type { Request } from 'express';
import { ApiError } from '../../harness/errors.ts';
import { parseBasic, sameSecret } from '../../harness/signing.ts';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { GreenhouseEmulatorOptions } from './options.ts';
import { GREENHOUSE_WORDING } from './wording.ts';

export function requirePartnerCredentials(ctx: EmulatorContext, opts: GreenhouseEmulatorOptions, req: Request): void {
  const creds = parseBasic(req.header('authorization'));
  const accepted = [{ username: ctx.account.native.partnerUsername ?? '', password: ctx.account.native.partnerPassword ?? '' }, ...opts.extraCredentials];
  if (!creds || !accepted.some((a) => a.username !== '' && sameSecret(a.username, creds.user) && sameSecret(a.password, creds.password))) {
    throw new ApiError(401, 'UnauthorizedError', GREENHOUSE_WORDING.badCredentials, [
      { pointer: '/headers/authorization', message: 'must be Basic with the Partner Username and Partner Password Greenhouse issued', expected: 'Basic base64(<partner username>:<partner password>)', actual: creds ? 'other credentials' : 'missing or not Basic' },
    ]);
  }
}
