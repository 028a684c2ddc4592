/** SmartRecruiters' native ids for the demo world: uuids for candidates, jobs, applications and users. */
import type { WorldCandidate, WorldJob, WorldPerson } from '../../harness/emulator/world.ts';

const uuid = (prefix: string, n: number): string => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const candidateUuid = (c: WorldCandidate): string => uuid('5c0a0000', c.number);
export const applicationUuid = (c: WorldCandidate): string => uuid('a9900000', c.applicationNumber);
export const jobUuid = (j: WorldJob): string => uuid('70b00000', j.number);
export const userUuid = (p: WorldPerson): string => uuid('0e500000', p.number);
