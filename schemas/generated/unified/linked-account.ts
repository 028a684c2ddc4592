/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * An element of GET /accounts and the answer of GET /accounts/{id}. Credentials are never returned.
 */
export interface LinkedAccount {
  id: string;
  provider: string;
  provider_name?: string;
  status: 'active' | 'inactive' | 'suspended' | 'archived' | 'expired' | 'error';
  status_reasons?: unknown[] | null;
  origin_owner_id: string;
  origin_owner_name: string;
  origin_username?: string | null;
  label?: string | null;
  type?: 'production' | 'test' | null;
  shared?: boolean | null;
  setup_information?: {} | null;
  created_at: string;
  updated_at: string;
}
