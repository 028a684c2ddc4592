/** The reference partner's packages: what a small assessment and background-check vendor offers. */
import type { PartnerPackage } from '../../schemas/generated/unified/package-list-response.ts';

export const ASSESSMENT_PACKAGES: PartnerPackage[] = [
  { id: 'pkg_js_senior', remote_id: 'pkg_js_senior', name: 'JavaScript – Senior', description: '90-minute coding test' },
  { id: 'pkg_logic', remote_id: 'pkg_logic', name: 'Logical reasoning', description: 'Aptitude test, 20 minutes' },
];

export const BACKGROUND_CHECK_PACKAGES: PartnerPackage[] = [
  {
    id: 'bgc_standard',
    remote_id: 'bgc_standard',
    name: 'Standard background check',
    description: 'Identity, right to work and criminal record',
    tests: [
      { id: 'bgc_identity', name: 'Identity verification', description: null },
      { id: 'bgc_criminal', name: 'Criminal record', description: null },
    ],
  },
  { id: 'bgc_employment', remote_id: 'bgc_employment', name: 'Employment history', description: 'Last two employers verified', tests: [] },
];

const REACT_PAIRING: PartnerPackage = { id: 'pkg_react_pairing', remote_id: 'pkg_react_pairing', name: 'React pairing exercise', description: 'Only for the Frontend Engineer job' };

/**
 * Packages offered only for one job, keyed by the job_id of the package-list call: shows job_id at
 * work. A vendor configures these per customer job, so it knows the job as each ATS names it
 * (Teamtailor sends its numeric job id; the sandbox's SmartRecruiters sends its bound job field).
 */
export const JOB_PACKAGES: Record<string, PartnerPackage[]> = {
  job_frontend: [REACT_PAIRING],
  '12346': [REACT_PAIRING],
};
