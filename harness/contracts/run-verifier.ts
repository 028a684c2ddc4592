/** One Pact verification run, its verdict parsed into a VerifyReport (failures named by field). */
import { readFile } from 'node:fs/promises';
import { Verifier } from '@pact-foundation/pact';
import type { VerifierOptions } from '@pact-foundation/pact';
import { parseVerifierOutput, type VerifyReport } from './verify-report.ts';

export interface RunVerifierOptions {
  provider: string;
  providerBaseUrl: string;
  pactFile: string;
  stateHandlers?: VerifierOptions['stateHandlers'];
  requestFilter?: VerifierOptions['requestFilter'];
  /** how the report names the pact (default pactFile) */
  pactLabel?: string;
}

export async function runVerifier(o: RunVerifierOptions): Promise<VerifyReport> {
  const started = Date.now();
  const pact = JSON.parse(await readFile(o.pactFile, 'utf8'));
  let output: string;
  try {
    output = String(
      await new Verifier({
        provider: o.provider,
        providerBaseUrl: o.providerBaseUrl.replace(/\/+$/, ''),
        pactUrls: [o.pactFile],
        logLevel: 'error',
        ...(o.stateHandlers ? { stateHandlers: o.stateHandlers } : {}),
        ...(o.requestFilter ? { requestFilter: o.requestFilter } : {}),
        timeout: 30_000,
      }).verifyProvider(),
    );
  } catch (e) {
    output = (e as Error).message;
  }
  return parseVerifierOutput(output, { partnerBaseUrl: o.providerBaseUrl, pactFile: o.pactLabel ?? o.pactFile, pact, durationMs: Date.now() - started });
}
