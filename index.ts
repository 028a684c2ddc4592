/**
 * ats-sandbox as a library: start the whole sandbox in process (for tests), and the types of what it returns.
 * See harness/bridge/glossary.ts and harness/emulator/glossary.ts for the adapter interfaces.
 */
export { startSandbox, type Sandbox, type StartOptions } from './harness/sandbox.ts';
export { AdminClient, AdminError } from './harness/control-plane/client.ts';
export { sign, verifySignature, SIGNATURE_HEADER } from './harness/signing.ts';
export type { SandboxConfig } from './schemas/generated/sandbox/config.ts';
export type { CandidateCard, ResultCardView } from './schemas/generated/sandbox/candidate-card.ts';
export type { SendTestReport } from './schemas/generated/sandbox/send-test-report.ts';
export type { JournalEntry } from './schemas/generated/sandbox/journal-entry.ts';
export type { ResultUpdate } from './schemas/generated/unified/result-update.ts';
export type { Order } from './schemas/generated/unified/order.ts';
export type { OrderWebhook } from './schemas/generated/unified/order-webhook.ts';
export * from './harness/scenarios/index.ts';
// an ATS of your own, registered at run time (docs/adding-an-ats.md)
export { registerAtsDefinition, type AtsDefinition, type AtsSides } from './harness/ats/sides.ts';
export type { AtsManifest } from './harness/ats/manifest.ts';
