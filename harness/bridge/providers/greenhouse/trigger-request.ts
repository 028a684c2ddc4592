/**
 * GreenhouseTriggerRequest: who is calling /external-trigger/greenhouse/* and for what. Greenhouse
 * authenticates with HTTP Basic, username = the org "API key" (here StackOne's External Trigger
 * Token), empty password, on the four URLs the partner registered, each carrying `?tenant-id=`.
 *
 * Category: Greenhouse's protocol has no slot for it. A partner offering both assessments and
 * background checks registers two sets of URLs with Greenhouse (as two partner entries, one listed
 * under Assessments, one under Background Checks); the background-check set carries
 * `&category=background_check`. No `category` means assessment, so StackOne's documented URLs
 * (`…/list_tests?tenant-id=ID`) keep working as they are.
 */
import type { Request, Response } from 'express';
import { ApiError } from '../../../errors.ts';
import { parseBasic } from '../../../signing.ts';
import type { BridgeApi, Category, LinkedAccountRecord } from '../../glossary.ts';

const CATEGORY_PARAM = 'category';
const CATEGORIES: Record<string, Category> = { assessment: 'assessment', background_check: 'background_check' };

export interface GreenhouseCaller {
  account: LinkedAccountRecord;
  category: Category;
}

/** The linked account behind the call (401 / 412 / 404 otherwise) and the category of the URL set. */
export function greenhouseCaller(bridge: BridgeApi, req: Request, res: Response): GreenhouseCaller {
  res.locals.hop = 'external-trigger';
  res.locals.provider = 'greenhouse';
  const header = req.header('authorization');
  const creds = parseBasic(header);
  const account = bridge.accountByToken('greenhouse', creds?.user);
  if (!account) {
    const why = !header ? 'no Authorization header' : !creds ? 'the Authorization header is not Basic' : 'the API key is not the External Trigger Token of any linked Greenhouse account';
    throw new ApiError(401, 'UnauthorizedError', `Unauthorized: ${why}. Greenhouse must send Authorization: Basic base64("<External Trigger Token>:") — give Greenhouse Support the External Trigger Token from the StackOne Connector Hub`, [
      { pointer: '/headers/authorization', message: 'is missing or invalid', expected: 'Basic base64(<External Trigger Token>:)', actual: why },
    ]);
  }
  res.locals.accountId = account.id;
  if (account.status !== 'active' || !bridge.config.providers.greenhouse.active) {
    throw new ApiError(412, 'AccountIntegrationInactiveError', `Precondition failed: the Greenhouse integration of account ${account.id} is not active`);
  }
  const tenant = req.query['tenant-id'];
  if (typeof tenant !== 'string' || !tenant) {
    throw ApiError.validation('Validation failed: the tenant-id query parameter is required on every Greenhouse partner URL (…/list_tests?tenant-id=YOUR_GREENHOUSE_TENANT_ID)', [
      { pointer: '/query/tenant-id', message: 'is required', expected: account.native.tenantId, actual: 'missing' },
    ]);
  }
  if (tenant !== account.native.tenantId) {
    throw new ApiError(404, 'NotFoundError', `No Greenhouse integration with tenant-id ${JSON.stringify(tenant)} for this External Trigger Token: the URLs registered with Greenhouse must use the tenant id of the linked account`, [
      { pointer: '/query/tenant-id', message: 'does not match the linked account', expected: account.native.tenantId, actual: tenant },
    ]);
  }
  const raw = req.query[CATEGORY_PARAM];
  const category = raw === undefined ? 'assessment' : typeof raw === 'string' ? CATEGORIES[raw] : undefined;
  if (!category) {
    throw ApiError.validation(`Validation failed: ${CATEGORY_PARAM} must be assessment or background_check`, [
      { pointer: `/query/${CATEGORY_PARAM}`, message: 'must be one of the allowed values', expected: Object.keys(CATEGORIES), actual: String(raw) },
    ]);
  }
  return { account, category };
}
