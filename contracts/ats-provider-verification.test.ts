/**
 * Provider side of the ATS pacts, replayed against ONE sandbox's real services (ports 0):
 * each ATS → bridge pact against the real bridge, each bridge → ATS pact against the real emulator.
 * Provider states create what an interaction needs (orders, partner-results, reports, take-home
 * tests, SmartRecruiters orders) through the emulators' own recruiter actions; the request filter
 * puts the real credentials into the secret-bearing headers (harness/contracts/ats/auth.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../harness/sandbox.ts';
import { PACTS_DIR, PARTICIPANTS } from '../harness/contracts/pact-files.ts';
import { runVerifier } from '../harness/contracts/run-verifier.ts';
import { failureLines, type VerifyReport } from '../harness/contracts/verify-report.ts';
import { resultPactFile, triggerPactFile } from '../harness/contracts/ats/pacts.ts';
import { atsRequestFilter, type Rewrite } from '../harness/contracts/ats/verify-filter.ts';
import { atsTokenFor, bridgeTokenFor, smartRecruitersResultForm, smartRecruitersTriggerForm } from '../mocks/smartrecruiters/contracts/auth.ts';
import * as teamtailorTriggers from '../mocks/teamtailor/contracts/triggers.ts';
import * as recruiteeTriggers from '../mocks/recruitee/contracts/triggers.ts';
import * as greenhouseTriggers from '../mocks/greenhouse/contracts/triggers.ts';
import * as teamtailorResults from '../mocks/teamtailor/contracts/results.ts';
import * as recruiteeResults from '../mocks/recruitee/contracts/results.ts';
import * as greenhouseResults from '../mocks/greenhouse/contracts/results.ts';
import { TEAMTAILOR_RESULT_STATES, TEAMTAILOR_RESULTS } from '../mocks/teamtailor/contracts/results.ts';
import { RECRUITEE_RESULT_STATES, RECRUITEE_RESULTS } from '../mocks/recruitee/contracts/results.ts';
import { GREENHOUSE_RESULT_STATES, GREENHOUSE_RESULTS } from '../mocks/greenhouse/contracts/results.ts';
import { SMARTRECRUITERS_RESULT_STATES, SMARTRECRUITERS_RESULTS } from '../mocks/smartrecruiters/contracts/results.ts';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { TEAMTAILOR_TRIGGER_STATES, TEAMTAILOR_TRIGGERS } from '../mocks/teamtailor/contracts/triggers.ts';
import { RECRUITEE_TRIGGER_STATES, RECRUITEE_TRIGGERS } from '../mocks/recruitee/contracts/triggers.ts';
import { GREENHOUSE_TRIGGER_STATES, GREENHOUSE_TRIGGERS } from '../mocks/greenhouse/contracts/triggers.ts';
import { SMARTRECRUITERS_TRIGGER_STATES, SMARTRECRUITERS_TRIGGERS } from '../mocks/smartrecruiters/contracts/triggers.ts';
import { EXAMPLE_RESULT } from '../harness/contracts/ats/matchers.ts';
import { bridgeCall, resultPath } from '../test/helpers.ts';
import type { ProviderKey } from '../harness/config.ts';
import type { Request } from 'express';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
});
afterAll(() => sb?.close());

const noop = async () => undefined;
type States = Record<string, (params?: unknown) => Promise<unknown>>;


/** A recruiter sent a test in this ATS (the real flow: emulator → bridge → partner). */
async function sent(ats: ProviderKey): Promise<{ orderId: string; nativeId: string }> {
  const r = await sb.emulators[ats]!.sendTest({ category: 'assessment', candidateId: 'cand_grace' });
  if (!r.ok || !r.orderId || !r.nativeId) throw new Error(`state: ${ats} send-test failed: ${JSON.stringify(r.steps)}`);
  return { orderId: r.orderId, nativeId: r.nativeId };
}

/** ... and the partner's result was delivered to the ATS. */
async function withResult(ats: ProviderKey): Promise<{ orderId: string; nativeId: string }> {
  const s = await sent(ats);
  const r = await bridgeCall(sb, ats, 'PATCH', resultPath('assessment', s.orderId), EXAMPLE_RESULT);
  if (r.status !== 200) throw new Error(`state: ${ats} result refused: ${r.status} ${JSON.stringify(r.json)}`);
  return s;
}

function verifyBridge(ats: ProviderKey, stateHandlers: States, rewrite: (req: Request) => Promise<Rewrite> | Rewrite, providerBaseUrl = sb.urls.bridge): Promise<VerifyReport> {
  return runVerifier({ provider: PARTICIPANTS.bridge, providerBaseUrl, pactFile: path.join(PACTS_DIR, triggerPactFile(ats)), stateHandlers, requestFilter: atsRequestFilter(rewrite) });
}

const descriptions = (r: VerifyReport) => r.interactions.map((i) => i.description).sort();

/** SmartRecruiters' calls carry a token the bridge issued: one per verification run. */
function smartRecruitersTriggerRewrite(bridgeUrl: string): (req: Request) => Promise<Rewrite> {
  let token: Promise<string> | undefined;
  return async (req) => {
    if (req.path.endsWith('/oauth/token')) return { form: smartRecruitersTriggerForm(sb.accounts.smartrecruiters) };
    token ??= bridgeTokenFor(bridgeUrl, sb.accounts.smartrecruiters);
    return { headers: { authorization: `Bearer ${await token}` } };
  };
}

const TRIGGERS = {
  teamtailor: () => verifyBridge('teamtailor', { [TEAMTAILOR_TRIGGER_STATES.linked]: noop }, () => ({ headers: { authorization: teamtailorTriggers.triggerAuthorization(sb.accounts.teamtailor) } })),
  recruitee: () => verifyBridge('recruitee', { [RECRUITEE_TRIGGER_STATES.linked]: noop }, () => ({ headers: { authorization: recruiteeTriggers.triggerAuthorization(sb.accounts.recruitee) } })),
  greenhouse: () =>
    verifyBridge(
      'greenhouse',
      {
        [GREENHOUSE_TRIGGER_STATES.linked]: noop,
        [GREENHOUSE_TRIGGER_STATES.orderExists]: () => sent('greenhouse'),
        [GREENHOUSE_TRIGGER_STATES.resultDelivered]: () => withResult('greenhouse'),
      },
      () => ({ headers: { authorization: greenhouseTriggers.triggerAuthorization(sb.accounts.greenhouse) } }),
    ),
  smartrecruiters: () =>
    verifyBridge('smartrecruiters', { [SMARTRECRUITERS_TRIGGER_STATES.linked]: async () => ({ smartRecruitersUrl: sb.urls.smartrecruiters }) }, smartRecruitersTriggerRewrite(sb.urls.bridge)),
};

const TRIGGER_INTERACTIONS: Record<ProviderKey, Record<string, string>> = {
  teamtailor: TEAMTAILOR_TRIGGERS,
  recruitee: RECRUITEE_TRIGGERS,
  greenhouse: GREENHOUSE_TRIGGERS,
  smartrecruiters: SMARTRECRUITERS_TRIGGERS,
};

describe('ATS → bridge pacts, verified against the real bridge', () => {
  for (const ats of Object.keys(TRIGGERS) as ProviderKey[]) {
    it(`the bridge honours the ${ats} → bridge pact (${Object.values(TRIGGER_INTERACTIONS[ats]).length} interactions)`, async () => {
      const report = await TRIGGERS[ats]();
      expect(report.ok, failureLines(report).join('\n')).toBe(true);
      expect(descriptions(report)).toEqual(Object.values(TRIGGER_INTERACTIONS[ats]).sort());
    });
  }
});

function verifyEmulator(ats: ProviderKey, stateHandlers: States, rewrite: (req: Request) => Promise<Rewrite> | Rewrite): Promise<VerifyReport> {
  return runVerifier({ provider: ats, providerBaseUrl: sb.urls[ats], pactFile: path.join(PACTS_DIR, resultPactFile(ats)), stateHandlers, requestFilter: atsRequestFilter(rewrite) });
}

const native = (ats: ProviderKey, key: string) => async () => ({ [key]: (await sent(ats)).nativeId });
const gone = (key: string) => async () => ({ [key]: randomUUID() });

/** The bridge's PATCHes carry a token SmartRecruiters issued: one per verification run. */
function smartRecruitersResultRewrite(): (req: Request) => Promise<Rewrite> {
  let token: Promise<string> | undefined;
  return async (req) => {
    if (req.path === '/identity/oauth/token') return { form: smartRecruitersResultForm(sb.accounts.smartrecruiters) };
    token ??= atsTokenFor(sb.urls.smartrecruiters, sb.accounts.smartrecruiters);
    return { headers: { authorization: `Bearer ${await token}` } };
  };
}

const RESULTS = {
  teamtailor: () =>
    verifyEmulator(
      'teamtailor',
      { [TEAMTAILOR_RESULT_STATES.exists]: native('teamtailor', 'partnerResultId'), [TEAMTAILOR_RESULT_STATES.deleted]: gone('partnerResultId') },
      () => ({ headers: teamtailorResults.resultAuthHeaders(sb.accounts.teamtailor) }),
    ),
  recruitee: () =>
    verifyEmulator(
      'recruitee',
      { [RECRUITEE_RESULT_STATES.exists]: native('recruitee', 'reportId'), [RECRUITEE_RESULT_STATES.deleted]: gone('reportId') },
      () => ({ headers: recruiteeResults.resultAuthHeaders(sb.accounts.recruitee) }),
    ),
  greenhouse: () =>
    verifyEmulator(
      'greenhouse',
      { [GREENHOUSE_RESULT_STATES.sent]: native('greenhouse', 'testId'), [GREENHOUSE_RESULT_STATES.complete]: async () => ({ testId: (await withResult('greenhouse')).nativeId }) },
      () => ({ headers: greenhouseResults.resultAuthHeaders(sb.accounts.greenhouse) }),
    ),
  smartrecruiters: () =>
    verifyEmulator(
      'smartrecruiters',
      {
        [SMARTRECRUITERS_RESULT_STATES.credentials]: noop,
        [SMARTRECRUITERS_RESULT_STATES.exists]: native('smartrecruiters', 'srOrderId'),
        [SMARTRECRUITERS_RESULT_STATES.unknown]: gone('srOrderId'),
      },
      smartRecruitersResultRewrite(),
    ),
};

const RESULT_INTERACTIONS: Record<ProviderKey, Record<string, string>> = {
  teamtailor: TEAMTAILOR_RESULTS,
  recruitee: RECRUITEE_RESULTS,
  greenhouse: GREENHOUSE_RESULTS,
  smartrecruiters: SMARTRECRUITERS_RESULTS,
};

describe('bridge → ATS pacts, verified against the real emulators', () => {
  for (const ats of Object.keys(RESULTS) as ProviderKey[]) {
    it(`the ${ats} emulator honours the bridge → ${ats} pact (accepted result and refusal)`, async () => {
      const report = await RESULTS[ats]();
      expect(report.ok, failureLines(report).join('\n')).toBe(true);
      expect(descriptions(report)).toEqual(Object.values(RESULT_INTERACTIONS[ats]).sort());
    });
  }
});

/** A bridge whose answers on `path` lose a field: forwards everything to the real bridge, then edits matching JSON answers. */
async function bridgeWithout(path: RegExp, edit: (json: any) => unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length')) as Record<string, string>;
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const r = await fetch(`${sb.urls.bridge}${req.url}`, { method: req.method, headers, body });
      let text = await r.text();
      if (path.test(req.url ?? '') && text) text = JSON.stringify(edit(JSON.parse(text)));
      const out: Record<string, string> = {};
      r.headers.forEach((v, k) => {
        if (!['content-length', 'transfer-encoding', 'content-encoding', 'connection'].includes(k)) out[k] = v;
      });
      res.writeHead(r.status, out).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address() as { port: number };
  return { url: `http://127.0.0.1:${addr.port}`, server };
}

describe('a broken bridge payload fails its contract, naming the field', () => {
  it('a Recruitee tests list whose tests lost their name fails the Recruitee → bridge pact at body $[0], naming name', async () => {
    const broken = await bridgeWithout(/\/recruitee\/assessment\/tests/, (tests: { name?: string }[]) => tests.map(({ name: _name, ...rest }) => rest));
    try {
      const report = await verifyBridge('recruitee', { [RECRUITEE_TRIGGER_STATES.linked]: noop }, () => ({ headers: { authorization: recruiteeTriggers.triggerAuthorization(sb.accounts.recruitee) } }), broken.url);
      expect(report.ok).toBe(false);
      // "a request for the assessment tests: body $[0]: Actual map is missing the following keys: name"
      expect(failureLines(report)).toContain('a request for the assessment tests: body $[0]: Actual map is missing the following keys: name');
      expect(report.interactions.find((i) => i.description === RECRUITEE_TRIGGERS.sendCandidate)?.ok).toBe(true);
    } finally {
      broken.server.close();
    }
  });
});
