/**
 * Recruitee calling the partner's `urls` (here the bridge's /external-trigger/recruitee/{kind}/…):
 * JSON both ways, the customer's token as `Authorization: Bearer`, journaled as the external-trigger hop.
 */
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { CallOptions, CallResult } from '../../harness/http/client.ts';

/** One call to a partner URL. */
export function callPartner(ctx: EmulatorContext, o: Omit<CallOptions, 'hop' | 'peer' | 'provider' | 'accountId'>): Promise<CallResult> {
  return ctx.http({
    ...o,
    headers: { authorization: `Bearer ${ctx.triggerToken()}`, 'content-type': 'application/json', accept: 'application/json', ...o.headers },
    hop: 'external-trigger',
    peer: 'bridge',
    provider: 'recruitee',
    accountId: ctx.account.id,
  });
}
