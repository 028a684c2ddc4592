/** The bridge and schema types this provider uses, in one import. */
export type * from '../../glossary.ts';
export type { OrderJob, OrderApplication } from '../../../../schemas/generated/unified/common.ts';
