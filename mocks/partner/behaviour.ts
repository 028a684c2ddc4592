/** How the reference partner behaves: right by default, or broken in one of the ways partners break. */
import { ApiError } from '../../harness/errors.ts';

const PACKAGE_LIST_MODES = ['ok', 'http-500', 'timeout', 'not-json', 'bare-array', 'missing-fields', 'empty'] as const;
const WEBHOOK_MODES = ['ok', 'http-500', 'fail-then-recover', 'reject-all-signatures', 'accept-any-signature'] as const;

export interface PartnerBehaviour {
  packageList: (typeof PACKAGE_LIST_MODES)[number];
  webhook: (typeof WEBHOOK_MODES)[number];
  /** with webhook 'fail-then-recover': how many deliveries get a 500 first */
  failuresBeforeRecovery: number;
  /** complete orders by PATCHing a result */
  complete: boolean;
}

export const DEFAULT_BEHAVIOUR: PartnerBehaviour = { packageList: 'ok', webhook: 'ok', failuresBeforeRecovery: 2, complete: true };

export function checkBehaviour(body: unknown): Partial<PartnerBehaviour> {
  if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
    throw new ApiError(400, 'ValidationError', `the behaviour is a JSON object, e.g. {"webhook":"http-500"}; got ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`);
  }
  const b = (body ?? {}) as Record<string, unknown>;
  const out: Partial<PartnerBehaviour> = {};
  for (const [k, v] of Object.entries(b)) {
    if (k === 'packageList' && PACKAGE_LIST_MODES.includes(v as never)) out.packageList = v as PartnerBehaviour['packageList'];
    else if (k === 'webhook' && WEBHOOK_MODES.includes(v as never)) out.webhook = v as PartnerBehaviour['webhook'];
    else if (k === 'failuresBeforeRecovery' && Number.isInteger(v) && (v as number) >= 0) out.failuresBeforeRecovery = v as number;
    else if (k === 'complete' && typeof v === 'boolean') out.complete = v;
    else throw new ApiError(400, 'ValidationError', `unknown behaviour ${k}=${JSON.stringify(v)}; packageList: ${PACKAGE_LIST_MODES.join('|')}; webhook: ${WEBHOOK_MODES.join('|')}`);
  }
  return out;
}
