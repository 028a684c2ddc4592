/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Answer of GET {partner base URL}/config?job_id&stage_id&user_id: the fields Teamtailor draws as the partner form. Field ids are sent back in webhook-data with '_' turned into '-'.
 */
export interface TeamtailorConfigResponse {
  config: {
    fields: TeamtailorConfigField[];
    'assessment-criteria'?: {
      id: string | number;
      label: string;
    }[];
  };
}
/**
 * This interface was referenced by `TeamtailorConfigResponse`'s JSON-Schema
 * via the `definition` "ConfigField".
 */
export interface TeamtailorConfigField {
  id?: string;
  type:
    | 'checkbox'
    | 'color'
    | 'date'
    | 'datetime'
    | 'datetime-local'
    | 'email'
    | 'file'
    | 'infobox'
    | 'error'
    | 'hidden'
    | 'month'
    | 'number'
    | 'password'
    | 'radio'
    | 'range'
    | 'reset'
    | 'search'
    | 'select'
    | 'multiselect'
    | 'tel'
    | 'text'
    | 'url'
    | 'week';
  label?: string;
  placeholder?: string;
  description?: string;
  required?: boolean;
  disabled?: boolean;
  refetch?: boolean;
  /**
   * pre-filled value (HTML convention)
   */
  value?: string | number | boolean;
  options?: TeamtailorConfigOption[];
  optgroups?: {
    label: string;
    options: TeamtailorConfigOption[];
  }[];
  /**
   * infobox HTML
   */
  content?: string;
  icon?: 'info' | 'error' | 'warning' | 'success' | 'default';
  /**
   * text of an error field
   */
  message?: string;
  min?: number | string;
  max?: number | string;
  step?: number | string;
}
/**
 * This interface was referenced by `TeamtailorConfigResponse`'s JSON-Schema
 * via the `definition` "ConfigOption".
 */
export interface TeamtailorConfigOption {
  id: string | number;
  label: string;
}
