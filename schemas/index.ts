/**
 * `ats-sandbox/schemas`: the JSON Schemas (2020-12) of every payload and the TypeScript types generated
 * from them. The unified (StackOne-style) types are exported here; the files themselves are under
 * `ats-sandbox/schemas/<folder>/<name>.schema.json`, and `validate()` judges data by them exactly as
 * the sandbox does at run time.
 *
 *   import { validate, type ResultUpdate } from 'ats-sandbox/schemas';
 *   const v = validate('unified/result-update', body);   // { valid, issues: [{ pointer, message, expected, actual }] }
 */
export { validate, explainIssues, schemaNames, schemaOf, SCHEMA_ROOT, type Verdict } from '../harness/schemas/registry.ts';
export type * from './generated/unified/acks.ts';
export type * from './generated/unified/background-check-package-write.ts';
export type * from './generated/unified/common.ts';
export type * from './generated/unified/connector-meta.ts';
export type * from './generated/unified/error.ts';
export type * from './generated/unified/linked-account.ts';
export type * from './generated/unified/order-create-result.ts';
export type * from './generated/unified/order-webhook.ts';
export type * from './generated/unified/order.ts';
export type * from './generated/unified/package-list-request.ts';
export type * from './generated/unified/package-list-response.ts';
export type * from './generated/unified/package-paginated.ts';
export type * from './generated/unified/package-result.ts';
export type * from './generated/unified/result-update.ts';
export type { JournalEntry, SchemaVerdict } from './generated/sandbox/journal-entry.ts';
export type { SandboxConfig } from './generated/sandbox/config.ts';
