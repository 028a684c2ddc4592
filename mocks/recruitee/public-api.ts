/**
 * RecruiteeCoreApi: the one Core (Public) API read the sandbox needs, GET /c/{company_id}/candidates/{id}
 * with the customer's Personal API Token (Bearer). StackOne uses it under 'Public + Partner API'
 * auth to find the job (offer) and its hiring team, which send_candidate does not carry.
 * Body [I]: modelled on the Core API (candidate with placements, offers side-loaded in references);
 * hiring_team on the offer is the sandbox's simplification.
 */
import { Router } from 'express';
import { ApiError } from '../../harness/errors.ts';
import { jobOf } from '../../harness/emulator/world.ts';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { RecruiteeCandidateResponse } from '../../schemas/generated/recruitee/candidate.ts';

const HIRING_ROLES = ['recruiter', 'hiring_manager'];

export function recruiteeCoreApi(ctx: EmulatorContext): Router {
  const r = Router();
  r.get('/c/:companyId/candidates/:candidateId', (req, res) => {
    res.locals.hop = 'public-api';
    res.locals.provider = 'recruitee';
    const token = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    const expected = ctx.account.native.personalApiToken;
    if (!token || !expected || token !== expected) throw new ApiError(401, 'UnauthorizedError', 'Unauthorized: send Authorization: Bearer <Personal API Token>');
    if (req.params.companyId !== ctx.account.native.companyId) throw new ApiError(403, 'ForbiddenError', `No access to company ${JSON.stringify(req.params.companyId)}`);
    const c = ctx.world.candidates.find((x) => String(x.number) === req.params.candidateId);
    if (!c) throw new ApiError(404, 'NotFoundError', `Candidate ${JSON.stringify(req.params.candidateId)} not found`);
    const job = jobOf(c);
    const body: RecruiteeCandidateResponse = {
      candidate: {
        id: c.number,
        name: `${c.firstName} ${c.lastName}`,
        emails: [c.email],
        phones: [c.phone],
        placements: [{ id: c.applicationNumber, offer_id: job.number, stage_name: 'Assessment' }],
      },
      references: [
        {
          type: 'Offer',
          id: job.number,
          title: job.title,
          hiring_team: ctx.world.recruiters.map((p, i) => ({ id: p.number, first_name: p.firstName, last_name: p.lastName, email: p.email, role: HIRING_ROLES[i] ?? 'member' })),
        },
      ],
    };
    res.json(body);
  });
  return r;
}
