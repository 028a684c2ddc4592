/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * Acknowledgements of write operations.
 */
export interface Acks {
  [k: string]: unknown;
}
/**
 * This interface was referenced by `Acks`'s JSON-Schema
 * via the `definition` "CreateResult".
 */
export interface CreateResult {
  statusCode: 201;
  message: string;
  timestamp: string;
  data: {
    id?: string | null;
    remote_id?: string | null;
  };
}
/**
 * This interface was referenced by `Acks`'s JSON-Schema
 * via the `definition` "UpdateResult".
 */
export interface UpdateResult {
  statusCode: 200;
  message: string;
  timestamp: string;
}
/**
 * This interface was referenced by `Acks`'s JSON-Schema
 * via the `definition` "DeleteResult".
 */
export interface DeleteResult {
  statusCode: 204;
  message: string;
  timestamp: string;
}
