/**
 * RecruiteeOrderBuilder: send_candidate → unified Order. Recruitee sends the candidate, the test
 * and the report id, but no job, application or requester [C]. Under 'public+partner' auth the
 * job (offer) and its hiring team are read from the Public API; under 'partner' they stay empty.
 */
import { readCandidatePlacement } from './public-api.ts';
import type { BridgeApi, LinkedAccountRecord, Order } from './types.ts';
import type { RecruiteeSendCandidate } from '../../../../schemas/generated/recruitee/send-candidate.ts';

export async function buildRecruiteeOrder(bridge: BridgeApi, account: LinkedAccountRecord, body: RecruiteeSendCandidate, traceId: string): Promise<Order> {
  const order: Order = {
    package: { id: body.test_id, remote_id: body.test_id, name: body.test_name },
    candidate: {
      id: String(body.candidate_id),
      remote_id: String(body.candidate_id),
      first_name: body.first_name,
      last_name: body.last_name,
      emails: [{ type: 'personal', value: body.email }],
    },
    passthrough: { report_id: body.report_id, company_id: body.company_id },
  };
  if (bridge.config.providers.recruitee.authType === 'public+partner') {
    const placement = await readCandidatePlacement(bridge, account, body.candidate_id, traceId);
    if (placement) {
      order.job = placement.job;
      order.application = placement.application;
    }
  }
  return order;
}
