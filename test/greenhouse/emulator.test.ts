/**
 * The Greenhouse emulator on its own, against a stub partner that can answer badly: response_error
 * reports, the refused inputs in Greenhouse's error shape, and data that stays as it was.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import express from 'express';
import { createEmulator, type Emulator } from '../../harness/emulator/base.ts';
import { listen, type Listening } from '../../harness/http/service-app.ts';
import { Journal } from '../../harness/journal.ts';
import { Store } from '../../harness/store/store.ts';
import { DEMO_ACCOUNTS } from '../../harness/demo.ts';
import { basic, parseBasic } from '../../harness/signing.ts';
import { validate } from '../../harness/schemas/registry.ts';
import { greenhouseEmulator } from '../../mocks/greenhouse/index.ts';
import { GREENHOUSE_WORDING } from '../../mocks/greenhouse/wording.ts';
import { call } from './support.ts';

const account = DEMO_ACCOUNTS.greenhouse;
const partnerAuth = basic(account.native.partnerUsername, account.native.partnerPassword);

/** A partner that Greenhouse calls; each answer can be set per test. */
const stub = {
  listTests: [{ partner_test_id: 't1', partner_test_name: 'Test One' }] as unknown,
  testStatus: {} as unknown,
  received: [] as { path: string; query: Record<string, unknown>; body: unknown; user?: string }[],
};

let partner: Listening;
let gh: Listening;
let em: Emulator;
const journal = new Journal(undefined);

beforeAll(async () => {
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    stub.received.push({ path: req.path, query: { ...req.query }, body: req.body, user: parseBasic(req.header('authorization'))?.user });
    next();
  });
  app.get('/external-trigger/greenhouse/list_tests', (_req, res) => void res.json(stub.listTests));
  app.post('/external-trigger/greenhouse/send_test', (_req, res) => void res.json({ partner_interview_id: `pi_${stub.received.length}` }));
  app.get('/external-trigger/greenhouse/test_status', (_req, res) => void res.json(stub.testStatus));
  app.post('/external-trigger/greenhouse/response_error', (_req, res) => void res.json({ status: 200 }));
  partner = await listen(app as never, 0, '127.0.0.1');
  em = await createEmulator(greenhouseEmulator, { journal, store: new Store('greenhouse', undefined), account, bridgeUrl: () => partner.url, selfUrl: () => gh.url, hopWaitMs: 0 });
  gh = await listen(em.app, 0, '127.0.0.1');
});
afterAll(async () => {
  await gh.close();
  await partner.close();
});
beforeEach(() => {
  stub.received = [];
  stub.listTests = [{ partner_test_id: 't1', partner_test_name: 'Test One' }];
});

const errorsPosted = () => stub.received.filter((r) => r.path.endsWith('/response_error')).map((r) => r.body as Record<string, unknown>);

async function sentTest(): Promise<string> {
  const report = await em.sendTest({ candidateId: 'cand_juston' });
  expect(report.ok).toBe(true);
  return report.nativeId!;
}

describe('Greenhouse calling the partner', () => {
  it('sends the documented send_test body with Basic base64(token:) and a take_home_test url', async () => {
    await sentTest();
    const send = stub.received.find((r) => r.path.endsWith('/send_test'))!;
    expect(send.user).toBe(account.externalTriggerToken);
    expect(send.query).toEqual({ 'tenant-id': 'acme-corp' });
    expect(validate('greenhouse/send-test-request', send.body).valid).toBe(true);
    expect(send.body).toMatchObject({
      partner_test_id: 't1',
      candidate: { first_name: 'Juston', last_name: 'Becker', preferred_name: 'Juston', email: 'juston@example.com', greenhouse_profile_url: `${gh.url}/people/54322?application_id=26234710` },
      sent_by: 'edison.kuhn@acme.example',
      url: expect.stringMatching(new RegExp(`^${gh.url}/integrations/testing_partners/take_home_tests/\\d+$`)),
    });
    expect((send.body as { candidate: Record<string, unknown> }).candidate.id).toBeUndefined();
  });

  it.each([
    ['an object instead of the bare array', { tests: [] }, 'response must be a JSON array of tests, got an object'],
    ['a test without a name', [{ partner_test_id: 't1' }], 'test 0: partner_test_name is missing or not a string'],
  ])('list_tests answering %s: Sorry…, and response_error with api_call list_tests', async (_what, answer, error) => {
    stub.listTests = answer;
    const report = await em.sendTest({});
    expect(report.recruiterSees).toBe(GREENHOUSE_WORDING.sorry);
    expect(errorsPosted()).toEqual([{ api_call: 'list_tests', errors: [error] }]);
  });

  it("test_status 'complete' without partner_profile_url: response_error with Greenhouse's words, the test stays open", async () => {
    const id = await sentTest();
    stub.testStatus = { partner_status: 'complete', partner_score: 50 };
    const patch = await call(`${gh.url}/integrations/testing_partners/take_home_tests/${id}`, { method: 'PATCH', headers: { authorization: partnerAuth } });
    expect(patch.status).toBe(200);
    const read = stub.received.find((r) => r.path.endsWith('/test_status'))!;
    expect(read.query).toEqual({ 'tenant-id': 'acme-corp', partner_interview_id: expect.stringMatching(/^pi_/) });
    expect(errorsPosted()).toEqual([
      expect.objectContaining({ api_call: 'test_status', errors: ["partner_status is 'complete' but partner_profile url is missing"], partner_test_id: 't1', partner_test_name: 'Test One', candidate_email: 'juston@example.com' }),
    ]);
    let card = (await em.card('cand_juston')).results.find((r) => r.nativeId === id)!;
    expect(card.status.label).toBe('Sent');
    expect(card.error).toContain('partner_profile url is missing');

    // nested metadata is refused too
    stub.testStatus = { partner_status: 'complete', partner_profile_url: 'https://p.example/r', metadata: { Detail: { a: 1 } } };
    await call(`${gh.url}/integrations/testing_partners/take_home_tests/${id}`, { method: 'PATCH', headers: { authorization: partnerAuth } });
    expect(errorsPosted().at(-1)!.errors).toEqual(['metadata "Detail" must be a JavaScript primitive (metadata must be flat)']);

    // the partner fixes its answer: the next PATCH completes the test
    stub.testStatus = { partner_status: 'complete', partner_profile_url: 'https://p.example/r', partner_score: 91, metadata: { Notes: 'ok' } };
    expect((await call(`${gh.url}/integrations/testing_partners/take_home_tests/${id}`, { method: 'PATCH', headers: { authorization: partnerAuth } })).status).toBe(200);
    card = (await em.card('cand_juston')).results.find((r) => r.nativeId === id)!;
    expect(card).toMatchObject({ status: { label: 'Completed' }, score: { value: 91 }, links: [{ text: 'View Report', url: 'https://p.example/r' }, { text: 'Go to Test', url: 'https://p.example/r' }] });
    expect(card.error).toBeUndefined();
  });
});

describe('Greenhouse refusing bad input, in its own shape, keeping its data', () => {
  let id: string;
  const patch = (headers: Record<string, string>, body?: string, testId = id) => call(`${gh.url}/integrations/testing_partners/take_home_tests/${testId}`, { method: 'PATCH', headers, body });
  const cardNow = async () => (await em.card('cand_juston')).results.find((r) => r.nativeId === id);

  beforeAll(async () => {
    id = await sentTest();
    stub.testStatus = { partner_status: 'complete', partner_profile_url: 'https://p.example/first', partner_score: 70, metadata: { Notes: 'first' } };
    expect((await patch({ authorization: partnerAuth })).status).toBe(200);
  });

  it.each([
    ['no credentials', {}],
    ['the External Trigger Token (the key Greenhouse sends, not the partner credentials)', { authorization: basic(account.externalTriggerToken, '') }],
    ["another ATS's credentials", { authorization: basic(DEMO_ACCOUNTS.teamtailor.native.partnerApiKey, '') }],
    ['the right user with a wrong password', { authorization: basic(account.native.partnerUsername, 'nope') }],
  ])('401 for %s', async (_what, headers) => {
    const res = await patch(headers);
    expect(res.status).toBe(401);
    expect(res.json.message).toBe('Invalid Basic Auth credentials');
    expect(validate('greenhouse/error', res.json).valid).toBe(true);
  });

  it('400 for malformed JSON, 404 for an unknown test, 409 for a second update, 401 on Harvest', async () => {
    const bad = await patch({ authorization: partnerAuth, 'content-type': 'application/json' }, '{"oops":');
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/not valid JSON/);
    expect(validate('greenhouse/error', bad.json).valid).toBe(true);

    const unknown = await patch({ authorization: partnerAuth }, undefined, '999');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ message: 'Take home test 999 not found', errors: [{ message: 'names no take home test', field: 'path.id' }] });

    stub.testStatus = { partner_status: 'complete', partner_profile_url: 'https://p.example/second', partner_score: 5 };
    const again = await patch({ authorization: partnerAuth });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ message: GREENHOUSE_WORDING.alreadyCompleted });
    expect(stub.received.filter((r) => r.path.endsWith('/test_status'))).toHaveLength(0);

    const harvest = await call(`${gh.url}/v1/jobs/12345`, { headers: { authorization: basic('someone', 'else') } });
    expect(harvest.status).toBe(401);
    expect(harvest.json.message).toBe('Invalid Basic Auth credentials');
  });

  it('the first result is unchanged after all of that', async () => {
    expect(await cardNow()).toMatchObject({ status: { label: 'Completed' }, score: { value: 70 }, fields: expect.arrayContaining([{ label: 'Notes', value: 'first' }]), links: [{ text: 'View Report', url: 'https://p.example/first' }, expect.anything()] });
  });
});

describe('Greenhouse options for what its docs leave open', () => {
  it('async test_status read, 204 on PATCH, repeated updates ignored, extra ids in send_test', async () => {
    const { createGreenhouseEmulator } = await import('../../mocks/greenhouse/index.ts');
    let self = '';
    const other = await createEmulator(createGreenhouseEmulator({ testStatusTiming: 'async', patchStatus: 204, duplicateUpdate: 'ignore', emitExtraIds: true }), {
      journal,
      store: new Store('greenhouse', undefined),
      account,
      bridgeUrl: () => partner.url,
      selfUrl: () => self,
      hopWaitMs: 0,
    });
    const l = await listen(other.app, 0, '127.0.0.1');
    self = l.url;
    try {
      const report = await other.sendTest({ candidateId: 'cand_juston' });
      const send = stub.received.find((r) => r.path.endsWith('/send_test'))!.body as { candidate: { id?: number }; application?: { id: number } };
      expect(send.candidate.id).toBe(54322);
      expect(send.application).toEqual({ id: 26234710 });
      stub.testStatus = { partner_status: 'complete', partner_profile_url: 'https://p.example/async', partner_score: 3 };
      const url = `${l.url}/integrations/testing_partners/take_home_tests/${report.nativeId}`;
      expect((await call(url, { method: 'PATCH', headers: { authorization: partnerAuth } })).status).toBe(204);
      let card;
      for (let i = 0; i < 100 && card?.status.label !== 'Completed'; i++) {
        await new Promise((r) => setTimeout(r, 10));
        card = (await other.card('cand_juston')).results[0];
      }
      expect(card).toMatchObject({ status: { label: 'Completed' }, score: { value: 3 } });
      stub.testStatus = { partner_status: 'complete', partner_profile_url: 'https://p.example/later', partner_score: 99 };
      expect((await call(url, { method: 'PATCH', headers: { authorization: partnerAuth } })).status).toBe(204);
      expect((await other.card('cand_juston')).results[0].score?.value).toBe(3);
    } finally {
      await l.close();
    }
  });
});
