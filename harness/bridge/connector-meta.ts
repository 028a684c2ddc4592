/** GET /connectors/meta[/{provider}]: what each connector accepts, taken from its adapter (never written twice). */
import type { ConnectorsMeta, ModelAction } from '../../schemas/generated/unified/connector-meta.ts';
import type { MetaField, ProviderAdapter } from './glossary.ts';

const pkgFields: MetaField[] = [
  { name: 'id', type: 'string' },
  { name: 'remote_id', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'description', type: 'string' },
];

const read = (api_path: string, fields: MetaField[]): ModelAction => ({ api_path, operation_type: 'read', output: { default_fields: fields, expand_fields: [] } });
const write = (api_path: string, fields: MetaField[], required: string[] = []): ModelAction => ({
  api_path,
  operation_type: 'write',
  input: { default_fields: fields, expand_fields: [], required_fields: required },
  output: { default_fields: [], expand_fields: [] },
});

export function connectorMeta(adapter: ProviderAdapter, active: boolean): ConnectorsMeta {
  const required = adapter.resultFields.filter((f) => f.required).map((f) => f.name);
  return {
    provider: adapter.key,
    provider_name: adapter.name,
    category: 'ats',
    active,
    models: {
      'assessments/packages': {
        list: read('/unified/ats/assessments/packages', pkgFields),
        get: read('/unified/ats/assessments/packages/:id', pkgFields),
      },
      'assessments/orders': { create: write('/unified/ats/assessments/orders', [{ name: 'package', type: pkgFields }]) },
      'assessments/results': { update: write('/unified/ats/assessments/orders/:id/result', adapter.resultFields, required) },
      'background_checks/packages': {
        list: read('/unified/ats/background_checks/packages', [...pkgFields, { name: 'tests', type: pkgFields }]),
        get: read('/unified/ats/background_checks/packages/:id', [...pkgFields, { name: 'tests', type: pkgFields }]),
      },
      'background_checks/orders': { create: write('/unified/ats/background_checks/orders', [{ name: 'package', type: pkgFields }]) },
      'background_checks/results': { update: write('/unified/ats/background_checks/orders/:id/result', adapter.resultFields, required) },
    },
    resources: { images: { logo_url: null } },
  };
}
