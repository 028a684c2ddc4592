/**
 * TeamtailorConfigForm: the partner form Teamtailor draws when a recruiter opens the integration
 * for a candidate (GET {base}/config). Packages from the Package's List Endpoint become one
 * searchable select; a Static Package ID becomes a single pre-filled text field.
 * The field id StackOne uses is not public [I]: `package_id` (it reaches webhook-data as `package-id`).
 */
import type { Category, PartnerPackage } from '../../glossary.ts';
import type { TeamtailorConfigResponse, TeamtailorConfigField } from '../../../../schemas/generated/teamtailor/config-response.ts';

const PACKAGE_FIELD_ID = 'package_id';
/** the key the chosen package arrives under in webhook-data (Teamtailor turns `_` into `-`) */
export const PACKAGE_WEBHOOK_KEY = PACKAGE_FIELD_ID.replace(/_/g, '-');

const WORDING: Record<Category, { label: string; placeholder: string }> = {
  assessment: { label: 'Assessments', placeholder: 'Select Assessment' },
  background_check: { label: 'Background checks', placeholder: 'Select Background check' },
};

export function packageForm(category: Category, source: 'list-url' | 'static-package-id', packages: PartnerPackage[]): TeamtailorConfigResponse {
  const { label, placeholder } = WORDING[category];
  const field: TeamtailorConfigField =
    source === 'static-package-id'
      ? { id: PACKAGE_FIELD_ID, label, type: 'text', required: true, value: String(packages[0]?.id ?? '') }
      : {
          id: PACKAGE_FIELD_ID,
          label,
          placeholder,
          type: 'select',
          required: true,
          options: packages.map((p) => ({ id: String(p.id ?? p.remote_id ?? ''), label: p.name ?? String(p.id ?? p.remote_id ?? '') })),
        };
  return { config: { fields: [field] } };
}
