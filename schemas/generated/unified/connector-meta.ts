/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * GET /connectors/meta/{provider}. models[resource][action] describes what the connector accepts, e.g. models['assessments/results'].update.input.default_fields.
 */
export interface ConnectorsMeta {
  provider: string;
  provider_name: string;
  category: string;
  active?: boolean | null;
  models: {
    [k: string]: {
      [k: string]: ModelAction;
    };
  };
  resources?: {} | null;
}
/**
 * This interface was referenced by `ConnectorsMeta`'s JSON-Schema
 * via the `definition` "ModelAction".
 */
export interface ModelAction {
  api_path: string;
  operation_type: 'read' | 'write';
  input?: FieldSet;
  output?: FieldSet;
}
/**
 * This interface was referenced by `ConnectorsMeta`'s JSON-Schema
 * via the `definition` "FieldSet".
 */
export interface FieldSet {
  default_fields: MetaField[];
  expand_fields: MetaField[];
  required_fields?: string[];
}
/**
 * This interface was referenced by `ConnectorsMeta`'s JSON-Schema
 * via the `definition` "MetaField".
 */
export interface MetaField {
  name: string;
  type: string | MetaField[];
  required?: boolean;
  description?: string;
  value_map?: {
    type?: string;
    matcher?: {
      source_value?: unknown;
      value?: string;
    }[];
  };
}
