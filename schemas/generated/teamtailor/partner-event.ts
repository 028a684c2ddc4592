/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { TeamtailorPartnerResultStatus } from './common.ts';

/**
 * Body of POST {partner base URL}/webhook: a recruiter sent the partner form (or a job-stage trigger fired). Teamtailor created the partner-result (status sending) first.
 */
export interface TeamtailorPartnerEventRequest {
  'partner-event': {
    id: string;
    /**
     * The form's values keyed by field id with '_' turned into '-'; values are strings
     */
    'webhook-data': {
      [k: string]: string | string[];
    };
    'partner-result': {
      id: string;
      status: TeamtailorPartnerResultStatus;
      'update-url': string;
    };
    candidate: TeamtailorEventCandidate;
  };
  company?: {
    uuid?: string;
    name?: string;
    url?: string | null;
    logotype?: string | null;
  };
}
/**
 * This interface was referenced by `TeamtailorPartnerEventRequest`'s JSON-Schema
 * via the `definition` "Candidate".
 */
export interface TeamtailorEventCandidate {
  id: number;
  uuid?: string;
  'first-name'?: string | null;
  'last-name'?: string | null;
  email?: string | null;
  phone?: string | null;
  'picture-url'?: string | null;
  tags?: string[];
  department?: string | null;
  role?: string | null;
  job?: TeamtailorEventJob;
  recruiter?: TeamtailorEventPerson;
  locations?: {
    name?: string | null;
    address?: string | null;
  }[];
  questions?: {
    question?: string;
    answer?: unknown;
  }[];
  'custom-fields'?: unknown[];
  uploads?: {
    'file-name'?: string;
    url?: string;
  }[];
  resume?: {
    'file-name'?: string;
    url?: string;
  } | null;
}
/**
 * This interface was referenced by `TeamtailorPartnerEventRequest`'s JSON-Schema
 * via the `definition` "Job".
 */
export interface TeamtailorEventJob {
  id: number;
  title?: string;
  stage?: string | null;
  tags?: string[];
  'custom-fields'?: unknown[];
  'stage-id'?: number | null;
  'trigger-id'?: number | null;
  'triggered-by'?: TeamtailorEventPerson;
  status?: {
    rejected?: boolean;
  };
}
/**
 * This interface was referenced by `TeamtailorPartnerEventRequest`'s JSON-Schema
 * via the `definition` "Person".
 */
export interface TeamtailorEventPerson {
  id?: number | string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}
