/**
 * GET /openapi.json: the bridge described as OpenAPI 3.1, its components built from the same
 * schemas/unified files the bridge validates with (nothing is written twice).
 */
import { listSchemaFiles } from '../schemas/registry.ts';

type Json = Record<string, unknown>;

function components(): Record<string, Json> {
  const out: Record<string, Json> = {};
  const files = listSchemaFiles().filter((f) => f.name.startsWith('unified/'));
  const titleOf = new Map<string, string>();
  for (const f of files) {
    const file = f.name.slice('unified/'.length);
    titleOf.set(`${file}.schema.json`, f.schema.title as string);
    for (const [k, d] of Object.entries((f.schema.$defs ?? {}) as Record<string, Json>)) titleOf.set(`${file}.schema.json#/$defs/${k}`, (d.title as string) ?? k);
  }
  const rewrite = (node: unknown, file: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, file));
    if (!node || typeof node !== 'object') return node;
    const o = { ...(node as Json) };
    if (typeof o.$ref === 'string') {
      const key = o.$ref.startsWith('#') ? `${file}${o.$ref}` : o.$ref;
      o.$ref = `#/components/schemas/${titleOf.get(key) ?? key}`;
    }
    delete o.$schema;
    delete o.$id;
    delete o.$defs;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'properties' || k === 'items' || typeof v === 'object' ? rewrite(v, file) : v]));
  };
  for (const f of files) {
    const file = `${f.name.slice('unified/'.length)}.schema.json`;
    if (f.schema.type) out[f.schema.title as string] = rewrite(f.schema, file) as Json;
    for (const d of Object.values((f.schema.$defs ?? {}) as Record<string, Json>)) out[d.title as string] = rewrite(d, file) as Json;
  }
  return out;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description = 'OK'): Json => ({ description, content: { 'application/json': { schema: ref(name) } } });
const errors = (...codes: number[]): Json => Object.fromEntries(codes.map((c) => [String(c), json('ErrorEnvelope', 'Error, in StackOne\'s envelope')]));
const accountHeader: Json = { name: 'x-account-id', in: 'header', required: true, schema: { type: 'string' }, description: 'The linked account id' };
const idParam: Json = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const listParams: Json[] = [
  accountHeader,
  { name: 'next', in: 'query', schema: { type: 'string' }, description: 'Cursor of the next page' },
  { name: 'page_size', in: 'query', schema: { type: 'string' }, description: 'Default 25' },
];

function op(operationId: string, summary: string, extra: Json): Json {
  return { operationId, summary, security: [{ basic: [] }], ...extra };
}

export function buildOpenApi(serverUrl: string): Json {
  const paths: Json = {};
  for (const [seg, cat, Cat] of [
    ['assessments', 'assessments', 'Assessments'],
    ['background_checks', 'background_check', 'BackgroundCheck'],
  ] as const) {
    const listId = seg === 'assessments' ? 'ats_list_assessments_packages' : 'ats_list_background_check_packages';
    const getId = seg === 'assessments' ? 'ats_get_assessments_package' : 'ats_get_background_check_package';
    paths[`/unified/ats/${seg}/packages`] = {
      get: op(listId, `List ${cat.replace('_', ' ')} packages`, { parameters: listParams, responses: { '200': json('PackagePaginated'), ...errors(400, 401, 404, 412, 502) } }),
      ...(seg === 'background_checks'
        ? { post: op('ats_create_background_check_package', 'Create a background-check package', { parameters: [accountHeader], requestBody: { required: true, content: { 'application/json': { schema: ref('BackgroundCheckPackageWrite') } } }, responses: { '201': json('CreateResult', 'Created'), ...errors(400, 401, 404, 412) } }) }
        : {}),
    };
    paths[`/unified/ats/${seg}/packages/{id}`] = {
      get: op(getId, `Get a ${cat.replace('_', ' ')} package`, { parameters: [accountHeader, idParam], responses: { '200': json('PackageResult'), ...errors(401, 404, 412, 502) } }),
      ...(seg === 'background_checks'
        ? {
            patch: op('ats_update_background_check_package', 'Update a background-check package', { parameters: [accountHeader, idParam], requestBody: { required: true, content: { 'application/json': { schema: ref('BackgroundCheckPackageWrite') } } }, responses: { '200': json('UpdateResult'), ...errors(400, 401, 404, 412) } }),
            delete: op('ats_delete_background_check_package', 'Delete a background-check package', { parameters: [accountHeader, idParam], responses: { '200': json('DeleteResult'), ...errors(401, 404, 412) } }),
          }
        : {}),
    };
    paths[`/unified/ats/${seg}/orders`] = {
      post: op(seg === 'assessments' ? 'ats_order_assessments_request' : 'ats_order_background_check_request', `Order ${Cat === 'Assessments' ? 'an assessment' : 'a background check'}`, {
        parameters: [accountHeader],
        requestBody: { required: true, content: { 'application/json': { schema: ref('Order') } } },
        responses: { '200': json('OrderCreateResult'), ...errors(400, 401, 404, 412) },
      }),
    };
    paths[`/unified/ats/${seg}/orders/{id}/result`] = {
      patch: op(seg === 'assessments' ? 'ats_update_assessments_result' : 'ats_update_background_check_result', `Update ${Cat === 'Assessments' ? 'an assessment' : 'a background-check'} result`, {
        parameters: [accountHeader, idParam],
        requestBody: { required: true, content: { 'application/json': { schema: ref('ResultUpdate') } } },
        responses: { '200': json('UpdateResult'), ...errors(400, 401, 404, 409, 412, 502) },
      }),
    };
  }
  paths['/connectors/meta'] = { get: op('stackone_list_connectors_meta', 'List connector meta', { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: ref('ConnectorsMeta') } } } }, ...errors(401) } }) };
  paths['/connectors/meta/{provider}'] = { get: op('stackone_get_connector_meta', 'Get connector meta', { parameters: [{ name: 'provider', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json('ConnectorsMeta'), ...errors(401, 404) } }) };
  paths['/accounts'] = { get: op('stackone_list_linked_accounts', 'List linked accounts', { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: ref('LinkedAccount') } } } }, ...errors(401) } }) };
  paths['/accounts/{id}'] = { get: op('stackone_get_account', 'Get a linked account', { parameters: [idParam], responses: { '200': json('LinkedAccount'), ...errors(401, 404) } }) };
  return {
    openapi: '3.1.0',
    info: { title: 'ats-sandbox bridge (StackOne-style unified ATS API)', version: '1.0.0', description: 'Assessments and background checks, wire-compatible with StackOne. Basic auth: the API key as user name.' },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } }, schemas: components() },
    paths,
  };
}
