/**
 * A sliver of Greenhouse's Harvest (public) API: what a `Public + Partner API` connection reads to
 * put the job and its hiring team on an order. Also the candidate's resume link (send_test's
 * resume_url), which expires 7 days after the test was sent.
 */
import { Router } from 'express';
import { ApiError } from '../../harness/errors.ts';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { WorldPerson } from '../../harness/emulator/world.ts';
import type { GreenhouseHarvestApplication } from '../../schemas/generated/greenhouse/harvest-application.ts';
import type { GreenhouseHarvestJob, GreenhouseHiringTeamMember } from '../../schemas/generated/greenhouse/harvest-job.ts';
import type { GreenhouseEmulatorOptions } from './options.ts';
import { requirePartnerCredentials } from './credentials.ts';
import { GREENHOUSE_WORDING } from './wording.ts';
import { clock } from '../../harness/clock.ts';

const member = (p: WorldPerson, responsible: boolean): GreenhouseHiringTeamMember => ({
  id: p.number,
  first_name: p.firstName,
  last_name: p.lastName,
  name: `${p.firstName} ${p.lastName}`,
  employee_id: null,
  responsible,
});

export function harvestRoutes(ctx: EmulatorContext, opts: GreenhouseEmulatorOptions): Router {
  const r = Router();
  const { world } = ctx;
  const notFound = (what: string, id: string) => new ApiError(404, 'NotFoundError', GREENHOUSE_WORDING.notFound(what, id));

  r.get('/v1/applications/:id', (req, res) => {
    res.locals.hop = 'provider-lookup';
    requirePartnerCredentials(ctx, opts, req);
    const c = world.candidates.find((x) => String(x.applicationNumber) === req.params.id);
    if (!c) throw notFound('Application', req.params.id);
    const job = world.jobs.find((j) => j.id === c.jobId)!;
    const body: GreenhouseHarvestApplication = { id: c.applicationNumber, candidate_id: c.number, status: 'active', applied_at: null, jobs: [{ id: job.number, name: job.title }] };
    res.json(body);
  });

  r.get('/v1/jobs/:id', (req, res) => {
    res.locals.hop = 'provider-lookup';
    requirePartnerCredentials(ctx, opts, req);
    const job = world.jobs.find((j) => String(j.number) === req.params.id);
    if (!job) throw notFound('Job', req.params.id);
    const [recruiter, manager] = world.recruiters;
    const body: GreenhouseHarvestJob = {
      id: job.number,
      name: job.title,
      status: 'open',
      hiring_team: { hiring_managers: manager ? [member(manager, false)] : [], recruiters: recruiter ? [member(recruiter, true)] : [], coordinators: [], sourcers: [] },
    };
    res.json(body);
  });

  r.get('/resumes/:candidate', (req, res) => {
    const c = world.candidates.find((x) => String(x.number) === req.params.candidate);
    const expires = Number(req.query.expires);
    if (!c) throw notFound('Resume', req.params.candidate);
    if (!Number.isFinite(expires) || expires < clock.now()) throw new ApiError(403, 'ForbiddenError', 'This resume link has expired (resume links expire 7 days after the test was sent)');
    res.type('text/plain').send(`${c.firstName} ${c.lastName}\n${c.email}\n\nResume (sandbox demo)\n`);
  });

  return r;
}
