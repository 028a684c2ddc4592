/** StackOne's API auth: Basic with the API key as user name (base64 of `key:` or of the bare key), and x-account-id on /unified. */
import type { HopRequest } from '../http/direct-routes.ts';
import { ApiError } from '../errors.ts';
import { parseBasic, sameSecret } from '../signing.ts';
import type { LinkedAccountRecord, ProviderKey } from './glossary.ts';

/** the last Authorization header found good, and for which key: a partner sends the same one every time */
let verified: { header: string; apiKey: string } | undefined;

export function requireApiKey(req: Pick<HopRequest, 'header'>, apiKey: string): void {
  const header = req.header('authorization');
  if (header !== undefined && verified?.header === header && verified.apiKey === apiKey) return;
  const creds = parseBasic(header);
  if (!creds || !sameSecret(creds.user, apiKey)) {
    const why = !header
      ? 'no Authorization header'
      : !creds
        ? 'the Authorization header is not Basic'
        : 'the API key is not this project\'s';
    throw new ApiError(401, 'UnauthorizedError', `Unauthorized: ${why}. Send Authorization: Basic base64("<api key>:")`, [
      { pointer: '/headers/authorization', message: 'is missing or invalid', expected: 'Basic base64(<api key>:)', actual: why },
    ]);
  }
  verified = { header: header!, apiKey };
}

export function requireAccount(
  req: Pick<HopRequest, 'header'>,
  find: (id: string) => LinkedAccountRecord | undefined,
  isActive: (provider: ProviderKey) => boolean,
): LinkedAccountRecord {
  const id = req.header('x-account-id');
  if (!id) {
    throw new ApiError(400, 'MissingAccountIdError', 'The x-account-id header is required on /unified endpoints: send the linked account id', [
      { pointer: '/headers/x-account-id', message: 'is required', expected: 'a linked account id (GET /accounts lists them)', actual: 'missing' },
    ]);
  }
  const account = find(id);
  if (!account) {
    throw new ApiError(404, 'AccountNotFoundError', `Linked account ${JSON.stringify(id)} was not found`, [
      { pointer: '/headers/x-account-id', message: 'names no linked account', expected: 'a linked account id (GET /accounts lists them)', actual: id },
    ]);
  }
  if (account.status !== 'active' || !isActive(account.provider)) {
    throw new ApiError(412, 'AccountIntegrationInactiveError', `Precondition failed: the ${account.provider} integration of account ${id} is not active`);
  }
  return account;
}
