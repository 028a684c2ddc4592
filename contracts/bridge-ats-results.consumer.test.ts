/**
 * Consumer side of bridge → each ATS (native result APIs): the REAL bridge's result mappers
 * (harness/bridge/providers/<ats>/) write a partner's result to Pact's mock ATS; the interactions go
 * to contracts/pacts/ats-sandbox-bridge-<ats>.json. Definitions: mocks/<ats>/contracts/results.ts.
 *
 * The order is placed the way the ATS places it: the real emulator's recruiter action goes to the
 * real bridge, with the emulator's own URL (the partner-result's update-url, the take_home_test URL,
 * resultCallbackURL) set to the mock, and the bridge's ATS base URL set to the mock where it builds
 * the URL itself (Recruitee's reports, SmartRecruiters' token). Then the partner PATCHes its result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PactV4 } from '@pact-foundation/pact';
import { startSandbox, type Sandbox } from '../harness/sandbox.ts';
import { resultPact } from '../harness/contracts/ats/pacts.ts';
import { emulatorUnderTest, type EmulatorUnderTest } from '../harness/contracts/ats/emulator-under-test.ts';
import * as teamtailor from '../mocks/teamtailor/contracts/results.ts';
import * as recruitee from '../mocks/recruitee/contracts/results.ts';
import * as greenhouse from '../mocks/greenhouse/contracts/results.ts';
import * as smartrecruiters from '../mocks/smartrecruiters/contracts/results.ts';
import { EXAMPLE_RESULT } from '../harness/contracts/ats/matchers.ts';
import { bridgeCall, resultPath } from '../test/helpers.ts';
import type { ProviderKey } from '../harness/config.ts';
import type { BridgeApi, ProviderAdapter } from '../harness/bridge/glossary.ts';

let sb: Sandbox | undefined;
let eut: EmulatorUnderTest | undefined;
afterEach(async () => {
  await eut?.close();
  await sb?.close();
  eut = sb = undefined;
});


/** A sandbox whose ATS API is the mock, an order placed by the real emulator, then the partner's result; the bridge's answer. */
async function deliverThrough(ats: ProviderKey, mockUrl: string, tamper?: (real: ProviderAdapter) => ProviderAdapter): Promise<{ status: number; json: any }> {
  // authType 'partner': the bridge reads no job from the ATS's public API, so the mock sees only the result calls
  sb = await startSandbox({ ports: 0, only: ['bridge', 'partner'], partner: { autoComplete: false }, providers: { [ats]: { baseUrl: mockUrl, authType: 'partner' } } });
  if (tamper) sb.bridge!.adapters.set(ats, tamper(sb.bridge!.adapters.get(ats)!));
  eut = await emulatorUnderTest(ats, { bridgeUrl: sb.urls.bridge, selfUrl: mockUrl });
  const sent = await eut.em.sendTest({ category: 'assessment', candidateId: 'cand_ada' });
  if (!sent.ok || !sent.orderId) throw new Error(`the ${ats} order was not placed: ${JSON.stringify(sent.steps)}`);
  return bridgeCall(sb, ats, 'PATCH', resultPath('assessment', sent.orderId), EXAMPLE_RESULT);
}

const CASES: { ats: ProviderKey; accepted: (p: PactV4) => { executeTest: PactV4Exec }; refused: (p: PactV4) => { executeTest: PactV4Exec }; refusal: { status: number; errorCode: string; why: string } }[] = [
  {
    ats: 'teamtailor',
    accepted: (p) => teamtailor.updateInteraction(p.addInteraction()),
    refused: (p) => teamtailor.deletedInteraction(p.addInteraction()),
    refusal: { status: 404, errorCode: 'ProviderRefusedError', why: 'the partner-result was deleted' },
  },
  {
    ats: 'recruitee',
    accepted: (p) => recruitee.updateInteraction(p.addInteraction()),
    refused: (p) => recruitee.deletedInteraction(p.addInteraction()),
    refusal: { status: 502, errorCode: 'ProviderRefusedError', why: 'the report was deleted' },
  },
  {
    ats: 'greenhouse',
    accepted: (p) => greenhouse.completeInteraction(p.addInteraction()),
    refused: (p) => greenhouse.duplicateInteraction(p.addInteraction()),
    refusal: { status: 409, errorCode: 'DuplicateResultUpdateError', why: 'the test is already complete' },
  },
  {
    ats: 'smartrecruiters',
    accepted: (p) => (smartrecruiters.tokenInteraction(p.addInteraction()), smartrecruiters.updateInteraction(p.addInteraction())),
    refused: (p) => (smartrecruiters.tokenInteraction(p.addInteraction()), smartrecruiters.unknownOrderInteraction(p.addInteraction())),
    refusal: { status: 404, errorCode: 'ProviderRefusedError', why: 'the order is unknown' },
  },
];
type PactV4Exec = (fn: (mock: { url: string }) => Promise<unknown>) => Promise<unknown>;

describe('bridge → ATS result APIs (consumer)', () => {
  for (const c of CASES) {
    it(`${c.ats}: the mapped result is accepted and the partner gets 200`, async () => {
      await c.accepted(resultPact(c.ats)).executeTest(async (mock) => {
        const r = await deliverThrough(c.ats, mock.url);
        expect(r.status, JSON.stringify(r.json)).toBe(200);
      });
    });

    it(`${c.ats}: refused because ${c.refusal.why}; the partner gets ${c.refusal.status} ${c.refusal.errorCode}`, async () => {
      await c.refused(resultPact(c.ats)).executeTest(async (mock) => {
        const r = await deliverThrough(c.ats, mock.url);
        expect(r.status, JSON.stringify(r.json)).toBe(c.refusal.status);
        expect(r.json.errorCode).toBe(c.refusal.errorCode);
      });
    });
  }

  it('a broken result mapping (Teamtailor without data.attributes.status) fails the contract, naming the field', async () => {
    const dropStatus = (real: ProviderAdapter): ProviderAdapter => ({
      ...real,
      deliverResult: (input) => {
        const bridge: BridgeApi = Object.create(input.bridge, {
          http: {
            value: (req: Parameters<BridgeApi['http']>[0]) => {
              const body = structuredClone(req.body) as { data: { attributes: Record<string, unknown> } };
              delete body.data.attributes.status;
              return input.bridge.http({ ...req, body });
            },
          },
        });
        return real.deliverResult({ ...input, bridge });
      },
    });
    const run = teamtailor.updateInteraction(resultPact('teamtailor').addInteraction()).executeTest(async (mock) => {
      await deliverThrough('teamtailor', mock.url, dropStatus);
    });
    const message = await run.then(
      () => 'the contract passed',
      (e: Error) => e.message,
    );
    // "$.data.attributes: Expected a Map with keys [assessment, attachments, status, summary, url] but received one with keys [assessment, attachments, summary, url]"
    const keys = /\$\.data\.attributes: Expected a Map with keys \[([^\]]*)\] but received one with keys \[([^\]]*)\]/.exec(message);
    expect(keys, message).not.toBeNull();
    expect(keys![1].split(', ')).toContain('status');
    expect(keys![2].split(', ')).not.toContain('status');
  });
});
