/**
 * SmartRecruitersOrderMapper: a SmartRecruiters order (ad-hoc, auto-triggered or inline) as the
 * bridge's unified Order. The SmartRecruiters order id (the {orderId} of resultCallbackURL) becomes
 * the order's remote_id. SmartRecruiters sends no hiring team, only the requester (the recruiter who
 * ordered): the order always carries it as `requester`, and with the Public + Partner auth type the
 * job's hiring_team is that requester (role recruiter), the one hiring-team member the ATS names.
 */
import type { Order, PartnerPackage } from '../../glossary.ts';
import type { HiringTeamMember } from '../../../../schemas/generated/unified/common.ts';
import type { SmartRecruitersOrderRequester, SmartRecruitersPackageOrderRequest } from '../../../../schemas/generated/smartrecruiters/package-order-request.ts';
import type { SmartRecruitersInlineOrderRequest } from '../../../../schemas/generated/smartrecruiters/inline-order-request.ts';

export type SmartRecruitersOrderMode = 'ordered' | 'inline';

export interface SmartRecruitersOrderInput {
  body: SmartRecruitersPackageOrderRequest | SmartRecruitersInlineOrderRequest;
  srOrderId: string;
  mode: SmartRecruitersOrderMode;
  /** the package as the partner lists it, when it could be looked up */
  pkg?: PartnerPackage;
  withHiringTeam: boolean;
}

/** The {orderId} of a resultCallbackURL (…/orders/{orderId}/results); undefined when it has none. */
export function orderIdOf(resultCallbackURL: string): string | undefined {
  const m = /\/orders\/([^/?#]+)\/results\/?(?:[?#].*)?$/.exec(resultCallbackURL);
  return m ? decodeURIComponent(m[1]) : undefined;
}

const member = (r: SmartRecruitersOrderRequester): HiringTeamMember => ({
  user_id: r.userId,
  remote_user_id: r.userId,
  first_name: r.firstName ?? null,
  last_name: r.lastName ?? null,
  email: r.email,
  role: 'recruiter',
});

export function toUnifiedOrder({ body, srOrderId, mode, pkg, withHiringTeam }: SmartRecruitersOrderInput): Order {
  const requester = 'requester' in body ? body.requester : undefined;
  const c = body.candidate;
  const candidateId = 'id' in c && typeof c.id === 'string' ? c.id : null;
  return {
    remote_id: srOrderId,
    package: { id: body.assessmentPackageId, remote_id: body.assessmentPackageId, name: pkg?.name ?? null, description: pkg?.description ?? null, ...(pkg?.tests ? { tests: pkg.tests } : {}) },
    candidate: {
      id: candidateId,
      remote_id: candidateId,
      first_name: c.firstName,
      last_name: c.lastName,
      emails: [{ type: 'personal', value: c.email }],
    },
    job: {
      id: body.job.id,
      remote_id: body.job.id,
      title: body.job.title ?? null,
      ...(withHiringTeam && requester ? { hiring_team: [member(requester)] } : {}),
    },
    ...(requester ? { requester: member(requester) } : {}),
    passthrough: { smartrecruiters: { mode, company_id: body.companyId, fields: body.fields ?? {} } },
  };
}
