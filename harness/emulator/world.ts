/**
 * The demo hiring world every emulator is seeded with: one company, its jobs, candidates and
 * recruiters. Ids here are the sandbox's (the same in every ATS, so `show greenhouse cand_ada`
 * and `show teamtailor cand_ada` name one person); each adapter gives them its native ids.
 */
export interface WorldJob {
  id: string;
  title: string;
  /** numeric id for ATSs that use numbers */
  number: number;
}

export interface WorldPerson {
  id: string;
  number: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

export interface WorldCandidate extends WorldPerson {
  jobId: string;
  applicationNumber: number;
}

export interface World {
  company: { id: string; name: string; url: string };
  jobs: WorldJob[];
  candidates: WorldCandidate[];
  recruiters: WorldPerson[];
}

export const WORLD: World = {
  company: { id: 'acme', name: 'Acme Robotics', url: 'https://careers.acme.example' },
  jobs: [
    { id: 'job_backend', title: 'Backend Engineer', number: 12345 },
    { id: 'job_frontend', title: 'Frontend Engineer', number: 12346 },
  ],
  candidates: [
    { id: 'cand_ada', number: 54321, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0001', jobId: 'job_backend', applicationNumber: 26234709 },
    { id: 'cand_juston', number: 54322, firstName: 'Juston', lastName: 'Becker', email: 'juston@example.com', phone: '+44 20 7946 0002', jobId: 'job_frontend', applicationNumber: 26234710 },
    { id: 'cand_grace', number: 54323, firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', phone: '+44 20 7946 0003', jobId: 'job_backend', applicationNumber: 26234711 },
  ],
  recruiters: [
    { id: 'rec_edison', number: 3311, firstName: 'Edison', lastName: 'Kuhn', email: 'edison.kuhn@acme.example', phone: '+46 123 4567' },
    { id: 'rec_mira', number: 3312, firstName: 'Mira', lastName: 'Santos', email: 'mira.santos@acme.example', phone: '+46 123 4568' },
  ],
};

export const jobOf = (c: WorldCandidate): WorldJob => WORLD.jobs.find((j) => j.id === c.jobId)!;
