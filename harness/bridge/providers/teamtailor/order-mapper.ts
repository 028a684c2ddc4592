/**
 * TeamtailorOrderMapper: a partner-event (POST {base}/webhook) as a unified order. The job's
 * hiring team (its recruiter and, for a job-stage trigger, the user who set it up) is included only
 * with the "Public + Partner API" authentication type (StackOne's guide: with "Partner API" the
 * notification carries no hiring team).
 */
import type { Order } from '../../glossary.ts';
import type { HiringTeamMember } from '../../../../schemas/generated/unified/common.ts';
import type { TeamtailorEventPerson, TeamtailorPartnerEventRequest } from '../../../../schemas/generated/teamtailor/partner-event.ts';
import { unifiedCandidateId, unifiedJobId } from './ids.ts';

export interface MapOrderOptions {
  packageId: string;
  withHiringTeam: boolean;
}

function splitName(name: string | null | undefined): { first_name: string | null; last_name: string | null } {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { first_name: null, last_name: null };
  return { first_name: parts[0], last_name: parts.length > 1 ? parts.slice(1).join(' ') : null };
}

function member(p: TeamtailorEventPerson | undefined, role: string): HiringTeamMember | undefined {
  if (!p || (!p.name && !p.email)) return undefined;
  return { ...(p.id !== undefined ? { remote_user_id: String(p.id) } : {}), ...splitName(p.name), email: p.email ?? null, role };
}

function hiringTeam(event: TeamtailorPartnerEventRequest['partner-event']): HiringTeamMember[] {
  const team: HiringTeamMember[] = [];
  for (const m of [member(event.candidate.recruiter, 'recruiter'), member(event.candidate.job?.['triggered-by'], 'triggered_by')]) {
    if (m && !team.some((t) => t.email && t.email === m.email)) team.push(m);
  }
  return team;
}

export function toUnifiedOrder(body: TeamtailorPartnerEventRequest, opts: MapOrderOptions): Order {
  const ev = body['partner-event'];
  const c = ev.candidate;
  const job = c.job;
  const team = opts.withHiringTeam ? hiringTeam(ev) : undefined;
  const triggeredBy = opts.withHiringTeam ? member(job?.['triggered-by'], 'triggered_by') : undefined;
  return {
    remote_id: ev['partner-result'].id,
    package: { id: opts.packageId, remote_id: opts.packageId },
    candidate: {
      id: unifiedCandidateId(c.id),
      remote_id: String(c.id),
      first_name: c['first-name'] ?? null,
      last_name: c['last-name'] ?? null,
      emails: c.email ? [{ type: 'personal', value: c.email }] : [],
    },
    ...(job
      ? {
          job: {
            id: unifiedJobId(job.id) ?? null,
            remote_id: String(job.id),
            title: job.title ?? null,
            ...(team ? { hiring_team: team } : {}),
          },
        }
      : {}),
    ...(triggeredBy ? { requester: triggeredBy } : {}),
  };
}
