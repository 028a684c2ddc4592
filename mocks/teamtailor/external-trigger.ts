/**
 * Teamtailor calling the partner base URL (here the bridge's /external-trigger/teamtailor/{partner}):
 * every call carries the provider key (an HS256 JWT of {"externalTriggerToken"} signed with the
 * partner API key) and `teamtailor-host`, and is journaled as the external-trigger hop.
 */
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { CallOptions, CallResult } from '../../harness/http/client.ts';
import { PARTNERS } from './partners.ts';
import { providerKey } from './provider-key.ts';

const bearer = (ctx: EmulatorContext): string => `Bearer ${providerKey({ externalTriggerToken: ctx.triggerToken() }, ctx.account.native.partnerApiKey ?? '')}`;

/** One call to the partner of this category, at `path` below its base URL. */
export function callPartner(ctx: EmulatorContext, category: Category, path: string, o: Omit<CallOptions, 'url' | 'hop' | 'peer' | 'provider' | 'accountId'>): Promise<CallResult> {
  return ctx.http({
    ...o,
    url: `${PARTNERS[category].baseUrl(ctx)}${path}`,
    headers: { authorization: bearer(ctx), 'teamtailor-host': new URL(ctx.selfUrl()).host, ...o.headers },
    hop: 'external-trigger',
    peer: 'bridge',
    provider: 'teamtailor',
    accountId: ctx.account.id,
  });
}
