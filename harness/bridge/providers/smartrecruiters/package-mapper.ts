/** SmartRecruitersPackageMapper: the partner's unified packages as SmartRecruiters AssessmentPackages. */
import type { Category, PartnerPackage } from '../../glossary.ts';
import type { SmartRecruitersAssessmentPackage } from '../../../../schemas/generated/smartrecruiters/assessment-package.ts';
import { PACKAGE_TYPE } from './categories.ts';

export function toAssessmentPackage(p: PartnerPackage, category: Category): SmartRecruitersAssessmentPackage {
  const type = PACKAGE_TYPE[category];
  const description = p.description ?? '';
  const tests = (p.tests ?? []).filter((t) => t.id);
  return {
    id: p.id,
    name: p.name,
    description,
    type,
    assessments: tests.length
      ? tests.map((t) => ({ id: t.id as string, name: t.name ?? t.id ?? '', description: t.description ?? '', type }))
      : [{ id: p.id, name: p.name, description, type }],
  };
}
