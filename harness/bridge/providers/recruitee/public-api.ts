/**
 * RecruiteePublicApi: the one Core (Public) API read the bridge makes. Under 'Public + Partner API'
 * auth StackOne can read the candidate's job and hiring team, which Recruitee's send_candidate does
 * not carry; under 'Partner API' it cannot, and the order goes out without them [C: stackone.md §5.3].
 * Auth is the customer's Personal API Token (Bearer), never the partner secret.
 */
import type { BridgeApi, LinkedAccountRecord, OrderJob, OrderApplication } from './types.ts';
import type { RecruiteeCandidateResponse } from '../../../../schemas/generated/recruitee/candidate.ts';

export interface CandidatePlacement {
  job: OrderJob;
  application: OrderApplication;
}

export async function readCandidatePlacement(
  bridge: BridgeApi,
  account: LinkedAccountRecord,
  candidateId: number,
  traceId: string,
): Promise<CandidatePlacement | undefined> {
  const token = account.native.personalApiToken;
  if (!token) return undefined;
  const res = await bridge.http({
    method: 'GET',
    url: `${bridge.providerUrl('recruitee')}/c/${encodeURIComponent(account.native.companyId)}/candidates/${candidateId}`,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    traceId,
    hop: 'public-api',
    peer: 'recruitee',
    provider: 'recruitee',
    accountId: account.id,
    responseSchema: 'recruitee/candidate',
  });
  if (!res.ok || !res.verdicts.every((v) => v.valid)) return undefined;
  const body = res.json as RecruiteeCandidateResponse;
  const placement = body.candidate.placements[0];
  if (!placement) return undefined;
  const offer = body.references.find((r) => r.type === 'Offer' && r.id === placement.offer_id);
  return {
    job: {
      id: String(placement.offer_id),
      remote_id: String(placement.offer_id),
      title: offer?.title ?? null,
      hiring_team: (offer?.hiring_team ?? []).map((m) => ({
        user_id: String(m.id),
        remote_user_id: String(m.id),
        first_name: m.first_name,
        last_name: m.last_name,
        email: m.email,
        role: m.role,
      })),
    },
    application: { id: String(placement.id), remote_id: String(placement.id) },
  };
}
