/**
 * GreenhouseHarvestLookup: with the `Public + Partner API` auth type the bridge may read Greenhouse's
 * public (Harvest) API, so an order can carry the job and its hiring team. The application id comes
 * from the candidate's greenhouse_profile_url. The Harvest credential of the linked account is the
 * Partner Username/Password [I: StackOne does not say which credential it uses]. Any failure leaves
 * the order without a job: the order still goes out.
 */
import { basic } from '../../../signing.ts';
import type { BridgeApi, LinkedAccountRecord, Order } from '../../glossary.ts';
import type { GreenhouseHarvestApplication } from '../../../../schemas/generated/greenhouse/harvest-application.ts';
import type { GreenhouseHarvestJob, GreenhouseHiringTeamMember } from '../../../../schemas/generated/greenhouse/harvest-job.ts';

type OrderJob = NonNullable<Order['job']>;
type HiringTeamMember = NonNullable<OrderJob['hiring_team']>[number];

const ROLES: [keyof GreenhouseHarvestJob['hiring_team'], string][] = [
  ['hiring_managers', 'hiring_manager'],
  ['recruiters', 'recruiter'],
  ['coordinators', 'coordinator'],
  ['sourcers', 'sourcer'],
];

export async function lookUpJob(bridge: BridgeApi, account: LinkedAccountRecord, applicationId: string, traceId: string): Promise<OrderJob | undefined> {
  const base = `${bridge.providerUrl('greenhouse')}/v1`;
  const call = (path: string, responseSchema: string) =>
    bridge.http({
      method: 'GET',
      url: `${base}${path}`,
      headers: { authorization: basic(account.native.partnerUsername ?? '', account.native.partnerPassword ?? '') },
      hop: 'provider-lookup',
      peer: 'greenhouse',
      provider: 'greenhouse',
      accountId: account.id,
      traceId,
      responseSchema,
      timeoutMs: 5_000,
    });
  const app = await call(`/applications/${encodeURIComponent(applicationId)}`, 'greenhouse/harvest-application');
  if (!app.ok || !app.verdicts.every((v) => v.valid)) return undefined;
  const jobRef = (app.json as GreenhouseHarvestApplication).jobs[0];
  if (!jobRef) return undefined;
  const job = await call(`/jobs/${jobRef.id}`, 'greenhouse/harvest-job');
  if (!job.ok || !job.verdicts.every((v) => v.valid)) return { id: String(jobRef.id), remote_id: String(jobRef.id), title: jobRef.name };
  const j = job.json as GreenhouseHarvestJob;
  const member = (m: GreenhouseHiringTeamMember, role: string): HiringTeamMember => ({
    user_id: String(m.id),
    remote_user_id: String(m.id),
    first_name: m.first_name,
    last_name: m.last_name,
    email: null,
    role,
  });
  return {
    id: String(j.id),
    remote_id: String(j.id),
    title: j.name,
    hiring_team: ROLES.flatMap(([key, role]) => j.hiring_team[key].map((m) => member(m, role))),
  };
}
